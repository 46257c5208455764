package dev.transmitmock.server.config;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM-encoded keys made fresh for tests, in every format the emulator reads. */
public final class PemFixtures {
  private PemFixtures() {}

  public static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ec(String curve) {
    try {
      // BouncyCastle's encoding keeps the curve inside SEC1 "EC PRIVATE KEY", as openssl writes it
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code -----BEGIN PRIVATE KEY-----}. */
  public static String pkcs8Rsa() {
    return pkcs8(rsa(2048));
  }

  public static String pkcs8(KeyPair pair) {
    return write(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded()));
  }

  /** {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1). */
  public static String traditional(KeyPair pair) {
    try {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(new JcaMiscPEMGenerator(pair));
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----} (PKCS#8, AES-256-CBC, PBKDF2). */
  public static String encryptedPkcs8(KeyPair pair, String passphrase) {
    try {
      var encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
              .setProvider(new BouncyCastleProvider())
              .setPassword(passphrase.toCharArray())
              .build();
      PemObject pem = new JcaPKCS8Generator(pair.getPrivate(), encryptor).generate();
      return write(pem);
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code -----BEGIN PUBLIC KEY-----}. */
  public static String publicKey(KeyPair pair) {
    return write(new PemObject("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  static PrivateKeyInfo info(KeyPair pair) {
    return PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
  }

  private static String write(PemObject pem) {
    try {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(pem);
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
