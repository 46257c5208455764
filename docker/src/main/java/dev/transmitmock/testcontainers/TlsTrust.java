package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Certificates from PEM and SSL contexts that trust exactly the emulator's CA. */
final class TlsTrust {

  private static final String CA_ALIAS = "transmit-mock-ca";
  private static final String CLIENT_ALIAS = "client";
  private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PKCS8_END = "-----END PRIVATE KEY-----";

  private TlsTrust() {}

  /** The first certificate of a PEM text. */
  static X509Certificate certificate(String pem) {
    requireNonNull(pem, "pem must not be null");
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("the PEM text holds no certificate");
      }
      return (X509Certificate) certificates.iterator().next();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Every certificate of a PEM text, in order. */
  static List<X509Certificate> certificates(String pem) {
    requireNonNull(pem, "pem must not be null");
    try {
      List<X509Certificate> list = new ArrayList<>();
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))) {
        list.add((X509Certificate) certificate);
      }
      if (list.isEmpty()) {
        throw new IllegalArgumentException("the PEM text holds no certificate");
      }
      return List.copyOf(list);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /**
   * A PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}) of the given algorithm ({@code RSA},
   * {@code EC}). Errors never quote the key.
   */
  static PrivateKey privateKey(String pkcs8Pem, String algorithm) {
    requireNonNull(pkcs8Pem, "pkcs8Pem must not be null");
    requireNonNull(algorithm, "algorithm must not be null");
    int begin = pkcs8Pem.indexOf(PKCS8_BEGIN);
    int end = pkcs8Pem.indexOf(PKCS8_END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
    }
    String base64 = pkcs8Pem.substring(begin + PKCS8_BEGIN.length(), end).replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("not a readable " + algorithm + " PKCS#8 private key");
    }
  }

  /**
   * An SSL context that trusts only {@code ca}; with a client key, it also presents that key and
   * certificate chain when the server asks for one (mTLS).
   */
  static SSLContext sslContext(
      X509Certificate ca, PrivateKey clientKey, X509Certificate... clientChain) {
    requireNonNull(ca, "ca must not be null");
    try {
      KeyStore trust = emptyKeyStore();
      trust.setCertificateEntry(CA_ALIAS, ca);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyManager[] keyManagers = null;
      if (clientKey != null) {
        char[] password = new char[0];
        KeyStore keys = emptyKeyStore();
        keys.setKeyEntry(CLIENT_ALIAS, clientKey, password, clientChain);
        KeyManagerFactory keyManagerFactory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagerFactory.init(keys, password);
        keyManagers = keyManagerFactory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an SSL context: " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
