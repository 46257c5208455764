package dev.transmitmock.server.pki;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a private key from PEM text: PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE
 * KEY}), PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}) and legacy
 * OpenSSL-encrypted PKCS#1, with BouncyCastle. Errors say what is wrong without quoting the key.
 */
public final class PemKeyReader {
  private static final org.bouncycastle.jce.provider.BouncyCastleProvider BC =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private PemKeyReader() {}

  /**
   * Reads the first private key in the PEM text.
   *
   * @param passphrase the passphrase of an encrypted key, or null
   * @throws IllegalArgumentException with a message safe to show (no key material)
   */
  public static KeyPair read(String pem, char[] passphrase) {
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      object = parser.readObject();
      while (object != null && !isPrivateKeyObject(object)) {
        if (isPublicOnly(object)) {
          throw new IllegalArgumentException(
              "the PEM holds a public key or certificate; a private key is needed to sign");
        }
        object = parser.readObject();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable PEM private key (" + safe(e) + ")");
    }
    if (object == null) {
      throw new IllegalArgumentException("no PEM private key found (expected a BEGIN ... line)");
    }
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
      PrivateKey privateKey;
      if (object instanceof PEMKeyPair pair) {
        privateKey = converter.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (object instanceof PEMEncryptedKeyPair encrypted) {
        PEMDecryptorProvider decryptor =
            new JcePEMDecryptorProviderBuilder().setProvider(BC).build(required(passphrase));
        privateKey =
            converter.getPrivateKey(encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo());
      } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        InputDecryptorProvider decryptor =
            new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(BC)
                .build(required(passphrase));
        privateKey = converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
      } else {
        privateKey = converter.getPrivateKey((PrivateKeyInfo) object);
      }
      return toJdkKeyPair(privateKey);
    } catch (PKCSException | OperatorCreationException e) {
      throw new IllegalArgumentException("cannot decrypt the private key: wrong passphrase?");
    } catch (PEMException e) {
      throw new IllegalArgumentException(
          e.getMessage() != null && e.getMessage().contains("decrypt")
              ? "cannot decrypt the private key: wrong passphrase?"
              : "not a usable private key (" + safe(e) + ")");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("not a usable private key (" + safe(e) + ")");
    }
  }

  private static char[] required(char[] passphrase) {
    if (passphrase == null) {
      throw new IllegalArgumentException("the private key is encrypted: give its passphrase");
    }
    return passphrase;
  }

  private static boolean isPrivateKeyObject(Object object) {
    return object instanceof PEMKeyPair
        || object instanceof PEMEncryptedKeyPair
        || object instanceof PKCS8EncryptedPrivateKeyInfo
        || object instanceof PrivateKeyInfo;
  }

  private static boolean isPublicOnly(Object object) {
    return object instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
        || object instanceof org.bouncycastle.cert.X509CertificateHolder;
  }

  /** Re-creates the key with the JDK's providers and derives its public half. */
  private static KeyPair toJdkKeyPair(PrivateKey key) throws GeneralSecurityException {
    PKCS8EncodedKeySpec encoded = new PKCS8EncodedKeySpec(key.getEncoded());
    if ("RSA".equals(key.getAlgorithm())) {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(encoded);
      PublicKey publicKey =
          rsa.generatePublic(
              new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new KeyPair(publicKey, privateKey);
    }
    if ("EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm())) {
      KeyFactory ec = KeyFactory.getInstance("EC");
      ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(encoded);
      X9ECParameters curve = CustomNamedCurves.getByName("P-256");
      if (!curve.getN().equals(privateKey.getParams().getOrder())) {
        throw new IllegalArgumentException("only EC keys on P-256 are supported");
      }
      org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(privateKey.getS()).normalize();
      PublicKey publicKey =
          ec.generatePublic(
              new ECPublicKeySpec(
                  new ECPoint(
                      q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                  privateKey.getParams()));
      return new KeyPair(publicKey, privateKey);
    }
    throw new IllegalArgumentException(
        "unsupported key algorithm " + key.getAlgorithm() + "; use RSA or EC P-256");
  }

  private static String safe(Exception e) {
    return e.getClass().getSimpleName();
  }
}
