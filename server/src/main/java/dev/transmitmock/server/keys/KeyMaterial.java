package dev.transmitmock.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.server.config.SigningAlgorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

/** Turns key pairs into signing keys, and generates fresh ones. */
public final class KeyMaterial {
  /** RSA modulus size of generated keys: what Transmit uses. */
  public static final int RSA_KEY_SIZE = 2048;

  private KeyMaterial() {}

  /** Generates a fresh key for the algorithm; its kid is the given one or its thumbprint. */
  public static SigningKey generate(SigningAlgorithm algorithm, Optional<String> kid) {
    try {
      if (algorithm != SigningAlgorithm.ES256) {
        return fromKeyPair(SpareRsaKeys.take(RSA_KEY_SIZE), algorithm, kid);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return fromKeyPair(generator.generateKeyPair(), algorithm, kid);
    } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
    }
  }

  /** Wraps a key pair; its kid is the given one or its RFC 7638 thumbprint. */
  public static SigningKey fromKeyPair(
      KeyPair pair, SigningAlgorithm algorithm, Optional<String> kid) {
    JWSAlgorithm jwsAlgorithm = JWSAlgorithm.parse(algorithm.name());
    try {
      JWK jwk;
      if (pair.getPublic() instanceof RSAPublicKey rsaPublic
          && pair.getPrivate() instanceof RSAPrivateKey rsaPrivate) {
        if (algorithm == SigningAlgorithm.ES256) {
          throw new IllegalArgumentException("ES256 needs an EC P-256 key, this is an RSA key");
        }
        if (rsaPublic.getModulus().bitLength() < RSA_KEY_SIZE) {
          throw new IllegalArgumentException(
              "RSA keys must have at least "
                  + RSA_KEY_SIZE
                  + " bits, this one has "
                  + rsaPublic.getModulus().bitLength());
        }
        RSAKey.Builder builder =
            new RSAKey.Builder(rsaPublic)
                .privateKey(rsaPrivate)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(jwsAlgorithm);
        RSAKey withoutKid = builder.build();
        jwk = builder.keyID(kid.orElse(withoutKid.computeThumbprint().toString())).build();
      } else if (pair.getPublic() instanceof ECPublicKey ecPublic
          && pair.getPrivate() instanceof ECPrivateKey ecPrivate) {
        if (algorithm != SigningAlgorithm.ES256) {
          throw new IllegalArgumentException(algorithm + " needs an RSA key, this is an EC key");
        }
        Curve curve = Curve.forECParameterSpec(ecPublic.getParams());
        if (!Curve.P_256.equals(curve)) {
          throw new IllegalArgumentException("ES256 needs a P-256 key, this key is on " + curve);
        }
        ECKey.Builder builder =
            new ECKey.Builder(Curve.P_256, ecPublic)
                .privateKey(ecPrivate)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(jwsAlgorithm);
        ECKey withoutKid = builder.build();
        jwk = builder.keyID(kid.orElse(withoutKid.computeThumbprint().toString())).build();
      } else {
        throw new IllegalArgumentException(
            "unsupported key type " + pair.getPrivate().getAlgorithm() + "; use RSA or EC P-256");
      }
      return SigningKey.of(jwk, algorithm);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot use key: " + e.getMessage(), e);
    }
  }
}
