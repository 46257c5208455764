package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.Endpoint;
import java.time.Instant;
import java.util.Optional;

/**
 * The one way a request reaches the journal: started when the request arrives (its sequence number
 * and time on the emulator's clock), filled in as handling learns who the client is and what it
 * asked for, recorded once with the outcome. The endpoints and the fault gate both use it.
 *
 * <pre>{@code
 * JournalDraft draft = JournalDraft.start(journal, clock, Endpoint.TOKEN);
 * draft.clientId("demo-app").authMethod(AuthMethod.CLIENT_SECRET_BASIC);
 * draft.issued("jti-123");                       // or draft.refused(401, "invalid_client", ...)
 * }</pre>
 */
public final class JournalDraft {
  private final RequestJournal journal;
  private final long sequence;
  private final Instant time;
  private final Endpoint endpoint;
  private Optional<String> clientId = Optional.empty();
  private AuthMethod authMethod = AuthMethod.NONE;
  private Optional<String> resource = Optional.empty();
  private Optional<String> scope = Optional.empty();
  private Optional<String> jti = Optional.empty();
  private Optional<String> nextTokenRule = Optional.empty();

  private JournalDraft(RequestJournal journal, MockClock clock, Endpoint endpoint) {
    this.journal = requireNonNull(journal, "journal must not be null");
    this.sequence = journal.nextSequence();
    this.time = clock.instant();
    this.endpoint = requireNonNull(endpoint, "endpoint must not be null");
  }

  /** Starts the record of a request arriving now. */
  public static JournalDraft start(RequestJournal journal, MockClock clock, Endpoint endpoint) {
    return new JournalDraft(journal, clock, endpoint);
  }

  /** The endpoint called. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The client id presented, as far as it is known. */
  public Optional<String> clientId() {
    return clientId;
  }

  /** The client id presented. */
  public JournalDraft clientId(Optional<String> clientId) {
    this.clientId = requireNonNull(clientId, "clientId must not be null");
    return this;
  }

  /** How the client authenticated (or tried to). */
  public JournalDraft authMethod(AuthMethod authMethod) {
    this.authMethod = requireNonNull(authMethod, "authMethod must not be null");
    return this;
  }

  /** The resource asked for. */
  public JournalDraft resource(Optional<String> resource) {
    this.resource = requireNonNull(resource, "resource must not be null");
    return this;
  }

  /** The scope asked for. */
  public JournalDraft scope(Optional<String> scope) {
    this.scope = requireNonNull(scope, "scope must not be null");
    return this;
  }

  /** The {@code jti} of the token issued or acted on. */
  public JournalDraft jti(Optional<String> jti) {
    this.jti = requireNonNull(jti, "jti must not be null");
    return this;
  }

  /** The id of the next-token rule that shaped the answer. */
  public JournalDraft nextTokenRule(Optional<String> nextTokenRule) {
    this.nextTokenRule = requireNonNull(nextTokenRule, "nextTokenRule must not be null");
    return this;
  }

  /** Records a request the endpoint answered with 200. */
  public void succeeded() {
    record(200, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Records a refused request (an OAuth error, or {@link JournalEntry#INJECTED_FAULT} for a fault
   * rule's answer).
   */
  public void refused(int status, String error, String description, Optional<String> errorDetail) {
    record(status, Optional.of(error), Optional.of(description), errorDetail);
  }

  private void record(
      int status,
      Optional<String> error,
      Optional<String> description,
      Optional<String> errorDetail) {
    journal.record(
        new JournalEntry(
            sequence,
            time,
            endpoint,
            clientId,
            authMethod,
            resource,
            scope,
            status,
            error,
            description,
            jti,
            errorDetail,
            nextTokenRule));
  }
}
