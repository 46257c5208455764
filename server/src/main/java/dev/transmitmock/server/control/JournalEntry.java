package dev.transmitmock.server.control;

import dev.transmitmock.server.config.AuthMethod;
import java.time.Instant;
import java.util.Optional;

/**
 * One request to the token, introspection or revocation endpoint, as the journal records it.
 * Secrets are never recorded: no client secret, no token.
 *
 * @param sequence a number increasing with every recorded request
 * @param time when the request arrived, on the emulator's clock
 * @param endpoint which endpoint was called
 * @param clientId the client id presented, if any
 * @param authMethod how the client authenticated
 * @param resource the requested resource, if any
 * @param scope the requested scope, if any
 * @param status the HTTP status answered
 * @param error the OAuth error code when the request was rejected
 * @param errorDescription the error description when rejected
 * @param jti the {@code jti} of the issued token (token endpoint) or of the token acted on
 * @param errorDetail why the request was rejected, beyond the description on the wire (e.g.
 *     "invalid secret provided" behind "client authentication failed"); never a secret
 * @param nextTokenRule the id of the {@link NextTokenRule} that shaped the answer, if one did
 */
public record JournalEntry(
    long sequence,
    Instant time,
    Endpoint endpoint,
    Optional<String> clientId,
    AuthMethod authMethod,
    Optional<String> resource,
    Optional<String> scope,
    int status,
    Optional<String> error,
    Optional<String> errorDescription,
    Optional<String> jti,
    Optional<String> errorDetail,
    Optional<String> nextTokenRule) {

  /** An entry no next-token rule shaped (the shape before {@code nextTokenRule} existed). */
  public JournalEntry(
      long sequence,
      Instant time,
      Endpoint endpoint,
      Optional<String> clientId,
      AuthMethod authMethod,
      Optional<String> resource,
      Optional<String> scope,
      int status,
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
        error,
        errorDescription,
        jti,
        errorDetail,
        Optional.empty());
  }

  /** An entry without an error detail (the shape before {@code errorDetail} existed). */
  public JournalEntry(
      long sequence,
      Instant time,
      Endpoint endpoint,
      Optional<String> clientId,
      AuthMethod authMethod,
      Optional<String> resource,
      Optional<String> scope,
      int status,
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
        error,
        errorDescription,
        jti,
        Optional.empty(),
        Optional.empty());
  }

  /** The {@code error} recorded for a request answered by an injected fault. */
  public static final String INJECTED_FAULT = "injected_fault";

  /** Whether the request succeeded (a token was issued, a token introspected or revoked). */
  public boolean succeeded() {
    return error.isEmpty();
  }

  /** Whether a token was issued: a successful token-endpoint request. */
  public boolean issued() {
    return endpoint == Endpoint.TOKEN && succeeded();
  }

  /**
   * Whether the request was rejected with an OAuth error. Injected faults and errors a next-token
   * rule answered with do not count: the test asked for them.
   */
  public boolean rejected() {
    return error.isPresent() && !faulted() && !injected();
  }

  /** Whether a {@link NextTokenRule} answered the request with an OAuth error. */
  public boolean injected() {
    return error.isPresent() && nextTokenRule.isPresent() && !faulted();
  }

  /** Whether an injected fault answered the request instead of the endpoint. */
  public boolean faulted() {
    return error.isPresent() && error.get().equals(INJECTED_FAULT);
  }

  /**
   * The outcome in one word: {@code issued} (token endpoint), {@code succeeded} (introspection,
   * revocation), {@code rejected}, {@code faulted} or {@code injected} (an error a next-token rule
   * answered with).
   */
  public String outcome() {
    if (faulted()) {
      return "faulted";
    }
    if (injected()) {
      return "injected";
    }
    if (rejected()) {
      return "rejected";
    }
    return endpoint == Endpoint.TOKEN ? "issued" : "succeeded";
  }

  /** A one-line description for failure messages. */
  public String describe() {
    StringBuilder line = new StringBuilder();
    line.append('#').append(sequence).append(' ').append(time).append(' ');
    line.append(endpoint.wireName());
    line.append(" client=").append(clientId.orElse("-"));
    line.append(" auth=").append(authMethod.wireName());
    resource.ifPresent(r -> line.append(" resource=").append(r));
    scope.ifPresent(s -> line.append(" scope=").append(s));
    line.append(" -> ").append(status);
    error.ifPresent(e -> line.append(' ').append(e));
    errorDescription.ifPresent(d -> line.append(" (").append(d).append(')'));
    errorDetail.ifPresent(d -> line.append(" detail: ").append(d));
    jti.ifPresent(j -> line.append(" jti=").append(j));
    nextTokenRule.ifPresent(r -> line.append(" shaped by ").append(r));
    return line.toString();
  }
}
