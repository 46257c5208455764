package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMockExtension;
import dev.transmitmock.junit.support.TlsRequests;
import dev.transmitmock.junit.support.TokenResponse;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.control.AuthMethod;
import dev.transmitmock.server.tls.TlsConfig;
import dev.transmitmock.server.tls.TlsIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server certificate is the user's: the emulator holds no CA key, so the extension issues the
 * generated tls_client_auth certificate from its own test CA and trusts that CA too, while the
 * user's CA (the default client CA) stays trusted.
 */
class OwnServerCertificateTest {
  private static final TlsIdentity USER_CA = TlsIdentity.certificateAuthority("CN=user CA");
  private static final TlsIdentity SERVER_CERTIFICATE =
      USER_CA.issue("CN=localhost", List.of("localhost", "127.0.0.1"));

  @RegisterExtension
  static TransmitMockExtension mock =
      TransmitMockExtension.builder()
          .https(
              TlsConfig.builder()
                  .certificatePem(SERVER_CERTIFICATE.chainPem())
                  .privateKeyPem(SERVER_CERTIFICATE.privateKeyPem())
                  .build())
          .client("payments-svc", AuthMethod.TLS_CLIENT_AUTH)
          .client(
              ClientConfig.builder("legacy-svc")
                  .authentication(
                      ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                          .tlsClientAuthSubjectDn("CN=legacy-svc")
                          .build())
                  .build())
          .build();

  @Test
  void the_generated_tls_client_auth_client_gets_a_token() throws Exception {
    TransmitClientCredentials payments = mock.credentials("payments-svc");

    TokenResponse response = TlsRequests.send(payments.sslContext(), payments.tokenRequest());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("payments-svc");
    assertThat(payments.certificate().getIssuerX500Principal().getName())
        .isEqualTo("CN=transmit-mock test client CA");
  }

  @Test
  void a_certificate_from_the_users_ca_is_still_trusted() throws Exception {
    TlsIdentity legacy = USER_CA.issue("CN=legacy-svc", List.of());

    TokenResponse response =
        TlsRequests.certificateRequest(
            legacy.sslContext(mock.caCertificate()), mock.httpsTokenEndpoint(), "legacy-svc");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("legacy-svc");
  }

  @Test
  void a_certificate_from_a_foreign_ca_naming_the_client_is_refused() throws Exception {
    TlsIdentity impostor =
        TlsIdentity.certificateAuthority("CN=foreign CA").issue("CN=payments-svc", List.of());

    TokenResponse response =
        TlsRequests.send(
            impostor.sslContext(mock.caCertificate()),
            mock.credentials("payments-svc").tokenRequest());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error")).isEqualTo("invalid_client");
  }
}
