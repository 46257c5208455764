package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.AuthMethod;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A readable, immutable query over the {@link RequestJournal}, with verifications that fail with a
 * message listing what was actually received. Each filter returns a new query.
 *
 * <pre>{@code
 * long issued = server.journal().tokenRequests()
 *     .forClient("orders-svc").forResource("https://api.orders.example").issued().count();
 * server.journal().tokenRequests().forClient("orders-svc").issued().verifyCount(1);
 * server.journal().tokenRequests().rejected().verifyNone();
 * }</pre>
 *
 * <p>The journal is cleared by {@code reset()}, so a query reads "since the last reset"; use {@link
 * #after(long)} with {@link RequestJournal#mark()} for "since this point".
 */
public final class JournalQuery {
  private final RequestJournal journal;
  private final Predicate<JournalEntry> filter;
  private final String description;

  JournalQuery(RequestJournal journal, Predicate<JournalEntry> filter, String description) {
    this.journal = journal;
    this.filter = filter;
    this.description = description;
  }

  private JournalQuery and(Predicate<JournalEntry> more, String what) {
    return new JournalQuery(journal, filter.and(more), description + " " + what);
  }

  /** Only requests presenting this client id. */
  public JournalQuery forClient(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    return and(e -> e.clientId().equals(Optional.of(clientId)), "for client '" + clientId + "'");
  }

  /** Only requests asking for this resource. */
  public JournalQuery forResource(String resource) {
    requireNonNull(resource, "resource must not be null");
    return and(e -> e.resource().equals(Optional.of(resource)), "for resource " + resource);
  }

  /** Only requests asking for this resource. */
  public JournalQuery forResource(URI resource) {
    return forResource(requireNonNull(resource, "resource must not be null").toString());
  }

  /** Only requests asking for no resource (tokens for the default audience). */
  public JournalQuery withoutResource() {
    return and(e -> e.resource().isEmpty(), "without resource");
  }

  /** Only requests asking for exactly this scope string. */
  public JournalQuery withScope(String scope) {
    requireNonNull(scope, "scope must not be null");
    return and(e -> e.scope().equals(Optional.of(scope)), "with scope '" + scope + "'");
  }

  /** Only requests to this endpoint. */
  public JournalQuery at(Endpoint endpoint) {
    requireNonNull(endpoint, "endpoint must not be null");
    return and(e -> e.endpoint() == endpoint, "at " + endpoint.wireName());
  }

  /** Only requests that authenticated this way. */
  public JournalQuery authenticatedWith(AuthMethod method) {
    requireNonNull(method, "method must not be null");
    return and(e -> e.authMethod() == method, "authenticated with " + method.wireName());
  }

  /** Only token requests that were answered with a token. */
  public JournalQuery issued() {
    return and(JournalEntry::issued, "that were issued a token");
  }

  /** Only requests that succeeded. */
  public JournalQuery succeeded() {
    return and(JournalEntry::succeeded, "that succeeded");
  }

  /** Only requests rejected with an OAuth error. */
  public JournalQuery rejected() {
    return and(JournalEntry::rejected, "that were rejected");
  }

  /** Only requests rejected with this OAuth error code, e.g. {@code invalid_client}. */
  public JournalQuery rejectedWith(String error) {
    requireNonNull(error, "error must not be null");
    return and(e -> e.rejected() && e.error().equals(Optional.of(error)), "rejected with " + error);
  }

  /** Only requests answered by an injected fault. */
  public JournalQuery faulted() {
    return and(JournalEntry::faulted, "answered by a fault");
  }

  /** Only token requests a {@link NextTokenRule} answered with an OAuth error. */
  public JournalQuery injected() {
    return and(JournalEntry::injected, "answered with an error by a next-token rule");
  }

  /** Only token requests a {@link NextTokenRule} answered. */
  public JournalQuery shapedByNextTokenRule() {
    return and(e -> e.nextTokenRule().isPresent(), "answered by a next-token rule");
  }

  /** Only token requests this {@link NextTokenRule} (by id) answered. */
  public JournalQuery shapedBy(String nextTokenRuleId) {
    requireNonNull(nextTokenRuleId, "nextTokenRuleId must not be null");
    return and(
        e -> e.nextTokenRule().equals(Optional.of(nextTokenRuleId)),
        "answered by next-token rule " + nextTokenRuleId);
  }

  /** Only requests recorded after the given sequence number (see {@link RequestJournal#mark()}). */
  public JournalQuery after(long sequence) {
    return and(e -> e.sequence() > sequence, "after #" + sequence);
  }

  /** Only requests that arrived at or after this instant (on the emulator's clock). */
  public JournalQuery since(Instant instant) {
    requireNonNull(instant, "instant must not be null");
    return and(e -> !e.time().isBefore(instant), "since " + instant);
  }

  /** Only requests matching a predicate of your own. */
  public JournalQuery matching(Predicate<JournalEntry> predicate, String what) {
    requireNonNull(predicate, "predicate must not be null");
    return and(predicate, requireNonNull(what, "what must not be null"));
  }

  /** The matching entries, oldest first. */
  public List<JournalEntry> list() {
    List<JournalEntry> matching = new ArrayList<>();
    for (JournalEntry entry : journal.entries()) {
      if (filter.test(entry)) {
        matching.add(entry);
      }
    }
    return matching;
  }

  /** How many entries match. */
  public long count() {
    return list().size();
  }

  /** Whether any entry matches. */
  public boolean exists() {
    return count() > 0;
  }

  /** The oldest matching entry. */
  public Optional<JournalEntry> first() {
    List<JournalEntry> matching = list();
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(0));
  }

  /** The newest matching entry. */
  public Optional<JournalEntry> last() {
    List<JournalEntry> matching = list();
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
  }

  /**
   * Asserts that exactly {@code expected} entries match.
   *
   * @throws AssertionError listing every request the journal holds
   */
  public JournalQuery verifyCount(long expected) {
    long actual = count();
    if (actual != expected) {
      throw failure("expected " + expected, actual);
    }
    return this;
  }

  /** Asserts that exactly one entry matches. */
  public JournalQuery verifyOnce() {
    return verifyCount(1);
  }

  /** Asserts that no entry matches. */
  public JournalQuery verifyNone() {
    return verifyCount(0);
  }

  /** Asserts that at least {@code minimum} entries match. */
  public JournalQuery verifyAtLeast(long minimum) {
    long actual = count();
    if (actual < minimum) {
      throw failure("expected at least " + minimum, actual);
    }
    return this;
  }

  /** Asserts that at most {@code maximum} entries match. */
  public JournalQuery verifyAtMost(long maximum) {
    long actual = count();
    if (actual > maximum) {
      throw failure("expected at most " + maximum, actual);
    }
    return this;
  }

  private AssertionError failure(String expectation, long actual) {
    return new AssertionError(
        expectation
            + " "
            + description
            + " but found "
            + actual
            + ".\n"
            + journal.describeReceived());
  }

  @Override
  public String toString() {
    return "JournalQuery[" + description + "]";
  }
}
