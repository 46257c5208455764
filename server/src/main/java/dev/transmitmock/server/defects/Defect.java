package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.RejectionCategory;
import dev.transmitmock.server.control.DefectReference;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalog of defective tokens: tokens that a correct consumer of Transmit access tokens must
 * reject. Each defect has a stable kebab-case {@link #id()}, a one-line {@link #description()} of
 * the attack, its source ({@link #reference()}: an RFC section or a CVE) and the {@link
 * #expectedRejection()} of a careful verifier (RS256 only, {@code kid} required and looked up
 * exactly, exact issuer and audience, {@code exp}, {@code iat}, {@code iss}, {@code aud} and {@code
 * sub} required, {@code typ} {@code at+jwt}/{@code JWT}/absent).
 *
 * <p>This is data: consumers (the HTTP control API, the contract kit, the docs) iterate {@link
 * #values()} or {@link DefectCatalog#all()}, so adding a defect is adding one constant here and its
 * recipe in this package, nothing else. Tokens are minted by {@link DefectiveTokens}:
 *
 * <pre>{@code
 * DefectiveTokens defects = new DefectiveTokens(tokenService, keyRing, config, clock);
 * for (Defect defect : Defect.values()) {
 *   String token = defects.mint(defect, TokenSpec.defaults());
 *   // call the consumer with "Bearer " + token; it must answer 401
 * }
 * Defect expired = Defect.byId("expired").orElseThrow();
 * }</pre>
 *
 * <p>Each token starts from the claims and header of a good token (same client, resource, scope,
 * {@code kid}, {@code typ}); only the defect differs. Where a verifier check precedes another (for
 * example the algorithm check precedes the key lookup), {@link #expectedRejection()} is the first
 * check that fails, and the constant's documentation says why.
 */
public enum Defect implements DefectReference {
  /** {@code exp} ten minutes in the past, a token issued a lifetime earlier. */
  EXPIRED(
      "expired",
      "exp lies " + Recipes.BEYOND_SKEW.toMinutes() + " minutes in the past, beyond any clock skew",
      "RFC 7519 §4.1.4",
      RejectionCategory.EXPIRED,
      Recipes::expired),
  /**
   * {@code exp == iat ==} now (lifetime zero). A zero-skew verifier rejects it; one with the common
   * 60 s skew accepts it for a minute, hence {@link #skewSensitive()}.
   */
  EXPIRES_NOW(
      "expires-now",
      "exp equals the current time (lifetime zero): only a verifier without clock skew rejects it",
      "RFC 7519 §4.1.4",
      RejectionCategory.EXPIRED,
      Recipes::expiresNow,
      true),
  /** {@code nbf} ten minutes in the future; {@code exp} stays after it. */
  NOT_YET_VALID(
      "not-yet-valid",
      "nbf lies " + Recipes.BEYOND_SKEW.toMinutes() + " minutes in the future",
      "RFC 7519 §4.1.5",
      RejectionCategory.NOT_YET_VALID,
      Recipes::notYetValid),
  /**
   * {@code iat} ten minutes in the future (a token from a skewed or forged issuer). NOT_YET_VALID
   * because a token cannot be valid before it was issued.
   */
  ISSUED_IN_THE_FUTURE(
      "issued-in-the-future",
      "iat lies " + Recipes.BEYOND_SKEW.toMinutes() + " minutes in the future",
      "RFC 7519 §4.1.6",
      RejectionCategory.NOT_YET_VALID,
      Recipes::issuedInTheFuture),
  /** {@code iss} of another issuer, validly signed: a verifier must pin the issuer exactly. */
  WRONG_ISSUER(
      "wrong-issuer",
      "iss names another issuer; a verifier that does not pin iss accepts foreign tokens",
      "RFC 8725 §3.8",
      RejectionCategory.WRONG_ISSUER,
      Recipes::wrongIssuer),
  /** {@code aud} of another API, validly signed: the token substitution attack. */
  WRONG_AUDIENCE(
      "wrong-audience",
      "aud names another API: a token meant for one service is replayed at another",
      "RFC 8725 §3.9",
      RejectionCategory.WRONG_AUDIENCE,
      Recipes::wrongAudience),
  /** No {@code exp}: a token that never expires. */
  MISSING_EXP(
      "missing-exp",
      "no exp claim: a token that never expires",
      "RFC 7519 §4.1.4",
      RejectionCategory.MISSING_CLAIM,
      d -> Recipes.withoutClaim(d, "exp")),
  /** No {@code iss}: the issuer cannot be checked. */
  MISSING_ISS(
      "missing-iss",
      "no iss claim: the issuer cannot be checked",
      "RFC 8725 §3.8",
      RejectionCategory.MISSING_CLAIM,
      d -> Recipes.withoutClaim(d, "iss")),
  /** No {@code aud}: the token is good for any API that does not insist on an audience. */
  MISSING_AUD(
      "missing-aud",
      "no aud claim: the token is accepted by any API that does not insist on its audience",
      "RFC 8725 §3.9",
      RejectionCategory.MISSING_CLAIM,
      d -> Recipes.withoutClaim(d, "aud")),
  /** {@code alg: none}, empty signature: the unsecured JWT. */
  ALG_NONE(
      "alg-none",
      "alg \"none\" with an empty signature: an unsigned token",
      "RFC 8725 §2.1",
      RejectionCategory.UNSUPPORTED_ALGORITHM,
      d -> Recipes.unsigned(d, "none")),
  /** {@code alg: None}: defeats blocklists that compare case-sensitively. */
  ALG_NONE_CAPITALIZED(
      "alg-none-capitalized",
      "alg \"None\" with an empty signature: slips past case-sensitive \"none\" blocklists",
      "RFC 8725 §3.1",
      RejectionCategory.UNSUPPORTED_ALGORITHM,
      d -> Recipes.unsigned(d, "None")),
  /** {@code alg: NONE}: defeats blocklists that compare case-sensitively. */
  ALG_NONE_UPPERCASE(
      "alg-none-uppercase",
      "alg \"NONE\" with an empty signature: slips past case-sensitive \"none\" blocklists",
      "RFC 8725 §3.1",
      RejectionCategory.UNSUPPORTED_ALGORITHM,
      d -> Recipes.unsigned(d, "NONE")),
  /**
   * HS256 keyed with the PEM text of the server's public key ({@code -----BEGIN PUBLIC KEY-----},
   * X.509 SubjectPublicKeyInfo, 64-character lines, LF line ends, final LF: the file an attacker
   * downloads), {@code kid} of the active key. A verifier that lets the header pick the algorithm
   * uses the public key as an HMAC secret and accepts it.
   */
  HS256_WITH_PUBLIC_KEY(
      "hs256-with-public-key",
      "HS256 keyed with the server's RSA public key (PEM) under its kid: algorithm confusion",
      "CVE-2016-10555",
      RejectionCategory.UNSUPPORTED_ALGORITHM,
      Recipes::hs256WithPublicKey),
  /** Signed by a key the server never published, under that key's own {@code kid}. */
  UNKNOWN_KID(
      "unknown-kid",
      "signed by a key that is not in the JWKS, under its own kid",
      "RFC 8725 §3.10",
      RejectionCategory.UNKNOWN_KEY,
      Recipes::unknownKid),
  /**
   * Signed by the active key, {@code kid} removed. Transmit's tokens always name their key; a
   * verifier that then tries every published key (or any key) has lost key pinning.
   */
  MISSING_KID(
      "missing-kid",
      "no kid header: the verifier must not guess which key to try",
      "RFC 7515 §4.1.4",
      RejectionCategory.UNKNOWN_KEY,
      Recipes::missingKid),
  /** A good token whose payload was changed ({@code roles: ["Admin"]}, one more day) afterwards. */
  TAMPERED_PAYLOAD(
      "tampered-payload",
      "payload changed after signing (Admin role, longer life) with the original signature kept",
      "RFC 8725 §3.3",
      RejectionCategory.BAD_SIGNATURE,
      Recipes::tamperedPayload),
  /** Signed by an attacker's key under the {@code kid} of the server's active key. */
  FOREIGN_KEY_KNOWN_KID(
      "foreign-key-known-kid",
      "signed by an attacker's key under the kid of the server's published key",
      "RFC 8725 §3.3",
      RejectionCategory.BAD_SIGNATURE,
      Recipes::foreignKeyKnownKid),
  /**
   * Signed by a key that is no longer in the JWKS, under its own {@code kid}. The key is a
   * dedicated one that {@link DefectiveTokens} keeps for this defect and never publishes, so
   * minting it changes nothing on the server (no rotation, the active key and the JWKS stay as they
   * are) and no consumer can have it cached. To a consumer it looks exactly like a key retired
   * before its last JWKS refresh; testing refresh after a real rotation is the key control API's
   * job.
   */
  RETIRED_KEY(
      "retired-key",
      "signed by a key retired from the JWKS, under that key's kid",
      "OpenID Connect Core §10.1.1",
      RejectionCategory.UNKNOWN_KEY,
      Recipes::retiredKey),
  /**
   * An attacker's public key embedded as the {@code jwk} header, token signed with its private key;
   * {@code kid} stays the server's, so a verifier that ignores {@code jwk} (as it must) finds the
   * server's key and the signature fails.
   */
  EMBEDDED_JWK(
      "embedded-jwk",
      "an attacker's key embedded in the jwk header signs the token: the verifier must not use it",
      "CVE-2018-0114",
      RejectionCategory.BAD_SIGNATURE,
      Recipes::embeddedJwk),
  /** {@code jku} pointing at an attacker's JWKS, signed by the attacker's key, server's kid. */
  JKU_ELSEWHERE(
      "jku-elsewhere",
      "jku header points to an attacker's JWK set that holds the signing key (SSRF, key injection)",
      "RFC 8725 §3.10",
      RejectionCategory.BAD_SIGNATURE,
      Recipes::jkuElsewhere),
  /** {@code x5u} pointing at an attacker's certificate, signed by the attacker's key. */
  X5U_ELSEWHERE(
      "x5u-elsewhere",
      "x5u header points to an attacker's certificate that holds the signing key (SSRF)",
      "RFC 8725 §3.10",
      RejectionCategory.BAD_SIGNATURE,
      Recipes::x5uElsewhere),
  /**
   * {@code kid: ../../../../../../dev/null}, HS256 with an empty key: a verifier that reads key
   * files named by {@code kid} reads nothing and verifies. A careful verifier refuses HS256 before
   * it ever looks the {@code kid} up.
   */
  KID_PATH_TRAVERSAL(
      "kid-path-traversal",
      "kid is a path to /dev/null and the token is HS256 with an empty key",
      "RFC 8725 §3.10",
      RejectionCategory.UNSUPPORTED_ALGORITHM,
      Recipes::kidPathTraversal),
  /**
   * {@code kid: ' OR '1'='1}, signed by the active key: a verifier whose key lookup is injectable
   * finds the first stored key (the real one) and accepts; an exact lookup finds no key.
   */
  KID_SQL_INJECTION(
      "kid-sql-injection",
      "kid is the SQL fragment ' OR '1'='1: an injectable key lookup returns a real key",
      "RFC 8725 §3.10",
      RejectionCategory.UNKNOWN_KEY,
      Recipes::kidSqlInjection),
  /** {@code typ: secevent+jwt}: another kind of JWT from the same issuer (cross-JWT confusion). */
  WRONG_TYP(
      "wrong-typ",
      "typ \"secevent+jwt\": a different kind of JWT signed by the same key is replayed as a token",
      "RFC 8725 §3.11",
      RejectionCategory.WRONG_TYPE,
      Recipes::wrongTyp),
  /**
   * {@code crit} names an extension no verifier knows; validly signed. RFC 7515 makes such a JWS
   * invalid, so a careful verifier rejects it as MALFORMED (Nimbus reports it as a failed
   * signature).
   */
  UNKNOWN_CRIT(
      "unknown-crit",
      "crit header names an extension the verifier cannot understand, so the token is invalid",
      "RFC 7515 §4.1.11",
      RejectionCategory.MALFORMED,
      Recipes::unknownCrit),
  /**
   * ES256 with the signature r = s = 0 (64 zero bytes) under a published {@code kid}: Java 15-18's
   * ECDSA accepted it for any message. An RS256-only verifier refuses the algorithm; an
   * ES256-accepting one must fail the signature.
   */
  PSYCHIC_SIGNATURE(
      "psychic-signature",
      "ES256 with the all-zero signature r = s = 0 that broken ECDSA verifiers accept",
      "CVE-2022-21449",
      RejectionCategory.UNSUPPORTED_ALGORITHM,
      Recipes::psychicSignature),
  /** A good token without its signature segment ({@code header.payload}). */
  TRUNCATED(
      "truncated",
      "the signature segment is missing: header.payload only",
      "RFC 7515 §7.1",
      RejectionCategory.MALFORMED,
      Recipes::truncated),
  /**
   * A {@code !} inside the payload segment, signed over exactly those bytes by the active key: a
   * lenient decoder that skips unknown characters (as Nimbus does) sees a valid token. A careful
   * verifier accepts only base64url characters and dots.
   */
  NON_BASE64URL(
      "non-base64url",
      "a segment holds a character outside base64url that lenient decoders skip, signed as sent",
      "RFC 7515 §7.1",
      RejectionCategory.MALFORMED,
      Recipes::nonBase64url);

  private final String id;
  private final String description;
  private final String reference;
  private final RejectionCategory expectedRejection;
  private final Recipe recipe;
  private final boolean skewSensitive;

  Defect(
      String id,
      String description,
      String reference,
      RejectionCategory expectedRejection,
      Recipe recipe) {
    this(id, description, reference, expectedRejection, recipe, false);
  }

  Defect(
      String id,
      String description,
      String reference,
      RejectionCategory expectedRejection,
      Recipe recipe,
      boolean skewSensitive) {
    this.id = id;
    this.description = description;
    this.reference = reference;
    this.expectedRejection = expectedRejection;
    this.recipe = recipe;
    this.skewSensitive = skewSensitive;
  }

  /** The stable kebab-case id, as used by {@code POST /_mock/tokens} ({@code "defect":"<id>"}). */
  public String id() {
    return id;
  }

  /** One line: what is wrong with the token and what attack it stands for. */
  public String description() {
    return description;
  }

  /** Where the attack is described: an RFC section (e.g. {@code RFC 8725 §3.1}) or a CVE id. */
  public String reference() {
    return reference;
  }

  /** The reason a careful verifier gives for rejecting this token. */
  public RejectionCategory expectedRejection() {
    return expectedRejection;
  }

  /**
   * Whether a verifier's clock skew decides the outcome: a verifier with the common 60 s skew
   * accepts the token for a while. Report such a consumer's skew rather than fail it.
   */
  public boolean skewSensitive() {
    return skewSensitive;
  }

  /** The defect with this id, if there is one. */
  public static Optional<Defect> byId(String id) {
    requireNonNull(id, "id must not be null");
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  /** How far beyond "now" the time defects lie: more than any clock skew a verifier allows. */
  public static Duration beyondSkew() {
    return Recipes.BEYOND_SKEW;
  }

  String mint(Draft draft) {
    return recipe.mint(draft);
  }

  /** Turns the claims and header of a good token into the defective token. */
  @FunctionalInterface
  interface Recipe {
    String mint(Draft draft);
  }
}
