package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client certificate issued by the container's emulator from its generated CA, with its private
 * key: the answer of {@link TlsControl#issueClientCertificate(String, String...)}. The emulator
 * trusts it for {@code tls_client_auth} clients (unless {@code tls.clientCaCertificates} names
 * other CAs); {@link TransmitMockContainer#createSslContext(IssuedClientCertificate)} turns it into
 * an mTLS {@code SSLContext}.
 *
 * <pre>{@code
 * IssuedClientCertificate issued =
 *     mock.control().tls().issueClientCertificate("CN=payments-svc,O=Acme");
 * HttpClient mtls = HttpClient.newBuilder().sslContext(mock.createSslContext(issued)).build();
 * String expectedCnf = issued.thumbprint();   // cnf.x5t#S256 of the tokens it gets
 * }</pre>
 *
 * <p>{@link #toString()} never shows the private key.
 *
 * @param subjectDn the certificate's subject DN (RFC 2253, as the emulator formats it)
 * @param thumbprint the {@code x5t#S256} thumbprint: base64url of the SHA-256 of the DER
 *     certificate
 * @param certificatePem the client certificate, PEM
 * @param chainPem the certificate followed by the issuing CA, PEM
 * @param privateKeyPem the certificate's private key, PKCS#8 PEM; a secret
 */
public record IssuedClientCertificate(
    String subjectDn,
    String thumbprint,
    String certificatePem,
    String chainPem,
    String privateKeyPem) {

  /** Checks that every part is present. */
  public IssuedClientCertificate {
    requireNonNull(subjectDn, "subjectDn must not be null");
    requireNonNull(thumbprint, "thumbprint must not be null");
    requireNonNull(certificatePem, "certificatePem must not be null");
    requireNonNull(chainPem, "chainPem must not be null");
    requireNonNull(privateKeyPem, "privateKeyPem must not be null");
  }

  /** The client certificate. */
  public X509Certificate certificate() {
    return TlsTrust.certificate(certificatePem);
  }

  /** The certificate, then the CA that issued it: what the client presents in the handshake. */
  public List<X509Certificate> chain() {
    return TlsTrust.certificates(chainPem);
  }

  /** The certificate's private key. */
  public PrivateKey privateKey() {
    return TlsTrust.privateKey(privateKeyPem, certificate().getPublicKey().getAlgorithm());
  }

  /** Subject and thumbprint only; never the private key. */
  @Override
  public String toString() {
    return "IssuedClientCertificate[subjectDn="
        + subjectDn
        + ", thumbprint="
        + thumbprint
        + ", privateKeyPem=***]";
  }
}
