package dev.transmitmock.junit.tls;

import static dev.transmitmock.junit.tls.TlsClientAuthSetup.GENERATED;
import static dev.transmitmock.junit.tls.TlsClientAuthSetup.LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitMockExtension;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
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
      TlsClientAuthSetup.extension(
          TlsConfig.builder().clientCaCertificate(USER_CLIENT_CA.certificate()).build());

  @Test
  void the_generated_tls_client_auth_client_gets_a_token() throws Exception {
    Reply response = TlsClientAuthSetup.generatedClientRequest(mock);

    assertThat(response.status()).isEqualTo(200);
    assertThat(mock.credentials(GENERATED).certificate().getIssuerX500Principal())
        .isNotEqualTo(mock.caCertificate().getSubjectX500Principal());
  }

  @Test
  void a_certificate_from_the_configured_client_ca_is_trusted() throws Exception {
    TlsIdentity legacy = USER_CLIENT_CA.issue("CN=" + LEGACY, List.of());

    Reply response = TlsClientAuthSetup.legacyRequest(mock, legacy);

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void a_certificate_from_the_emulators_ca_stays_untrusted() throws Exception {
    TlsIdentity legacy = mock.server().issueClientCertificate("CN=" + LEGACY, List.of());

    Reply response = TlsClientAuthSetup.legacyRequest(mock, legacy);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("invalid_client");
  }
}
