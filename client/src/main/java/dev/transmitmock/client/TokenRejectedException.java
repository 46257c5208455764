package dev.transmitmock.client;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by {@link TransmitTokenVerifier#verify(String)} when a token must not be accepted.
 *
 * <p>{@link #reason()} says why, precisely enough for tests and metrics; the message is meant for
 * logs and never contains the token or its claim values, only header fields (sanitised) and the
 * verifier's own configuration.
 *
 * <pre>{@code
 * try {
 *   TransmitToken token = verifier.verify(bearer);
 * } catch (TokenRejectedException e) {
 *   log.info("rejected token: {} ({})", e.reason(), e.getMessage());
 *   return e.reason() == Reason.JWKS_UNAVAILABLE ? status(503) : status(401);
 * }
 * }</pre>
 */
public final class TokenRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Why a token was rejected. Checks run in this order, the first failure wins: syntax, algorithm,
   * critical headers, type, key, signature, claims.
   */
  public enum Reason {
    /**
     * Not a well-formed signed JWT: wrong segment count, bad base64url, bad JSON, bad claim types.
     */
    MALFORMED,
    /**
     * The {@code alg} is not in the allow-list ({@code none}, HMAC, or an algorithm not opted in).
     */
    UNSUPPORTED_ALGORITHM,
    /** No {@code kid}, or no key with that {@code kid} (and a matching type) in the JWKS. */
    UNKNOWN_KEY,
    /** The signature does not verify with the key the {@code kid} names. */
    BAD_SIGNATURE,
    /** {@code exp} is in the past by more than the allowed clock skew. */
    EXPIRED,
    /** {@code nbf} or {@code iat} is in the future by more than the allowed clock skew. */
    NOT_YET_VALID,
    /** {@code iss} is not exactly the expected issuer. */
    WRONG_ISSUER,
    /** {@code aud} holds none of the expected audiences. */
    WRONG_AUDIENCE,
    /**
     * A required claim ({@code iss}, {@code sub}, {@code aud}, {@code exp}, {@code iat}, ...) is
     * absent.
     */
    MISSING_CLAIM,
    /**
     * The {@code typ} header is present but not an accepted type ({@code at+jwt} or {@code JWT}).
     */
    WRONG_TYPE,
    /** The {@code tid} claim is not the pinned tenant. */
    WRONG_TENANT,
    /** Admin tokens were required and the {@code roles} claim does not contain {@code Admin}. */
    NOT_ADMIN,
    /** The signing keys could not be obtained (JWKS or discovery endpoint down, nothing cached). */
    JWKS_UNAVAILABLE,
    /**
     * A certificate-bound token was required ({@link TransmitTokenVerifier#verify(String,
     * java.security.cert.X509Certificate)}) and the token carries no {@code cnf.x5t#S256}.
     */
    UNBOUND,
    /**
     * The token's {@code cnf.x5t#S256} is not the thumbprint of the certificate the caller
     * presented in its TLS handshake (RFC 8705 section 3): a stolen token replayed by another
     * client.
     */
    CERTIFICATE_MISMATCH
  }

  /** Why the token was rejected. */
  private final Reason reason;

  /**
   * Creates a rejection.
   *
   * @param reason why the token was rejected
   * @param message a log-safe explanation (no token contents beyond the header)
   */
  public TokenRejectedException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates a rejection with the exception that revealed it.
   *
   * @param reason why the token was rejected
   * @param message a log-safe explanation (no token contents beyond the header)
   * @param cause the underlying exception, or {@code null}
   */
  public TokenRejectedException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + requireNonNull(message, "message must not be null"), cause);
    this.reason = requireNonNull(reason, "reason must not be null");
  }

  /**
   * Why the token was rejected.
   *
   * @return the reason, never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
