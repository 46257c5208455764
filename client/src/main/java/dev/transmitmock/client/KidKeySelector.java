package dev.transmitmock.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import dev.transmitmock.client.TokenRejectedException.Reason;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Selects the one public key a token's {@code kid} names, from the (cached) JWKS.
 *
 * <p>Stricter than Nimbus' {@code JWSVerificationKeySelector}: a token without {@code kid} is
 * rejected instead of being tried against every key, and every outcome carries a precise {@link
 * Reason}. Converted {@link PublicKey}s are cached per JWK instance, so a warm cache costs no key
 * parsing on the hot path; a refreshed JWKS brings new instances and therefore fresh conversions.
 */
final class KidKeySelector implements JWSKeySelector<SecurityContext> {

  /**
   * Bounds the conversion cache: JWKS documents hold a handful of keys; kids are attacker input.
   */
  private static final int MAX_CACHED_KEYS = 64;

  private final JWKSource<SecurityContext> jwkSource;
  private final ConcurrentMap<String, Converted> converted = new ConcurrentHashMap<>();
  private volatile boolean keysEverLoaded;

  KidKeySelector(JWKSource<SecurityContext> jwkSource) {
    this.jwkSource = jwkSource;
  }

  @Override
  public List<PublicKey> selectJWSKeys(JWSHeader header, SecurityContext context)
      throws KeySourceException {
    String kid = header.getKeyID();
    if (kid == null || kid.isEmpty()) {
      throw new KeyRejection(
          Reason.UNKNOWN_KEY,
          "token header has no kid; Transmit tokens always name their key",
          null);
    }
    JWSAlgorithm alg = header.getAlgorithm();
    List<JWK> matches;
    try {
      matches = jwkSource.get(new JWKSelector(matcher(kid, alg)), context);
    } catch (RateLimitReachedException e) {
      // A refresh for an unknown kid was suppressed by the rate limit: with keys in hand this is an
      // unknown key (the usual attack), without any it means the JWKS never loaded.
      if (keysEverLoaded) {
        throw new KeyRejection(
            Reason.UNKNOWN_KEY,
            "no key with kid " + LogSafe.quote(kid) + " in the JWKS (refresh rate-limited)",
            null);
      }
      throw new KeyRejection(
          Reason.JWKS_UNAVAILABLE, "the JWKS could not be loaded (refresh rate-limited)", e);
    } catch (KeySourceException e) {
      throw new KeyRejection(
          Reason.JWKS_UNAVAILABLE, "the JWKS could not be loaded: " + e.getMessage(), e);
    }
    keysEverLoaded = true;
    if (matches.isEmpty()) {
      throw new KeyRejection(
          Reason.UNKNOWN_KEY,
          "no "
              + KeyType.forAlgorithm(alg)
              + " key with kid "
              + LogSafe.quote(kid)
              + " in the JWKS",
          null);
    }
    return List.of(toPublicKey(kid, matches.get(0)));
  }

  private static JWKMatcher matcher(String kid, JWSAlgorithm alg) {
    return new JWKMatcher.Builder()
        .keyType(KeyType.forAlgorithm(alg))
        .keyID(kid)
        .keyUses(KeyUse.SIGNATURE, null)
        .algorithms(alg, null)
        .build();
  }

  private PublicKey toPublicKey(String kid, JWK jwk) throws KeyRejection {
    Converted cached = converted.get(kid);
    if (cached != null && cached.jwk == jwk) {
      return cached.key;
    }
    PublicKey key;
    try {
      key = ((AsymmetricJWK) jwk).toPublicKey();
    } catch (JOSEException | ClassCastException e) {
      throw new KeyRejection(
          Reason.UNKNOWN_KEY,
          "the JWKS key " + LogSafe.quote(kid) + " is not a usable public key",
          e);
    }
    if (converted.size() >= MAX_CACHED_KEYS) {
      converted.clear();
    }
    converted.put(kid, new Converted(jwk, key));
    return key;
  }

  private record Converted(JWK jwk, PublicKey key) {}
}
