package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads X.509 certificates from PEM (or DER) text, as settings carry them: TLS client CAs and
 * registered client certificates.
 *
 * <pre>{@code
 * List<X509Certificate> cas = PemCertificates.read(pemText);
 * }</pre>
 */
public final class PemCertificates {
  private PemCertificates() {}

  /**
   * Reads every certificate in PEM (or DER) text.
   *
   * @throws IllegalArgumentException when the text holds no readable certificate
   */
  public static List<X509Certificate> read(String pem) {
    requireNonNull(pem, "pem must not be null");
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> list = new ArrayList<>();
      for (Certificate certificate :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        list.add((X509Certificate) certificate);
      }
      return list;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a readable PEM certificate");
    }
  }
}
