package dev.transmitmock.junit.tls;

import static dev.transmitmock.junit.tls.TlsClientAuthSetup.GENERATED;
import static dev.transmitmock.junit.tls.TlsClientAuthSetup.LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitMockExtension;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
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
      TlsClientAuthSetup.extension(
          TlsConfig.builder()
              .certificatePem(SERVER_CERTIFICATE.chainPem())
              .privateKeyPem(SERVER_CERTIFICATE.privateKeyPem())
              .build());

  @Test
  void the_generated_tls_client_auth_client_gets_a_token() throws Exception {
    Reply response = TlsClientAuthSetup.generatedClientRequest(mock);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo(GENERATED);
    assertThat(mock.credentials(GENERATED).certificate().getIssuerX500Principal().getName())
        .isEqualTo("CN=transmit-mock test client CA");
  }

  @Test
  void a_certificate_from_the_users_ca_is_still_trusted() throws Exception {
    TlsIdentity legacy = USER_CA.issue("CN=" + LEGACY, List.of());

    Reply response = TlsClientAuthSetup.legacyRequest(mock, legacy);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo(LEGACY);
  }

  @Test
  void a_certificate_from_a_foreign_ca_naming_the_client_is_refused() throws Exception {
    TlsIdentity impostor =
        TlsIdentity.certificateAuthority("CN=foreign CA").issue("CN=" + GENERATED, List.of());

    Reply response =
        TestHttp.with(impostor.sslContext(mock.caCertificate()))
            .send(mock.credentials(GENERATED).tokenRequest());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("invalid_client");
  }
}
