package dev.transmitmock.server.defects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.token.ClientAssertions;
import dev.transmitmock.server.token.OAuthError;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Attacks on {@code private_key_jwt} client authentication: client assertions the emulator (like
 * Transmit) must refuse, each with a 401 {@code invalid_client} "client authentication failed"
 * whose detail (the journal's {@code errorDetail}, {@code error_detail} with {@code verboseErrors})
 * names the failed check. Unlike {@link Defect} these attack the token endpoint, not a consumer of
 * access tokens.
 *
 * <pre>{@code
 * for (AssertionDefect defect : AssertionDefect.values()) {
 *   String assertion = defect.mint(ClientAssertions.builder("orders-svc", key)
 *       .audience(server.tokenEndpoint()).clock(server.clock()), key);
 *   if (defect.needsPriorUse()) { post(assertion); } // the replay: the first use succeeds
 *   // POST it: 401 invalid_client "client authentication failed";
 *   // the journal's errorDetail starts with defect.expectedDetail()
 * }
 * }</pre>
 */
public enum AssertionDefect {
  /** The same assertion sent twice: the second use is refused. */
  REPLAYED(
      "assertion-replay",
      "a client assertion captured once and sent again (same jti)",
      "RFC 7523 §3 (7)",
      "client assertion tokens must only be used once",
      (builder, key) -> builder.build()),
  /** Signed by a key the client never registered, under the registered key's {@code kid}. */
  SIGNED_BY_ANOTHER_KEY(
      "assertion-signed-by-another-key",
      "signed by an attacker's key under the kid of the client's registered key",
      "RFC 7523 §3 (9)",
      "client_assertion signature does not verify with the client's keys",
      (builder, key) -> {
        JWK foreign =
            key instanceof com.nimbusds.jose.jwk.ECKey
                ? ClientAssertions.generateEcKey(key.getKeyID())
                : ClientAssertions.generateRsaKey(key.getKeyID());
        return copyClaims(builder.build(), foreign);
      }),
  /** {@code aud} names another authorization server. */
  WRONG_AUDIENCE(
      "assertion-wrong-audience",
      "aud names another server's token endpoint: an assertion made for it is replayed here",
      "RFC 7523 §3 (3)",
      "audience (aud) must equal the endpoint url, issuer identifier or token endpoint url",
      (builder, key) -> builder.audience("https://other-as.example/oauth2/token").build()),
  /** {@code exp} an hour in the past on the builder's clock (set it to the emulator's clock). */
  EXPIRED(
      "assertion-expired",
      "exp lies an hour in the past",
      "RFC 7523 §3 (4)",
      "client_assertion has expired",
      (builder, key) ->
          builder
              .issuedAt(builder.now().minus(Duration.ofHours(2)))
              .lifetime(Duration.ofHours(1))
              .build()),
  /** No {@code exp}: an assertion valid forever. */
  MISSING_EXP(
      "assertion-missing-exp",
      "no exp claim: an assertion that never expires",
      "RFC 7523 §3 (4)",
      "expiration must be specified in the client_assertion JWT",
      (builder, key) -> builder.without("exp").build()),
  /** No {@code jti}: replays cannot be detected. */
  MISSING_JTI(
      "assertion-missing-jti",
      "no jti claim: replays cannot be detected",
      "RFC 7523 §3 (7)",
      "unique jti (JWT ID) must be provided in the client_assertion JWT",
      (builder, key) -> builder.without("jti").build()),
  /** {@code iss} another client. */
  WRONG_ISSUER(
      "assertion-wrong-issuer",
      "iss names another client than sub",
      "RFC 7523 §3 (1)",
      "iss (JWT issuer) must be the client_id",
      (builder, key) -> builder.issuer("someone-else").build()),
  /** {@code alg: none}, no signature. */
  ALG_NONE(
      "assertion-alg-none",
      "alg none: an unsigned assertion",
      "RFC 8725 §2.1",
      "alg mismatch",
      (builder, key) -> unsigned(builder.build())),
  /** HS256 keyed with the client's public key (algorithm confusion). */
  HS256_WITH_PUBLIC_KEY(
      "assertion-hs256",
      "HS256 keyed with the client's public key: algorithm confusion",
      "CVE-2016-10555",
      "alg mismatch",
      AssertionDefect::hs256);

  private final String id;
  private final String description;
  private final String reference;
  private final String expectedDetail;
  private final BiFunction<ClientAssertions.Builder, JWK, String> recipe;

  AssertionDefect(
      String id,
      String description,
      String reference,
      String expectedDetail,
      BiFunction<ClientAssertions.Builder, JWK, String> recipe) {
    this.id = id;
    this.description = description;
    this.reference = reference;
    this.expectedDetail = expectedDetail;
    this.recipe = recipe;
  }

  /** The stable kebab-case id. */
  public String id() {
    return id;
  }

  /** The attack in one line. */
  public String description() {
    return description;
  }

  /** Where the requirement comes from. */
  public String reference() {
    return reference;
  }

  /**
   * The {@code error_description} of the emulator's 401 {@code invalid_client}:
   * node-oidc-provider's "client authentication failed", the same for every defect.
   */
  public String expectedDescription() {
    return OAuthError.CLIENT_AUTHENTICATION_FAILED;
  }

  /**
   * The detail of the refusal (node-oidc-provider's {@code error_detail}), or its start: the detail
   * of {@link #WRONG_AUDIENCE} goes on to list the accepted audiences.
   */
  public String expectedDetail() {
    return expectedDetail;
  }

  /** The defect with this id. */
  public static java.util.Optional<AssertionDefect> byId(String id) {
    for (AssertionDefect defect : values()) {
      if (defect.id.equals(id)) {
        return java.util.Optional.of(defect);
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the assertion must be used once successfully before the attack (the replay). */
  public boolean needsPriorUse() {
    return this == REPLAYED;
  }

  /**
   * The defective assertion, built from a valid one.
   *
   * @param valid a builder of a valid assertion (client, key, audience, and the emulator's clock:
   *     time-based defects are relative to the builder's clock)
   * @param key the client's registered key (with its private part)
   */
  public String mint(ClientAssertions.Builder valid, JWK key) {
    return recipe.apply(valid, key);
  }

  private static String copyClaims(String assertion, JWK signingKey) {
    try {
      SignedJWT original = SignedJWT.parse(assertion);
      return ClientAssertionsSigning.sign(
          original.getHeader(), original.getJWTClaimsSet(), signingKey);
    } catch (ParseException e) {
      throw new IllegalStateException("cannot re-sign the assertion", e);
    }
  }

  private static String unsigned(String assertion) {
    try {
      JWTClaimsSet claims = SignedJWT.parse(assertion).getJWTClaimsSet();
      return new PlainJWT(claims).serialize();
    } catch (ParseException e) {
      throw new IllegalStateException("cannot strip the signature", e);
    }
  }

  private static String hs256(ClientAssertions.Builder builder, JWK key) {
    try {
      JWTClaimsSet claims = SignedJWT.parse(builder.build()).getJWTClaimsSet();
      byte[] secret =
          (key instanceof RSAKey rsa
                  ? rsa.toPublicJWK().toJSONString()
                  : key.toPublicJWK().toJSONString())
              .getBytes(StandardCharsets.UTF_8);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("cannot build the HS256 assertion", e);
    }
  }

  /** Re-signs claims under a header with another key. */
  private static final class ClientAssertionsSigning {
    private ClientAssertionsSigning() {}

    static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
      try {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(
            key instanceof RSAKey rsa
                ? new com.nimbusds.jose.crypto.RSASSASigner(rsa)
                : new com.nimbusds.jose.crypto.ECDSASigner((com.nimbusds.jose.jwk.ECKey) key));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException("cannot sign with the foreign key", e);
      }
    }
  }
}
