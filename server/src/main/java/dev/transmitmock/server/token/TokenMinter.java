package dev.transmitmock.server.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.TokenTyp;
import dev.transmitmock.server.keys.SigningKey;
import java.util.Map;

/** Signs claims into a compact JWS with a key's {@code kid} and the configured {@code typ}. */
public final class TokenMinter {
  private TokenMinter() {}

  /** Signs claims with a key; the header carries {@code alg}, {@code kid} and {@code typ}. */
  public static String sign(JWTClaimsSet claims, SigningKey key, TokenTyp typ) {
    JWSHeader.Builder header = new JWSHeader.Builder(key.jwsAlgorithm()).keyID(key.kid());
    typ.headerValue().ifPresent(value -> header.type(new JOSEObjectType(value)));
    return sign(claims, header.build(), key);
  }

  /** Signs claims under an explicit header (for defective tokens and overrides). */
  public static String sign(JWTClaimsSet claims, JWSHeader header, SigningKey key) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
    }
    return jwt.serialize();
  }

  /**
   * Signs claims given as an ordered map, keeping their order in the payload (Transmit's tokens
   * list {@code tid, app_name, app_id, roles} first, then {@code jti, sub, iat, exp, ...}).
   */
  public static String sign(Map<String, Object> claims, SigningKey key, TokenTyp typ) {
    JWSHeader.Builder header = new JWSHeader.Builder(key.jwsAlgorithm()).keyID(key.kid());
    typ.headerValue().ifPresent(value -> header.type(new JOSEObjectType(value)));
    return sign(claims, header.build(), key);
  }

  /** Signs ordered claims under an explicit header. */
  public static String sign(Map<String, Object> claims, JWSHeader header, SigningKey key) {
    // Jackson keeps the map's order; Nimbus' own JSON writer would not.
    JWSObject jws = new JWSObject(header, new Payload(ErrorRenderer.json(claims)));
    try {
      jws.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
    }
    return jws.serialize();
  }

  /**
   * Signs ordered claims under a header given as an ordered map, serialized as is (parameters
   * Nimbus' header classes would refuse or reorder are kept): for tokens a next-token rule shapes.
   */
  public static String signRaw(
      Map<String, Object> header, Map<String, Object> claims, SigningKey key) {
    String input =
        com.nimbusds.jose.util.Base64URL.encode(ErrorRenderer.json(header))
            + "."
            + com.nimbusds.jose.util.Base64URL.encode(ErrorRenderer.json(claims));
    try {
      com.nimbusds.jose.util.Base64URL signature =
          key.signer()
              .sign(
                  new JWSHeader(key.jwsAlgorithm()),
                  input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return input + "." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
    }
  }
}
