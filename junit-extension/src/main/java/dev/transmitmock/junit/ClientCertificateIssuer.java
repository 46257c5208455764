package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Issues the {@code tls_client_auth} certificates of generated clients from a CA the emulator
 * trusts (RFC 8705 section 2.1: the emulator validates the chain before it matches the subject DN).
 *
 * <ul>
 *   <li>The emulator generates its own CA and no client CAs are configured (the usual case): the
 *       emulator's CA issues them after start ({@link TransmitMockServer#issueClientCertificate}),
 *       and the emulator's trust is left as it is.
 *   <li>Otherwise (your own server certificate: the emulator holds no CA key; or client CAs
 *       configured: the emulator's CA is not trusted): a test client CA generated here issues them
 *       before start, and is added to {@link TlsConfig#clientCaCertificates()}. The CAs you
 *       configured stay trusted. Since configured CAs replace the default trust in the emulator's
 *       own CA, the emulator's CA (your certificate chain's last certificate) is added too when you
 *       configured none, so every certificate you bring is trusted exactly as without the
 *       extension.
 * </ul>
 *
 * <p>Either way a certificate is issued once per server and survives the reset before each test.
 */
final class ClientCertificateIssuer {
  /** The subject of the test client CA used when the emulator cannot issue. */
  static final String TEST_CA_SUBJECT = "CN=transmit-mock test client CA";

  private final Optional<TlsIdentity> testCa;

  private ClientCertificateIssuer(Optional<TlsIdentity> testCa) {
    this.testCa = testCa;
  }

  /**
   * Decides who issues the certificates of the {@code tls_client_auth} clients among {@code
   * generated}, for a server started with {@code tls}.
   */
  static ClientCertificateIssuer forServer(TlsConfig tls, List<GeneratedCredentials> generated) {
    requireNonNull(tls, "tls must not be null");
    boolean needed =
        generated.stream().anyMatch(c -> c.declaration().method() == AuthMethod.TLS_CLIENT_AUTH);
    boolean emulatorIssues = tls.generatesCertificate() && tls.clientCaCertificates().isEmpty();
    return new ClientCertificateIssuer(
        needed && !emulatorIssues
            ? Optional.of(TlsIdentity.certificateAuthority(TEST_CA_SUBJECT))
            : Optional.empty());
  }

  /**
   * The TLS configuration to start the server with: {@code tls} itself when the emulator issues,
   * else {@code tls} also trusting the test client CA (and still every CA it trusted before).
   *
   * @param where names the declaration in error messages
   * @throws ExtensionConfigurationException when the configured server certificate cannot be read
   */
  TlsConfig serverTls(TlsConfig tls, String where) {
    if (testCa.isEmpty()) {
      return tls;
    }
    TlsConfig.Builder builder = tls.toBuilder();
    if (tls.clientCaCertificates().isEmpty()) {
      builder.clientCaCertificate(serverCa(tls, where));
    }
    return builder.clientCaCertificate(testCa.get().certificate()).build();
  }

  /** Whether the server must be started with a TLS configuration other than the one given. */
  boolean changesTrust() {
    return testCa.isPresent();
  }

  /** {@code generated} with every {@code tls_client_auth} client's certificate issued. */
  List<GeneratedCredentials> issue(
      List<GeneratedCredentials> generated, TransmitMockServer server) {
    return generated.stream()
        .map(
            client ->
                client.declaration().method() != AuthMethod.TLS_CLIENT_AUTH
                    ? client
                    : client.withIdentity(
                        testCa.isPresent()
                            ? testCa.get().issue(client.subjectDn(), List.of())
                            : server.issueClientCertificate(client.subjectDn(), List.of())))
        .toList();
  }

  /** The CA of a configured server certificate: what the emulator trusts by default. */
  private static X509Certificate serverCa(TlsConfig tls, String where) {
    try {
      TlsIdentity identity =
          tls.keyStore().isPresent()
              ? TlsIdentity.fromKeyStore(
                  tls.keyStore().get(), tls.keyStorePassword().orElse("").toCharArray())
              : TlsIdentity.fromPem(
                  tls.certificatePem().orElseThrow(), tls.privateKeyPem().orElseThrow());
      return identity.root();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          where + ": cannot use the configured server certificate: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ClientCertificateIssuer["
        + (testCa.isPresent() ? "test client CA" : "emulator CA")
        + "]";
  }
}
