package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OAuth 2.0 error as a value: HTTP status, {@code error} code, {@code error_description}, and
 * any extra fields. The factories carry node-oidc-provider's exact wording, which Transmit's {@code
 * /oidc} endpoints are inferred to use.
 *
 * <p>Like the engine's {@code error_detail}, {@link #detail()} says which check failed where the
 * wire only says "client authentication failed" or "grant request is invalid": it goes to the
 * journal, the server log at DEBUG and, with {@code verboseErrors}, the body's {@code
 * error_detail}; never into the default body (node-oidc-provider's {@code helpers/err_out.js}).
 *
 * @param status the HTTP status
 * @param error the RFC 6749 error code
 * @param description the {@code error_description}; never contains a secret
 * @param extraFields further members of the error body (e.g. {@code scope} for invalid_scope)
 * @param basicChallenge whether a 401 answers a Basic header (adds {@code WWW-Authenticate})
 * @param detail why the request failed, beyond the description; never contains a secret
 */
public record OAuthError(
    int status,
    String error,
    String description,
    Map<String, String> extraFields,
    boolean basicChallenge,
    Optional<String> detail) {

  public OAuthError {
    requireNonNull(error, "error must not be null");
    requireNonNull(description, "description must not be null");
    extraFields = Map.copyOf(extraFields);
    requireNonNull(detail, "detail must not be null");
  }

  /** An error without a detail. */
  public OAuthError(
      int status,
      String error,
      String description,
      Map<String, String> extraFields,
      boolean basicChallenge) {
    this(status, error, description, extraFields, basicChallenge, Optional.empty());
  }

  /** The same error with {@code detail} as its {@link #detail()}. */
  public OAuthError withDetail(String detail) {
    return new OAuthError(
        status, error, description, extraFields, basicChallenge, Optional.of(detail));
  }

  private static OAuthError of(int status, String error, String description) {
    return new OAuthError(status, error, description, Map.of(), false);
  }

  /** 400 {@code invalid_request} with a description. */
  public static OAuthError invalidRequest(String description) {
    return of(400, "invalid_request", description);
  }

  /** The description of every failed client authentication (node-oidc-provider's). */
  public static final String CLIENT_AUTHENTICATION_FAILED = "client authentication failed";

  /** The description of every {@code invalid_grant} (node-oidc-provider's). */
  public static final String GRANT_REQUEST_IS_INVALID = "grant request is invalid";

  /**
   * 401 {@code invalid_client} "client authentication failed" with the engine's reason ({@code
   * InvalidClientAuth(detail)}): "client not found", "invalid secret provided", a failed assertion
   * or certificate check. Only the {@link #detail()} says which.
   */
  public static OAuthError invalidClient(String detail, boolean usedBasic) {
    return new OAuthError(
        401,
        "invalid_client",
        CLIENT_AUTHENTICATION_FAILED,
        Map.of(),
        usedBasic,
        Optional.of(detail));
  }

  /**
   * 400 {@code invalid_grant} "grant request is invalid" with the engine's reason ({@code
   * InvalidGrant(detail)}), e.g. "mutual TLS client certificate not provided".
   */
  public static OAuthError invalidGrant(String detail) {
    return new OAuthError(
        400, "invalid_grant", GRANT_REQUEST_IS_INVALID, Map.of(), false, Optional.of(detail));
  }

  /** 400 {@code unsupported_grant_type}. */
  public static OAuthError unsupportedGrantType() {
    return of(400, "unsupported_grant_type", "unsupported grant_type requested");
  }

  /** 400 {@code invalid_target} with a description. */
  public static OAuthError invalidTarget(String description) {
    return of(400, "invalid_target", description);
  }

  /** 400 {@code invalid_scope} naming the scope that is not allowed. */
  public static OAuthError invalidScope(String scope) {
    return new OAuthError(
        400, "invalid_scope", "requested scope is not allowed", Map.of("scope", scope), false);
  }

  /**
   * 400 {@code invalid_request} "failed to parse the request body": a body over
   * node-oidc-provider's limit, or one that could not be read ({@code shared/selective_body.js}).
   */
  public static OAuthError bodyNotParsed(String detail) {
    return invalidRequest("failed to parse the request body").withDetail(detail);
  }

  /** 500 {@code server_error}, node-oidc-provider's wording. */
  public static OAuthError serverError() {
    return of(500, "server_error", "oops! something went wrong");
  }

  /** The body members in order: error, error_description, extras. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    body.putAll(extraFields);
    return body;
  }

  /** {@link #body()} plus {@code error_detail} when there is a detail ({@code verboseErrors}). */
  public Map<String, Object> verboseBody() {
    Map<String, Object> body = body();
    detail.ifPresent(d -> body.put("error_detail", d));
    return body;
  }

  /** Throws this error as an exception, for early exits in request handling. */
  public OAuthException exception() {
    return new OAuthException(this);
  }
}
