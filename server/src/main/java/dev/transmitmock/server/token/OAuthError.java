package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OAuth 2.0 error as a value: HTTP status, {@code error} code, {@code error_description}, and
 * any extra fields. The factories carry node-oidc-provider's exact wording, which Transmit's {@code
 * /oidc} endpoints are inferred to use.
 *
 * @param status the HTTP status
 * @param error the RFC 6749 error code
 * @param description the {@code error_description}; never contains a secret
 * @param extraFields further members of the error body (e.g. {@code scope} for invalid_scope)
 * @param basicChallenge whether a 401 answers a Basic header (adds {@code WWW-Authenticate})
 */
public record OAuthError(
    int status,
    String error,
    String description,
    Map<String, String> extraFields,
    boolean basicChallenge) {

  public OAuthError {
    requireNonNull(error, "error must not be null");
    requireNonNull(description, "description must not be null");
    extraFields = Map.copyOf(extraFields);
  }

  private static OAuthError of(int status, String error, String description) {
    return new OAuthError(status, error, description, Map.of(), false);
  }

  /** 400 {@code invalid_request} with a description. */
  public static OAuthError invalidRequest(String description) {
    return of(400, "invalid_request", description);
  }

  /** 401 {@code invalid_client}: unknown client, wrong secret or wrong authentication method. */
  public static OAuthError invalidClient(boolean usedBasic) {
    return new OAuthError(
        401, "invalid_client", "client authentication failed", Map.of(), usedBasic);
  }

  /**
   * 401 {@code invalid_client} saying which check failed (node-oidc-provider's internal wording),
   * for {@code private_key_jwt} and mTLS clients: their failures are diagnosable without a secret.
   */
  public static OAuthError invalidClient(String description, boolean usedBasic) {
    return new OAuthError(401, "invalid_client", description, Map.of(), usedBasic);
  }

  /** 400 {@code invalid_grant} with a description. */
  public static OAuthError invalidGrant(String description) {
    return of(400, "invalid_grant", description);
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

  /** 413 when the body exceeds the configured limit. */
  public static OAuthError bodyTooLarge(int limit) {
    return of(413, "invalid_request", "request body exceeds the limit of " + limit + " bytes");
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

  /** Throws this error as an exception, for early exits in request handling. */
  public OAuthException exception() {
    return new OAuthException(this);
  }
}
