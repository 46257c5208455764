package dev.transmitmock.bench.jmh;

import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.server.keys.NativeCrypto;
import dev.transmitmock.server.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Optional;

/**
 * Raw {@code SHA256withRSA} on the emulator's own key, with a chosen provider: the reference the
 * token benchmarks are divided by. The signed input is a real token's header and payload.
 */
final class SigningFixture {
  private final Provider provider;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] input;
  private final byte[] signature;

  private SigningFixture(Provider provider, SigningKey key, String token)
      throws GeneralSecurityException {
    this.provider = provider;
    RSAKey rsa = (RSAKey) key.privateJwk();
    try {
      PrivateKey jdkPrivate = rsa.toPrivateKey();
      PublicKey jdkPublic = rsa.toPublicKey();
      KeyFactory factory =
          provider == null
              ? KeyFactory.getInstance("RSA")
              : KeyFactory.getInstance("RSA", provider);
      this.privateKey = (PrivateKey) factory.translateKey(jdkPrivate);
      this.publicKey = (PublicKey) factory.translateKey(jdkPublic);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new GeneralSecurityException("cannot read the emulator's RSA key", e);
    }
    this.input = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    this.signature = sign();
  }

  /** The JDK's default provider (SunRsaSign). */
  static SigningFixture jdk(SigningKey key, String token) throws GeneralSecurityException {
    return new SigningFixture(null, key, token);
  }

  /** The provider the emulator signs with once loaded (ACCP, or the JDK when unavailable/off). */
  static SigningFixture emulatorProvider(SigningKey key, String token)
      throws GeneralSecurityException {
    Optional<Provider> active = NativeCrypto.await(Duration.ofSeconds(60)).provider();
    return new SigningFixture(active.orElse(null), key, token);
  }

  /** Provider name for reports. */
  String providerName() {
    return provider == null ? "JDK (SunRsaSign)" : provider.getName();
  }

  byte[] sign() throws GeneralSecurityException {
    Signature signer = newSignature();
    signer.initSign(privateKey);
    signer.update(input);
    return signer.sign();
  }

  boolean verify() throws GeneralSecurityException {
    Signature verifier = newSignature();
    verifier.initVerify(publicKey);
    verifier.update(input);
    return verifier.verify(signature);
  }

  private Signature newSignature() throws GeneralSecurityException {
    return provider == null
        ? Signature.getInstance("SHA256withRSA")
        : Signature.getInstance("SHA256withRSA", provider);
  }
}
