package dev.transmitmock.server.pki;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ClientKeyMaterial;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * The RFC 8705 certificate thumbprint: base64url (no padding) of the SHA-256 of the DER
 * certificate, as carried by {@code cnf.x5t#S256} in certificate-bound tokens.
 *
 * <pre>{@code
 * String x5t = CertificateThumbprint.of(clientCertificate);
 * Map<String, Object> cnf = CertificateThumbprint.confirmation(clientCertificate);
 * }</pre>
 */
public final class CertificateThumbprint {
  /** The confirmation member name of RFC 8705 section 3.1. */
  public static final String X5T_S256 = "x5t#S256";

  private CertificateThumbprint() {}

  /** The {@code x5t#S256} thumbprint of a certificate. */
  public static String of(X509Certificate certificate) {
    requireNonNull(certificate, "certificate must not be null");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The {@code cnf} claim value binding a token to a certificate. */
  public static Map<String, Object> confirmation(X509Certificate certificate) {
    return Map.of(X5T_S256, of(certificate));
  }

  /** Whether text looks like a thumbprint: 43 base64url characters (32 bytes). */
  public static boolean isWellFormed(String thumbprint) {
    return ClientKeyMaterial.isWellFormedThumbprint(thumbprint);
  }
}
