package dev.transmitmock.server.defects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.protocol.RejectionCategory;
import dev.transmitmock.server.TransmitMockServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A token consumer configured the way a careful protected API would configure Nimbus' {@link
 * DefaultJWTProcessor}: keys from the emulator's JWKS over HTTP, RS256 only, a {@code kid} required
 * and looked up exactly, exact issuer, expected audience, {@code exp}, {@code iat}, {@code iss},
 * {@code aud} and {@code sub} required, {@code iat} not in the future, {@code typ} {@code at+jwt},
 * {@code JWT} or absent, Nimbus' default {@code crit} handling, and only base64url characters in
 * the token (Nimbus' decoder skips others). It names why it rejects a token in the catalog's {@link
 * RejectionCategory} terms, mapping Nimbus' exceptions (some of which conflate two reasons; the
 * header disambiguates them).
 */
final class CarefulConsumer implements AutoCloseable {
  static final JWSAlgorithm EXPECTED_ALGORITHM = JWSAlgorithm.RS256;
  private static final int HTTP_TIMEOUT_MILLIS = 5_000;
  static final String ISSUED_IN_THE_FUTURE = "JWT issued in the future";
  private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_.-]+");

  private final JWKSource<SecurityContext> keys;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  CarefulConsumer(TransmitMockServer server, String audience, int clockSkewSeconds) {
    try {
      // Generous timeouts: the first JWKS request may wait for key generation on a busy machine.
      keys =
          JWKSourceBuilder.create(
                  server.jwksUri().toURL(),
                  new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS))
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    JWSVerificationKeySelector<SecurityContext> byKid =
        new JWSVerificationKeySelector<>(EXPECTED_ALGORITHM, keys);
    processor.setJWSKeySelector(
        (header, context) ->
            header.getKeyID() == null ? List.of() : byKid.selectJWSKeys(header, context));
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            new JOSEObjectType("at+jwt"), JOSEObjectType.JWT, null));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(server.issuer()).build(),
            Set.of("exp", "iat", "iss", "aud", "sub"),
            Set.of()) {
          @Override
          protected Date currentTime() {
            return Date.from(server.clock().instant());
          }

          @Override
          public void verify(JWTClaimsSet claimsSet, SecurityContext context)
              throws BadJWTException {
            super.verify(claimsSet, context);
            Date iat = claimsSet.getIssueTime();
            if (iat != null
                && iat.getTime() > currentTime().getTime() + getMaxClockSkew() * 1000L) {
              throw new BadJWTException(ISSUED_IN_THE_FUTURE);
            }
          }
        };
    claims.setMaxClockSkew(clockSkewSeconds);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Why the consumer rejects the token, or empty when it accepts it. */
  Optional<RejectionCategory> rejection(String token) {
    if (!COMPACT_JWS.matcher(token).matches()) {
      return Optional.of(RejectionCategory.MALFORMED);
    }
    try {
      processor.process(token, null);
      return Optional.empty();
    } catch (ParseException e) {
      // Nimbus refuses "None"/"NONE" with an empty signature as unparseable.
      return Optional.of(
          algorithmIsExpected(token)
              ? RejectionCategory.MALFORMED
              : RejectionCategory.UNSUPPORTED_ALGORITHM);
    } catch (BadJWSException e) {
      // Nimbus' verifiers report a crit parameter they do not understand as a failed signature.
      return Optional.of(
          header(token).containsKey("crit")
              ? RejectionCategory.MALFORMED
              : RejectionCategory.BAD_SIGNATURE);
    } catch (BadJWTException e) {
      return Optional.of(claimsRejection(e.getMessage()));
    } catch (BadJOSEException e) {
      return Optional.of(joseRejection(token, e.getMessage()));
    } catch (RateLimitReachedException e) {
      // An unknown kid forced a JWKS refresh that the rate limit suppressed.
      return Optional.of(RejectionCategory.UNKNOWN_KEY);
    } catch (JOSEException e) {
      throw new AssertionError("unexpected verification failure: " + e, e);
    }
  }

  private static RejectionCategory claimsRejection(String message) {
    if (message.contains("missing required")) {
      return RejectionCategory.MISSING_CLAIM;
    }
    if (message.equals("Expired JWT")) {
      return RejectionCategory.EXPIRED;
    }
    if (message.equals("JWT before use time") || message.equals(ISSUED_IN_THE_FUTURE)) {
      return RejectionCategory.NOT_YET_VALID;
    }
    if (message.startsWith("JWT iss claim")) {
      return RejectionCategory.WRONG_ISSUER;
    }
    if (message.startsWith("JWT aud claim")) {
      return RejectionCategory.WRONG_AUDIENCE;
    }
    throw new AssertionError("unmapped claims rejection: " + message);
  }

  private static RejectionCategory joseRejection(String token, String message) {
    if (message.startsWith("Unsecured (plain) JWTs are rejected")) {
      return RejectionCategory.UNSUPPORTED_ALGORITHM;
    }
    if (message.contains("typ (type)")) {
      return RejectionCategory.WRONG_TYPE;
    }
    if (message.contains("Another algorithm expected, or no matching key(s) found")) {
      return algorithmIsExpected(token)
          ? RejectionCategory.UNKNOWN_KEY
          : RejectionCategory.UNSUPPORTED_ALGORITHM;
    }
    throw new AssertionError("unmapped JOSE rejection: " + message);
  }

  private static boolean algorithmIsExpected(String token) {
    return EXPECTED_ALGORITHM.getName().equals(header(token).get("alg"));
  }

  /** The token's header as JSON, or empty when it cannot be read. */
  static Map<String, Object> header(String token) {
    int dot = token.indexOf('.');
    try {
      byte[] json = Base64.getUrlDecoder().decode(dot < 0 ? token : token.substring(0, dot));
      return JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | ParseException e) {
      return Map.of();
    }
  }

  @Override
  public void close() {
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
