package dev.transmitmock.server.keys;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.server.config.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Optional;

/**
 * A private signing key with its {@code kid} and algorithm, and the public JWK that the JWKS
 * publishes. The private part never leaves this object: {@link #toString()} shows only the kid.
 */
public final class SigningKey {
  private final String kid;
  private final SigningAlgorithm algorithm;
  private final JWK privateJwk;
  private final JWK publicJwk;
  private final JWSSigner signer;
  private volatile NativeSigner nativeSigner;

  private SigningKey(String kid, SigningAlgorithm algorithm, JWK privateJwk) {
    this.kid = requireNonNull(kid, "kid must not be null");
    this.algorithm = requireNonNull(algorithm, "algorithm must not be null");
    this.privateJwk = privateJwk;
    this.publicJwk = privateJwk.toPublicJWK();
    try {
      this.signer =
          privateJwk instanceof RSAKey rsa
              ? new RSASSASigner(rsa)
              : new ECDSASigner((ECKey) privateJwk);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable signing key " + kid + ": " + e.getMessage(), e);
    }
  }

  /** Wraps a private JWK (RSA for RS256/PS256, P-256 EC for ES256) whose kid is set. */
  public static SigningKey of(JWK privateJwk, SigningAlgorithm algorithm) {
    requireNonNull(privateJwk, "privateJwk must not be null");
    if (!privateJwk.isPrivate()) {
      throw new IllegalArgumentException("a signing key needs its private part");
    }
    boolean rsa = privateJwk instanceof RSAKey;
    if (rsa == (algorithm == SigningAlgorithm.ES256)) {
      throw new IllegalArgumentException(
          algorithm + " needs " + (rsa ? "an EC P-256 key" : "an RSA key") + ", not this key");
    }
    return new SigningKey(privateJwk.getKeyID(), algorithm, privateJwk);
  }

  public String kid() {
    return kid;
  }

  public SigningAlgorithm algorithm() {
    return algorithm;
  }

  /** The Nimbus algorithm of this key. */
  public JWSAlgorithm jwsAlgorithm() {
    return JWSAlgorithm.parse(algorithm.name());
  }

  /** The public JWK, as published in the JWKS ({@code use: sig}, {@code alg}, {@code kid}). */
  public JWK publicJwk() {
    return publicJwk;
  }

  /** The private JWK; only for code that must sign (token minting, defective tokens). */
  public JWK privateJwk() {
    return privateJwk;
  }

  /**
   * A thread-safe signer for this key: for RSA keys, the native provider's once {@link
   * NativeCrypto} has loaded it, the JDK's until then and wherever it is unavailable.
   */
  public JWSSigner signer() {
    return signerFor(NativeCrypto.provider());
  }

  /** The signer using this provider (RSA keys only), or the JDK's when empty or unusable. */
  JWSSigner signerFor(Optional<Provider> provider) {
    if (provider.isEmpty() || !(privateJwk instanceof RSAKey rsa)) {
      return signer;
    }
    NativeSigner cached = nativeSigner;
    if (cached == null || cached.provider() != provider.get()) {
      cached = new NativeSigner(provider.get(), nativeSigner(rsa, provider.get()));
      nativeSigner = cached;
    }
    return cached.signer();
  }

  /**
   * An RSA signer on the provider, with the private key translated into the provider's own key type
   * once (a foreign key would be re-imported on every signature); the JDK signer when the provider
   * cannot sign this key's algorithm.
   */
  private JWSSigner nativeSigner(RSAKey rsa, Provider provider) {
    try {
      PrivateKey translated =
          (PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(rsa.toPrivateKey());
      RSASSASigner candidate = new RSASSASigner(translated);
      candidate.getJCAContext().setProvider(provider);
      candidate.sign(new JWSHeader(jwsAlgorithm()), "probe".getBytes(StandardCharsets.US_ASCII));
      return candidate;
    } catch (GeneralSecurityException | JOSEException | RuntimeException e) {
      return signer;
    }
  }

  /** The signer made for one provider. */
  private record NativeSigner(Provider provider, JWSSigner signer) {}

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + "]";
  }
}
