package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.RequestJournal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The emulator's request journal with assertions for tests: what the code under test asked the
 * token service for, and what it was refused. Failures list the journal, one request a line (never
 * a secret or a token).
 *
 * <pre>{@code
 * mock.journal()
 *     .assertTokensIssued("orders-svc", 1)
 *     .assertNoRejections();
 * }</pre>
 */
public final class TokenJournal {
  private final RequestJournal journal;

  /** A view of a server's journal. */
  public TokenJournal(RequestJournal journal) {
    this.journal = requireNonNull(journal, "journal must not be null");
  }

  /** Every recorded request (token, introspection, revocation), oldest first. */
  public List<JournalEntry> entries() {
    return journal.entries();
  }

  /** The token-endpoint requests, oldest first. */
  public List<JournalEntry> tokenRequests() {
    return journal.entries(entry -> entry.endpoint() == Endpoint.TOKEN);
  }

  /** The requests the emulator rejected, oldest first. */
  public List<JournalEntry> rejections() {
    return journal.entries(JournalEntry::rejected);
  }

  /** How many tokens the token endpoint issued to a client. */
  public long tokensIssuedTo(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    return journal.count(issuedTo(clientId));
  }

  /**
   * Asserts that the token endpoint issued exactly {@code expected} tokens to a client.
   *
   * @throws AssertionError otherwise, listing the journal
   */
  public TokenJournal assertTokensIssued(String clientId, int expected) {
    long actual = tokensIssuedTo(clientId);
    if (actual != expected) {
      throw new AssertionError(
          "expected "
              + expected
              + " token(s) issued to "
              + clientId
              + " but the emulator issued "
              + actual
              + listing());
    }
    return this;
  }

  /**
   * Asserts that no request was rejected.
   *
   * @throws AssertionError otherwise, naming each rejection and its reason
   */
  public TokenJournal assertNoRejections() {
    List<JournalEntry> rejected = rejections();
    if (!rejected.isEmpty()) {
      throw new AssertionError(
          "expected no rejected requests but the emulator rejected "
              + rejected.size()
              + ":"
              + lines(rejected));
    }
    return this;
  }

  /**
   * Asserts that a token request of a client was rejected with an OAuth error code such as {@code
   * invalid_client} or {@code invalid_target}.
   *
   * @throws AssertionError when no such rejection was recorded
   */
  public TokenJournal assertRejected(String clientId, String error) {
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(error, "error must not be null");
    boolean found =
        journal.count(
                entry ->
                    entry.endpoint() == Endpoint.TOKEN
                        && entry.clientId().equals(Optional.of(clientId))
                        && entry.error().equals(Optional.of(error)))
            > 0;
    if (!found) {
      throw new AssertionError(
          "expected a token request of " + clientId + " rejected with " + error + listing());
    }
    return this;
  }

  /** Forgets every entry (for example requests a strict-mode test made on purpose). */
  public void clear() {
    journal.clear();
  }

  /** The server's own journal, for anything else. */
  public RequestJournal raw() {
    return journal;
  }

  private static Predicate<JournalEntry> issuedTo(String clientId) {
    return entry ->
        entry.endpoint() == Endpoint.TOKEN
            && entry.succeeded()
            && entry.clientId().equals(Optional.of(clientId));
  }

  private String listing() {
    List<JournalEntry> all = entries();
    return all.isEmpty() ? "; the journal is empty" : "; journal:" + lines(all);
  }

  static String lines(List<JournalEntry> entries) {
    return entries.stream()
        .map(entry -> System.lineSeparator() + "  " + entry.describe())
        .collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return "TokenJournal[" + journal.size() + " entries]";
  }
}
