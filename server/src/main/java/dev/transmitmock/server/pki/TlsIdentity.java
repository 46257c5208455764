package dev.transmitmock.server.pki;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.PemCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private key with its certificate chain (leaf first): the server's HTTPS identity, a test CA, or
 * a client certificate for mTLS. Generates EC P-256 keys and X.509 certificates with BouncyCastle,
 * reads PKCS#12 and PEM, writes PEM and PKCS#12, and makes {@link SSLContext}s for tests.
 *
 * <pre>{@code
 * TlsIdentity ca = TlsIdentity.certificateAuthority("CN=test CA");
 * TlsIdentity client = ca.issue("CN=orders-svc,O=Acme", List.of("orders.example"));
 * TlsIdentity pinned = TlsIdentity.selfSigned("CN=batch-job", List.of());
 * SSLContext tls = client.sslContext(server.caCertificate()); // presents client, trusts the server
 * String x5t = client.thumbprint();                          // cnf.x5t#S256 of its tokens
 * }</pre>
 *
 * <p>{@link #toString()} never shows the private key.
 *
 * @param privateKey the private key of the first certificate
 * @param chain the certificate chain, leaf first
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
  /** How long generated certificates are valid (back-dated by a day for skewed clocks). */
  public static final Duration VALIDITY = Duration.ofDays(825);

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final String ALIAS = "transmit-mock";
  private static final SecureRandom RANDOM = new SecureRandom();

  public TlsIdentity {
    requireNonNull(privateKey, "privateKey must not be null");
    chain = List.copyOf(requireNonNull(chain, "chain must not be null"));
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS identity needs at least one certificate");
    }
  }

  /** A new self-signed CA (EC P-256) that can {@link #issue(String, List)} certificates. */
  public static TlsIdentity certificateAuthority(String subjectDn) {
    KeyPair keys = generateKeyPair();
    X500Name subject = x500Name(subjectDn);
    X509Certificate certificate =
        build(subject, keys, subject, keys.getPrivate(), true, List.of(), null);
    return new TlsIdentity(keys.getPrivate(), List.of(certificate));
  }

  /**
   * A new self-signed end-entity certificate (for {@code self_signed_tls_client_auth}).
   *
   * @param subjectAltNames DNS names, IP addresses, URIs ({@code scheme:...}) or emails ({@code
   *     a@b})
   */
  public static TlsIdentity selfSigned(String subjectDn, List<String> subjectAltNames) {
    KeyPair keys = generateKeyPair();
    X500Name subject = x500Name(subjectDn);
    X509Certificate certificate =
        build(subject, keys, subject, keys.getPrivate(), false, subjectAltNames, null);
    return new TlsIdentity(keys.getPrivate(), List.of(certificate));
  }

  /**
   * A new end-entity certificate signed by this identity (used as a CA), valid for server and
   * client authentication.
   *
   * @param subjectAltNames DNS names, IP addresses, URIs ({@code scheme:...}) or emails ({@code
   *     a@b})
   */
  public TlsIdentity issue(String subjectDn, List<String> subjectAltNames) {
    KeyPair keys = generateKeyPair();
    X509Certificate issuer = certificate();
    X509Certificate certificate =
        build(
            x500Name(subjectDn),
            keys,
            X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
            privateKey,
            false,
            subjectAltNames,
            issuer);
    List<X509Certificate> issued = new ArrayList<>();
    issued.add(certificate);
    issued.addAll(chain);
    return new TlsIdentity(keys.getPrivate(), issued);
  }

  /**
   * Reads a PKCS#12 key store: the first key entry and its chain.
   *
   * @throws IllegalArgumentException with a message naming the file, never the password
   */
  public static TlsIdentity fromKeyStore(Path file, char[] password) {
    requireNonNull(file, "file must not be null");
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("key store " + file + " not found");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "key store " + file + " cannot be read as PKCS#12 (wrong password or not PKCS#12)");
    }
    try {
      Enumeration<String> aliases = store.aliases();
      for (String alias : Collections.list(aliases)) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, password);
        Certificate[] certificates = store.getCertificateChain(alias);
        if (key instanceof PrivateKey privateKey && certificates != null) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate certificate : certificates) {
            chain.add((X509Certificate) certificate);
          }
          return new TlsIdentity(privateKey, chain);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("key store " + file + ": the key cannot be read");
    }
    throw new IllegalArgumentException("key store " + file + " holds no private key entry");
  }

  /**
   * Reads a PEM certificate chain (leaf first) and its private key.
   *
   * @throws IllegalArgumentException with a message that quotes no key material
   */
  public static TlsIdentity fromPem(String certificatePem, String privateKeyPem) {
    List<X509Certificate> chain = certificates(certificatePem);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no PEM certificate found (expected BEGIN CERTIFICATE)");
    }
    KeyPair keys = PemKeyReader.read(requireNonNull(privateKeyPem, "privateKeyPem"), null);
    if (!keys.getPublic().equals(chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException(
          "the private key does not belong to the first certificate of the chain");
    }
    return new TlsIdentity(keys.getPrivate(), chain);
  }

  /**
   * Reads every certificate in PEM (or DER) text.
   *
   * @throws IllegalArgumentException when the text holds no readable certificate
   */
  public static List<X509Certificate> certificates(String pem) {
    return PemCertificates.read(pem);
  }

  /** The leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The last certificate of the chain: the CA to trust (the leaf itself when self-signed). */
  public X509Certificate root() {
    return chain.get(chain.size() - 1);
  }

  /** The leaf's {@code x5t#S256} thumbprint. */
  public String thumbprint() {
    return CertificateThumbprint.of(certificate());
  }

  /** The leaf's subject DN (RFC 2253). */
  public String subjectDn() {
    return certificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** The leaf certificate in PEM. */
  public String certificatePem() {
    return pem(certificate());
  }

  /** The whole chain in PEM, leaf first. */
  public String chainPem() {
    StringBuilder text = new StringBuilder();
    chain.forEach(c -> text.append(pem(c)));
    return text.toString();
  }

  /** The private key in PKCS#8 PEM: test material; handle it as a secret. */
  public String privateKeyPem() {
    try {
      return pem(
          new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(privateKey, null).generate());
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException("cannot write the private key as PKCS#8", e);
    }
  }

  /** A PKCS#12 key store holding this identity under the alias {@code transmit-mock}. */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new X509Certificate[0]));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a PKCS#12 key store", e);
    }
  }

  /** Writes this identity to a PKCS#12 file. */
  public void writeKeyStore(Path file, char[] password) throws IOException {
    try (var out = Files.newOutputStream(file)) {
      keyStore(password).store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the PKCS#12 key store " + file, e);
    }
  }

  /**
   * An {@link SSLContext} that presents this identity (as a client certificate or server
   * certificate) and trusts only {@code trusted}.
   */
  public SSLContext sslContext(X509Certificate... trusted) {
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      char[] password = new char[0];
      keyManagers.init(keyStore(password), password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers(trusted), RANDOM);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build an SSL context", e);
    }
  }

  /** An {@link SSLContext} that presents no certificate and trusts only {@code trusted}. */
  public static SSLContext trusting(X509Certificate... trusted) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(trusted), RANDOM);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build an SSL context", e);
    }
  }

  private static javax.net.ssl.TrustManager[] trustManagers(X509Certificate... trusted)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create an empty key store", e);
    }
    for (int i = 0; i < trusted.length; i++) {
      store.setCertificateEntry("trusted-" + i, trusted[i]);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /** A certificate in PEM. */
  public static String pem(Object certificateOrKey) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificateOrKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM", e);
    }
    return text.toString();
  }

  private static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
    }
  }

  private static X509Certificate build(
      X500Name subject,
      KeyPair keys,
      X500Name issuer,
      PrivateKey signingKey,
      boolean ca,
      List<String> subjectAltNames,
      X509Certificate issuerCertificate) {
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(127, RANDOM).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(VALIDITY)),
              subject,
              keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(keys.getPublic()));
      if (issuerCertificate != null) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(issuerCertificate));
      }
      if (ca) {
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      if (!subjectAltNames.isEmpty()) {
        GeneralName[] names =
            subjectAltNames.stream().map(TlsIdentity::generalName).toArray(GeneralName[]::new);
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a certificate for " + subject, e);
    }
  }

  /** An X.500 name in the order RFC 4514 text implies (the JDK's), so DNs compare as written. */
  private static X500Name x500Name(String subjectDn) {
    requireNonNull(subjectDn, "subjectDn must not be null");
    try {
      return X500Name.getInstance(new X500Principal(subjectDn).getEncoded());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an X.500 distinguished name: " + subjectDn);
    }
  }

  private static GeneralName generalName(String name) {
    String value = name.trim();
    if (isIpAddress(value)) {
      return new GeneralName(GeneralName.iPAddress, value);
    }
    if (value.contains("@") && !value.contains(":")) {
      return new GeneralName(GeneralName.rfc822Name, value);
    }
    if (value.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return new GeneralName(GeneralName.uniformResourceIdentifier, value);
    }
    return new GeneralName(GeneralName.dNSName, value);
  }

  /** Whether text is an IPv4 or IPv6 literal (never resolves a host name). */
  public static boolean isIpAddress(String value) {
    boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity[subject="
        + subjectDn()
        + ", chain="
        + chain.size()
        + ", privateKey=(hidden)]";
  }
}
