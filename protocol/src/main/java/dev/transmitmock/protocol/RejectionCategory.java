package dev.transmitmock.protocol;

/**
 * Why a careful verifier rejects a defective token: the first check that fails, in the order parse,
 * type, algorithm, key, signature, claims. The names are those of the client verifier's {@code
 * TokenRejectedException.Reason} (a test in the client module fails when they drift), so a test can
 * compare a consumer's reason with a defect's {@code expectedRejection} directly; the emulator's
 * {@code GET /_mock/defects} lists these names.
 *
 * <pre>{@code
 * RejectionCategory.valueOf(defect.expectedRejection()); // RejectionCategory.EXPIRED
 * }</pre>
 */
public enum RejectionCategory {
  /** Not a well-formed JWS: segment count, characters outside base64url, unknown {@code crit}. */
  MALFORMED,
  /** The {@code alg} is not the expected one ({@code none}, HMAC, an algorithm not allowed). */
  UNSUPPORTED_ALGORITHM,
  /** No {@code kid}, or no published key with that {@code kid}. */
  UNKNOWN_KEY,
  /** The signature does not verify with the key the {@code kid} names. */
  BAD_SIGNATURE,
  /** {@code exp} is not after the verifier's current time (plus its clock skew). */
  EXPIRED,
  /** {@code nbf} or {@code iat} is in the future beyond the clock skew. */
  NOT_YET_VALID,
  /** {@code iss} is not exactly the expected issuer. */
  WRONG_ISSUER,
  /** {@code aud} holds none of the expected audiences. */
  WRONG_AUDIENCE,
  /** A required claim ({@code exp}, {@code iss}, {@code aud}, ...) is absent. */
  MISSING_CLAIM,
  /** The {@code typ} header names another kind of JWT. */
  WRONG_TYPE
}
