package dev.transmitmock.junit.contract.consumers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Consumers of Transmit tokens for the contract kit's own tests: one done right with Nimbus, and
 * three with the mistakes real services make.
 */
public final class Consumers {
  private static final String BEARER = "Bearer ";
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int OK = 200;
  private static final int HTTP_TIMEOUT_MILLIS = 5_000;
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private Consumers() {}

  /**
   * Done right: Nimbus {@code DefaultJWTProcessor} with the JWKS, RS256 only, a {@code kid}
   * required and looked up exactly, {@code typ} {@code at+jwt}, {@code JWT} or absent, exact
   * issuer, the resource as audience, {@code exp iat iss aud sub} required, {@code iat} not in the
   * future, only base64url characters; default 60 s clock skew; admin tokens refused (403).
   */
  public static TokenCheck correct(URI jwksUri, String issuer, String audience) {
    return correct(
        jwksUri, issuer, audience, DefaultJWTClaimsVerifier.DEFAULT_MAX_CLOCK_SKEW_SECONDS);
  }

  /** Done right, with an explicit clock skew in seconds. */
  public static TokenCheck correct(
      URI jwksUri, String issuer, String audience, int maxClockSkewSeconds) {
    DefaultJWTProcessor<SecurityContext> processor = processor(jwksUri);
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("exp", "iat", "iss", "aud", "sub"),
            Set.of()) {
          @Override
          public void verify(JWTClaimsSet claimsSet, SecurityContext context)
              throws BadJWTException {
            super.verify(claimsSet, context);
            Date iat = claimsSet.getIssueTime();
            if (iat != null
                && iat.getTime() > currentTime().getTime() + getMaxClockSkew() * 1000L) {
              throw new BadJWTException("JWT issued in the future");
            }
          }
        };
    claims.setMaxClockSkew(maxClockSkewSeconds);
    processor.setJWTClaimsSetVerifier(claims);
    return bearer(
        token -> COMPACT_JWS.matcher(token).matches() ? verdict(processor, token) : UNAUTHORIZED);
  }

  /** Mistake: verifies signature, issuer and expiry, but never looks at {@code aud}. */
  public static TokenCheck skipsAudienceCheck(URI jwksUri, String issuer) {
    DefaultJWTProcessor<SecurityContext> processor = processor(jwksUri);
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            (String) null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
    return bearer(token -> verdict(processor, token));
  }

  /** Mistake: verifies signature, issuer and audience, but not {@code exp}. */
  public static TokenCheck ignoresExpiry(URI jwksUri, String issuer, String audience) {
    DefaultJWTProcessor<SecurityContext> processor = processor(jwksUri);
    JWTClaimsSetVerifier<SecurityContext> issuerAndAudienceOnly =
        (claims, context) -> {
          if (!issuer.equals(claims.getIssuer())
              || claims.getAudience() == null
              || !claims.getAudience().contains(audience)) {
            throw new BadJWTException("wrong issuer or audience");
          }
        };
    processor.setJWTClaimsSetVerifier(issuerAndAudienceOnly);
    return bearer(token -> verdict(processor, token));
  }

  /**
   * Mistake: a hand-written verifier that takes the algorithm from the token's header: accepts
   * {@code alg: none}, and verifies HS256 with the RSA public key as the HMAC secret.
   */
  public static TokenCheck trustsHeaderAlgorithm(URI jwksUri, String issuer, String audience) {
    return bearer(
        token -> {
          try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed && !verifiesWithHeaderAlgorithm(signed, jwksUri)) {
              return UNAUTHORIZED;
            } else if (!(jwt instanceof SignedJWT) && !(jwt instanceof PlainJWT)) {
              return UNAUTHORIZED;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid =
                issuer.equals(claims.getIssuer())
                    && claims.getAudience() != null
                    && claims.getAudience().contains(audience)
                    && claims.getExpirationTime() != null
                    && claims.getExpirationTime().after(new Date());
            return valid ? OK : UNAUTHORIZED;
          } catch (Exception e) {
            return UNAUTHORIZED;
          }
        });
  }

  private static boolean verifiesWithHeaderAlgorithm(SignedJWT jwt, URI jwksUri) throws Exception {
    JWSHeader header = jwt.getHeader();
    List<JWK> keys = JWKSet.load(jwksUri.toURL()).getKeys();
    RSAKey rsa =
        keys.stream()
            .filter(k -> header.getKeyID() == null || header.getKeyID().equals(k.getKeyID()))
            .findFirst()
            .orElse(keys.get(0))
            .toRSAKey();
    if (JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm())) {
      // The classic confusion: the public key file becomes the HMAC secret.
      return jwt.verify(new MACVerifier(pem(rsa).getBytes(StandardCharsets.US_ASCII)));
    }
    return jwt.verify(new RSASSAVerifier(rsa));
  }

  private static String pem(RSAKey key) throws JOSEException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.toRSAPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  private static DefaultJWTProcessor<SecurityContext> processor(URI jwksUri) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(
                  jwksUri.toURL(),
                  new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS))
              .build();
      JWSVerificationKeySelector<SecurityContext> byKid =
          new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys);
      // A token without kid must not be tried against every published key.
      processor.setJWSKeySelector(
          (header, context) ->
              header.getKeyID() == null ? List.of() : byKid.selectJWSKeys(header, context));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
    return processor;
  }

  private static int verdict(DefaultJWTProcessor<SecurityContext> processor, String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      List<String> roles = claims.getStringListClaim("roles");
      return roles != null && roles.contains("Admin") ? FORBIDDEN : OK;
    } catch (Exception e) {
      return UNAUTHORIZED;
    }
  }

  /** Bearer-scheme parsing done right: missing, other scheme or blank token: 401. */
  private static TokenCheck bearer(ToIntFunction<String> onToken) {
    return authorization -> {
      Optional<String> token =
          authorization
              .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
              .map(value -> value.substring(BEARER.length()).trim())
              .filter(value -> !value.isEmpty());
      return token.isPresent() ? onToken.applyAsInt(token.get()) : UNAUTHORIZED;
    };
  }

  /** Mistake: any request with some Authorization header passes, whatever its scheme. */
  public static TokenCheck acceptsAnyAuthorizationHeader() {
    return authorization -> authorization.isPresent() ? OK : UNAUTHORIZED;
  }
}
