package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An HTTP request to a form-posting endpoint, reduced to what the domain needs.
 *
 * @param contentType the {@code Content-Type} header
 * @param body the body, read up to the configured limit
 * @param bodyTooLarge whether the body exceeded the limit (then {@code body} is incomplete)
 * @param authorization the {@code Authorization} header
 * @param origin the TLS client certificate and the URLs the endpoint was reached at
 */
public record RawRequest(
    Optional<String> contentType,
    byte[] body,
    boolean bodyTooLarge,
    Optional<String> authorization,
    RequestOrigin origin) {
  public RawRequest {
    requireNonNull(contentType, "contentType must not be null");
    requireNonNull(body, "body must not be null");
    requireNonNull(authorization, "authorization must not be null");
    requireNonNull(origin, "origin must not be null");
  }

  /** A request without TLS client certificate and without known endpoint URLs. */
  public RawRequest(
      Optional<String> contentType,
      byte[] body,
      boolean bodyTooLarge,
      Optional<String> authorization) {
    this(contentType, body, bodyTooLarge, authorization, RequestOrigin.NONE);
  }

  /** A well-formed form POST, for programmatic use and tests. */
  public static RawRequest form(String body, Optional<String> authorization) {
    return new RawRequest(
        Optional.of("application/x-www-form-urlencoded"),
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        false,
        authorization);
  }
}
