package dev.transmitmock.testcontainers;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the token, introspection or revocation endpoint, as the emulator's journal
 * recorded it. Secrets and tokens are never recorded.
 *
 * @param sequence a number increasing with every recorded request
 * @param time when the request arrived, on the emulator's clock
 * @param endpoint {@code token}, {@code introspection} or {@code revocation}
 * @param clientId the client id presented, if any
 * @param authMethod how the client authenticated: {@code client_secret_basic}, {@code
 *     client_secret_post}, {@code private_key_jwt}, {@code tls_client_auth}, {@code
 *     self_signed_tls_client_auth} or {@code none}
 * @param resource the requested resource, if any
 * @param scope the requested scope, if any
 * @param status the HTTP status answered (0 when an injected fault dropped the connection)
 * @param outcome {@code issued}, {@code succeeded}, {@code rejected}, {@code faulted} or {@code
 *     injected} (an error a next-token rule answered with)
 * @param error the OAuth error code when the request was rejected ({@code injected_fault} for a
 *     fault)
 * @param errorDescription the error description, if any
 * @param jti the {@code jti} of the issued token or of the token acted on, if any
 * @param errorDetail why the request was refused, beyond the description on the wire (e.g. "invalid
 *     secret provided" behind "client authentication failed"), if any
 * @param nextTokenRule the id of the next-token rule ({@link NextTokenControl}) that shaped the
 *     answer, if one did
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
    String outcome,
    Optional<String> error,
    Optional<String> errorDescription,
    Optional<String> jti,
    Optional<String> errorDetail,
    Optional<String> nextTokenRule) {

  /** An entry no next-token rule shaped (the shape before {@code nextTokenRule} existed). */
  public RecordedRequest(
      long sequence,
      Instant time,
      String endpoint,
      Optional<String> clientId,
      String authMethod,
      Optional<String> resource,
      Optional<String> scope,
      int status,
      String outcome,
      Optional<String> error,
      Optional<String> errorDescription,
      Optional<String> jti,
      Optional<String> errorDetail) {
    this(
        sequence,
        time,
        endpoint,
        clientId,
        authMethod,
        resource,
        scope,
        status,
        outcome,
        error,
        errorDescription,
        jti,
        errorDetail,
        Optional.empty());
  }

  /** An entry without an error detail (the shape before {@code errorDetail} existed). */
  public RecordedRequest(
      long sequence,
      Instant time,
      String endpoint,
      Optional<String> clientId,
      String authMethod,
      Optional<String> resource,
      Optional<String> scope,
      int status,
      String outcome,
      Optional<String> error,
      Optional<String> errorDescription,
      Optional<String> jti) {
    this(
        sequence,
        time,
        endpoint,
        clientId,
        authMethod,
        resource,
        scope,
        status,
        outcome,
        error,
        errorDescription,
        jti,
        Optional.empty(),
        Optional.empty());
  }

  /** Whether the request succeeded (a token issued, a token introspected or revoked). */
  public boolean succeeded() {
    return error.isEmpty();
  }

  static RecordedRequest fromJson(Map<?, ?> entry) {
    Optional<String> time = text(entry.get("time"));
    return new RecordedRequest(
        number(entry.get("sequence")),
        time.map(Instant::parse).orElse(Instant.EPOCH),
        text(entry.get("endpoint")).orElse(""),
        text(entry.get("clientId")),
        text(entry.get("authMethod")).orElse(""),
        text(entry.get("resource")),
        text(entry.get("scope")),
        (int) number(entry.get("status")),
        text(entry.get("outcome")).orElse(""),
        text(entry.get("error")),
        text(entry.get("errorDescription")),
        text(entry.get("jti")),
        text(entry.get("errorDetail")),
        text(entry.get("nextTokenRule")));
  }

  private static Optional<String> text(Object value) {
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  private static long number(Object value) {
    return value instanceof Number ? ((Number) value).longValue() : 0L;
  }
}
