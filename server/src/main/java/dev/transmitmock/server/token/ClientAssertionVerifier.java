package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.ClientConfig;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code private_key_jwt} client assertion (RFC 7523) in node-oidc-provider's order:
 * algorithm allow-list, {@code exp} and {@code jti} present, {@code iss} the client, {@code aud}
 * the endpoint, the token endpoint or the issuer, the signature against the client's registered
 * keys, {@code exp} in the future and {@code nbf} not in the future (with {@link
 * #CLOCK_TOLERANCE}), and the {@code jti} unused. Every failure is 401 {@code invalid_client} whose
 * description says which check failed, in node-oidc-provider's wording where it has one.
 *
 * <pre>{@code
 * ClientAssertionVerifier verifier = new ClientAssertionVerifier(new ClientKeys(), mockClock,
 *     new JtiReplayCache(JtiReplayCache.DEFAULT_CAPACITY));
 * verifier.verify(assertion, client, Set.of(issuer, "https://127.0.0.1:8443/oidc/token"));
 * }</pre>
 */
public final class ClientAssertionVerifier {
  /** The only {@code client_assertion_type} of RFC 7523. */
  public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** The algorithms a client assertion may use; never {@code none} or HMAC. */
  public static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

  /** Clock tolerance for {@code exp} and {@code nbf}: node-oidc-provider's default, 15 seconds. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(15);

  private final ClientKeys keys;
  private final Clock clock;
  private final JtiReplayCache replays;

  /**
   * A verifier reading keys with {@code keys}, time from {@code clock}, replays in {@code replays}.
   */
  public ClientAssertionVerifier(ClientKeys keys, Clock clock, JtiReplayCache replays) {
    this.keys = requireNonNull(keys, "keys must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
    this.replays = requireNonNull(replays, "replays must not be null");
  }

  /**
   * Verifies an assertion of a {@code private_key_jwt} client.
   *
   * @param acceptedAudiences the issuer, the token endpoint URLs and the called endpoint's URLs;
   *     listed in the description of an {@code aud} mismatch, in their iteration order
   * @return the assertion's claims
   * @throws OAuthException 401 {@code invalid_client} naming the failed check
   */
  public JWTClaimsSet verify(String assertion, ClientConfig client, Set<String> acceptedAudiences) {
    SignedJWT jwt = parse(assertion);
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!ALLOWED_ALGORITHMS.contains(alg)) {
      throw fail("alg mismatch");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw fail("invalid client_assertion format");
    }
    if (claims.getExpirationTime() == null) {
      throw fail("expiration must be specified in the client_assertion JWT");
    }
    if (claims.getJWTID() == null || claims.getJWTID().isEmpty()) {
      throw fail("unique jti (JWT ID) must be provided in the client_assertion JWT");
    }
    if (claims.getIssuer() == null) {
      throw fail("iss (JWT issuer) must be provided in the client_assertion JWT");
    }
    if (!claims.getIssuer().equals(client.clientId())) {
      throw fail("iss (JWT issuer) must be the client_id");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.isEmpty()) {
      throw fail("aud (JWT audience) must be provided in the client_assertion JWT");
    }
    if (audience.stream().noneMatch(acceptedAudiences::contains)) {
      throw fail(
          (audience.size() > 1
                  ? "list of audience (aud) must include the endpoint url, issuer identifier or"
                      + " token endpoint url"
                  : "audience (aud) must equal the endpoint url, issuer identifier or token"
                      + " endpoint url")
              + "; accepted here: "
              + String.join(", ", acceptedAudiences)
              + " (behind a proxy, set publicBaseUrl to the address clients use)");
    }
    if (claims.getSubject() == null) {
      throw fail("sub (JWT subject) must be provided in the client_assertion JWT");
    }
    if (!claims.getSubject().equals(client.clientId())) {
      throw fail("sub (JWT subject) must be the client_id");
    }
    verifySignature(jwt, client);
    Instant now = clock.instant();
    Instant expiry = claims.getExpirationTime().toInstant();
    if (!expiry.plus(CLOCK_TOLERANCE).isAfter(now)) {
      throw fail("client_assertion has expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_TOLERANCE))) {
      throw fail("client_assertion is not yet valid (nbf is in the future)");
    }
    if (!replays.firstUse(
        client.clientId(), claims.getJWTID(), expiry.plus(CLOCK_TOLERANCE), now)) {
      throw fail("client assertion tokens must only be used once");
    }
    return claims;
  }

  private static SignedJWT parse(String assertion) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(assertion);
    } catch (ParseException | RuntimeException e) {
      throw fail("invalid client_assertion format");
    }
    if (jwt instanceof SignedJWT signed) {
      return signed;
    }
    if (jwt instanceof com.nimbusds.jwt.PlainJWT) {
      throw fail("alg mismatch");
    }
    throw fail("invalid client_assertion format");
  }

  private void verifySignature(SignedJWT jwt, ClientConfig client) {
    String kid = jwt.getHeader().getKeyID();
    List<JWK> candidates = candidates(jwt, client, false);
    if (candidates.isEmpty() && client.authentication().jwksUri().isPresent()) {
      candidates = candidates(jwt, client, true);
    }
    if (candidates.isEmpty()) {
      throw fail(
          kid != null
              ? "no key of the client matches the client_assertion kid"
              : "no key of the client fits the client_assertion alg");
    }
    for (JWK key : candidates) {
      try {
        if (jwt.verify(verifier(key))) {
          return;
        }
      } catch (JOSEException e) {
        // try the next key
      }
    }
    throw fail("client_assertion signature does not verify with the client's keys");
  }

  private List<JWK> candidates(SignedJWT jwt, ClientConfig client, boolean refresh) {
    List<JWK> all;
    try {
      all = keys.keys(client.authentication(), refresh);
    } catch (IOException e) {
      throw fail("the client's jwks_uri could not be fetched: " + e.getMessage());
    }
    String kid = jwt.getHeader().getKeyID();
    boolean ec = JWSAlgorithm.Family.EC.contains(jwt.getHeader().getAlgorithm());
    return all.stream()
        .filter(k -> kid == null || kid.equals(k.getKeyID()))
        .filter(k -> ec ? k instanceof ECKey : k instanceof RSAKey)
        .filter(k -> k.getKeyUse() == null || "sig".equals(k.getKeyUse().identifier()))
        .toList();
  }

  private static JWSVerifier verifier(JWK key) throws JOSEException {
    if (key instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa);
    }
    return new ECDSAVerifier((ECKey) key);
  }

  /** 401 "client authentication failed"; {@code detail} names the failed check. */
  private static OAuthException fail(String detail) {
    return OAuthError.invalidClient(detail, false).exception();
  }
}
