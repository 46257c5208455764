package dev.transmitmock.junit.tls;

import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMockExtension;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.io.IOException;

/**
 * The set-up of the tests where the user brings a CA: a generated {@code tls_client_auth} client
 * {@value #GENERATED} and a configured one, {@value #LEGACY}, whose certificate the test issues.
 */
final class TlsClientAuthSetup {
  /** The client whose certificate the extension generates. */
  static final String GENERATED = "payments-svc";

  /** The configured client, registered by subject DN {@code CN=legacy-svc}. */
  static final String LEGACY = "legacy-svc";

  private TlsClientAuthSetup() {}

  /** An extension serving HTTPS as configured, with both clients. */
  static TransmitMockExtension extension(TlsConfig https) {
    return TransmitMockExtension.builder()
        .https(https)
        .client(GENERATED, AuthMethod.TLS_CLIENT_AUTH)
        .client(
            ClientConfig.builder(LEGACY)
                .authentication(
                    ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                        .tlsClientAuthSubjectDn("CN=" + LEGACY)
                        .build())
                .build())
        .build();
  }

  /** The generated client's own token request, with its own certificate. */
  static Reply generatedClientRequest(TransmitMockExtension mock) throws IOException {
    TransmitClientCredentials generated = mock.credentials(GENERATED);
    return TestHttp.with(generated.sslContext()).send(generated.tokenRequest());
  }

  /** A token request of the configured client presenting the certificate. */
  static Reply legacyRequest(TransmitMockExtension mock, TlsIdentity certificate)
      throws IOException {
    return TestHttp.to(mock.httpsTokenEndpoint(), certificate.sslContext(mock.caCertificate()))
        .certificateToken(LEGACY);
  }
}
