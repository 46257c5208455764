package dev.transmitmock.testcontainers;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the token, introspection or revocation endpoint, as the emulator's journal
 * recorded it. Secrets are never recorded.
 *
 * @param sequence a number increasing with every recorded request
 * @param time when the request arrived, on the emulator's clock
 * @param endpoint which endpoint was called ({@code token}, {@code introspection}, {@code
 *     revocation})
 * @param clientId the client id presented, if any
 * @param authMethod how the client authenticated (e.g. {@code client_secret_post})
 * @param resource the requested resource, if any
 * @param scope the requested scope, if any
 * @param status the HTTP status answered
 * @param error the OAuth error code when the request was rejected
 * @param jti the {@code jti} of the issued token, if any
 */
public record RecordedRequest(
    long sequence,
    Instant time,
    String endpoint,
    Optional<String> clientId,
    String authMethod,
    Optional<String> resource,
    Optional<String> scope,
    int status,
    Optional<String> error,
    Optional<String> jti) {

  /** Whether the request succeeded (no OAuth error). */
  public boolean succeeded() {
    return error.isEmpty();
  }

  static RecordedRequest fromJson(Map<?, ?> entry) {
    return new RecordedRequest(
        number(entry.get("sequence")),
        entry.get("time") instanceof String ? Instant.parse((String) entry.get("time")) : null,
        text(entry.get("endpoint")).orElse(""),
        text(entry.get("clientId")),
        text(entry.get("authMethod")).orElse(""),
        text(entry.get("resource")),
        text(entry.get("scope")),
        (int) number(entry.get("status")),
        text(entry.get("error")),
        text(entry.get("jti")));
  }

  private static Optional<String> text(Object value) {
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  private static long number(Object value) {
    return value instanceof Number ? ((Number) value).longValue() : 0L;
  }
}
