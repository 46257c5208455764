package dev.transmitmock.server.defects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.transmitmock.server.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The header and claims of a good token, open to a recipe's changes, and the ways to turn them into
 * a compact token: signed by a key over exactly these bytes, keyed-hashed, unsigned, or with a
 * given signature. Headers are serialized by hand so that Nimbus' checks (no {@code none}, known
 * {@code crit}, matching key types) do not stand in the way of a deliberately bad token.
 */
final class Draft {
  private static final String HMAC_SHA256 = "HmacSHA256";

  final Map<String, Object> header;
  final Map<String, Object> claims;
  private final SigningKey active;
  private final ForeignKeys foreign;
  private final Instant now;

  Draft(
      Map<String, Object> header,
      Map<String, Object> claims,
      SigningKey active,
      ForeignKeys foreign,
      Instant now) {
    this.header = header;
    this.claims = claims;
    this.active = active;
    this.foreign = foreign;
    this.now = now;
  }

  /** The server's active signing key. */
  SigningKey active() {
    return active;
  }

  /** An attacker's key of the active key's algorithm, never published. */
  SigningKey attackerKey() {
    return foreign.attacker(active.algorithm());
  }

  /** A key of the active key's algorithm that stands for one retired from the JWKS. */
  SigningKey retiredKey() {
    return foreign.retired(active.algorithm());
  }

  /** The clock's current second. */
  Instant now() {
    return now;
  }

  /** A numeric claim in epoch seconds, or {@code fallback} when absent or not a number. */
  long seconds(String claim, long fallback) {
    return claims.get(claim) instanceof Number n ? n.longValue() : fallback;
  }

  /** The token's lifetime, {@code exp - iat}; never negative. */
  long lifetimeSeconds() {
    long iat = seconds("iat", now.getEpochSecond());
    return Math.max(0, seconds("exp", iat) - iat);
  }

  /** {@code header.payload}, both segments encoded from the current maps. */
  String signingInput() {
    return segment(header) + "." + segment(claims);
  }

  /** Signs the current header and claims with {@code key}, whatever {@code alg} the header says. */
  String signedBy(SigningKey key) {
    return signedBy(key, signingInput());
  }

  /** Signs exactly {@code signingInput} with {@code key} and appends the signature. */
  static String signedBy(SigningKey key, String signingInput) {
    try {
      Base64URL signature =
          key.signer()
              .sign(
                  new JWSHeader(key.jwsAlgorithm()),
                  signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
    }
  }

  /**
   * HMAC-SHA256 over the signing input. Any key length works, the empty key included (given as zero
   * bytes: HMAC pads keys with zeros to the block size, so {0x00} and the empty key are the same
   * key, and the JDK refuses an empty array).
   */
  String hmacSigned(byte[] secret) {
    String input = signingInput();
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, HMAC_SHA256));
      return input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute " + HMAC_SHA256, e);
    }
  }

  /** The signing input and this signature. */
  String withSignature(byte[] signature) {
    return signingInput() + "." + Base64URL.encode(signature);
  }

  /** The unsecured form: {@code header.payload.} with an empty signature. */
  String unsigned() {
    return signingInput() + ".";
  }

  static Base64URL segment(Map<String, Object> json) {
    return Base64URL.encode(JSONObjectUtils.toJSONString(json));
  }
}
