package dev.transmitmock.junit.contract;

import dev.transmitmock.protocol.RejectionCategory;

/**
 * What an attacker gains when a consumer accepts a defective token of a {@link RejectionCategory},
 * and what to change in the consumer.
 *
 * @param attack what the accepted token lets an attacker do
 * @param fix what the consumer must check
 */
record DefectAdvice(String attack, String fix) {

  static DefectAdvice of(RejectionCategory category, String issuer, String audience) {
    return switch (category) {
      case MALFORMED ->
          new DefectAdvice(
              "a token that is not a well-formed JWS gets past parsing; lenient decoding lets forged"
                  + " content through",
              "accept only three base64url segments (characters A-Z a-z 0-9 - _ and two dots) and"
                  + " reject JWS headers with crit parameters you do not understand");
      case UNSUPPORTED_ALGORITHM ->
          new DefectAdvice(
              "anyone can forge tokens: the token's own alg header decides how (or whether) it is"
                  + " verified",
              "pin the algorithm on your side to RS256 (e.g. Nimbus JWSVerificationKeySelector with"
                  + " RS256); never take it from the token, never accept none, HS* or ES*");
      case UNKNOWN_KEY ->
          new DefectAdvice(
              "tokens signed by keys the issuer never published, or no longer publishes, are"
                  + " trusted",
              "require a kid and look it up exactly in the issuer's JWKS; reject a missing or"
                  + " unknown kid instead of trying other keys");
      case BAD_SIGNATURE ->
          new DefectAdvice(
              "tokens signed by an attacker's key, or changed after signing, are trusted",
              "verify the signature with the issuer's JWKS key only; ignore jwk, jku and x5u"
                  + " headers");
      case EXPIRED ->
          new DefectAdvice(
              "a leaked token stays usable after it expired",
              "check exp against your clock, with at most a small clock skew (60 s is common)");
      case NOT_YET_VALID ->
          new DefectAdvice(
              "tokens dated in the future (by a forger or a broken clock) are usable now",
              "reject tokens whose nbf or iat lies in the future beyond your clock skew");
      case WRONG_ISSUER ->
          new DefectAdvice(
              "tokens of another issuer (another tenant or identity provider) are trusted",
              "require iss to equal exactly " + issuer);
      case WRONG_AUDIENCE ->
          new DefectAdvice(
              "a token meant for another API is replayed against this one",
              "require aud to contain " + audience);
      case MISSING_CLAIM ->
          new DefectAdvice(
              "a token without the claim skips the check it enables (never expires, any issuer,"
                  + " any audience)",
              "require exp, iat, iss, aud and sub to be present");
      case WRONG_TYPE ->
          new DefectAdvice(
              "another kind of JWT signed by the same key is replayed as an access token",
              "accept only typ at+jwt, JWT or no typ");
    };
  }
}
