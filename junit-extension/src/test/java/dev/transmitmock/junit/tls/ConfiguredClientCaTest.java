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
 * The user trusts their own client CA: configured CAs replace the emulator's CA, so the extension
 * issues the generated tls_client_auth certificate from its test CA, trusted beside the user's CA,
 * and the emulator's CA stays untrusted.
 */
class ConfiguredClientCaTest {
  private static final TlsIdentity USER_CLIENT_CA =
      TlsIdentity.certificateAuthority("CN=user client CA");

  @RegisterExtension
  static TransmitMockExtension mock =
      TransmitMockExtension.builder()
          .https(TlsConfig.builder().clientCaCertificate(USER_CLIENT_CA.certificate()).build())
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
    assertThat(payments.certificate().getIssuerX500Principal())
        .isNotEqualTo(mock.caCertificate().getSubjectX500Principal());
  }

  @Test
  void a_certificate_from_the_configured_client_ca_is_trusted() throws Exception {
    TlsIdentity legacy = USER_CLIENT_CA.issue("CN=legacy-svc", List.of());

    TokenResponse response =
        TlsRequests.certificateRequest(
            legacy.sslContext(mock.caCertificate()), mock.httpsTokenEndpoint(), "legacy-svc");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void a_certificate_from_the_emulators_ca_stays_untrusted() throws Exception {
    TlsIdentity legacy = mock.server().issueClientCertificate("CN=legacy-svc", List.of());

    TokenResponse response =
        TlsRequests.certificateRequest(
            legacy.sslContext(mock.caCertificate()), mock.httpsTokenEndpoint(), "legacy-svc");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error")).isEqualTo("invalid_client");
  }
}
