package dev.transmitmock.server.control;

import dev.transmitmock.protocol.Endpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bounded record of the requests made to the token, introspection and revocation endpoints: a
 * ring that keeps the newest {@code capacity} entries, so an emulator running for weeks does not
 * grow. Secrets are never recorded. {@code reset()} clears it, so it reads "since the last reset".
 *
 * <pre>{@code
 * long issued = server.journal().tokenRequests()
 *     .forClient("orders-svc").forResource("https://api.orders.example").issued().count();
 * server.journal().tokenRequests().forClient("orders-svc").issued().verifyCount(1);
 * server.journal().verifyNoRejectedRequests(); // strict mode
 * }</pre>
 */
public final class RequestJournal {
  private final Object lock = new Object();
  private final ArrayDeque<JournalEntry> entries;
  private final int capacity;
  private long nextSequence = 1;
  private long dropped;
  private long rejectedSinceClear;

  /** A journal keeping at most {@code capacity} entries. */
  public RequestJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** The next sequence number, reserved for an entry about to be recorded. */
  public long nextSequence() {
    synchronized (lock) {
      return nextSequence++;
    }
  }

  /** Records an entry, dropping the oldest one when full. */
  public void record(JournalEntry entry) {
    synchronized (lock) {
      if (entries.size() == capacity) {
        entries.removeFirst();
        dropped++;
      }
      entries.addLast(entry);
      if (entry.rejected()) {
        rejectedSinceClear++;
      }
    }
  }

  /** Every request held, as a query to narrow down. */
  public JournalQuery requests() {
    return new JournalQuery(this, e -> true, "requests");
  }

  /** Token-endpoint requests, as a query to narrow down. */
  public JournalQuery tokenRequests() {
    return new JournalQuery(this, e -> e.endpoint() == Endpoint.TOKEN, "token requests");
  }

  /** Introspection requests, as a query to narrow down. */
  public JournalQuery introspectionRequests() {
    return new JournalQuery(
        this, e -> e.endpoint() == Endpoint.INTROSPECTION, "introspection requests");
  }

  /** Revocation requests, as a query to narrow down. */
  public JournalQuery revocationRequests() {
    return new JournalQuery(this, e -> e.endpoint() == Endpoint.REVOCATION, "revocation requests");
  }

  /**
   * The sequence number of the newest request so far; pass it to {@link JournalQuery#after(long)}
   * to look only at what comes next.
   */
  public long mark() {
    synchronized (lock) {
      return nextSequence - 1;
    }
  }

  /** The requests rejected with an OAuth error (wrong secret, unknown resource, ...). */
  public List<JournalEntry> rejected() {
    return entries(JournalEntry::rejected);
  }

  /**
   * How many requests were rejected since the last clear, including any that the ring has since
   * dropped.
   */
  public long rejectedCount() {
    synchronized (lock) {
      return rejectedSinceClear;
    }
  }

  /**
   * Strict mode: asserts that no request was rejected since the last clear, the way WireMock fails
   * on unmatched requests.
   *
   * @throws AssertionError listing each rejected request and its reason
   */
  public void verifyNoRejectedRequests() {
    List<JournalEntry> rejected = rejected();
    long count = rejectedCount();
    if (count == 0) {
      return;
    }
    StringBuilder message = new StringBuilder();
    message
        .append(count)
        .append(count == 1 ? " request was" : " requests were")
        .append(" rejected by the emulator");
    if (count > rejected.size()) {
      message.append(" (").append(count - rejected.size()).append(" no longer in the journal)");
    }
    message.append(':');
    for (JournalEntry entry : rejected) {
      message.append("\n  ").append(entry.describe());
    }
    throw new AssertionError(message.toString());
  }

  /** A listing of every request held, for failure messages. */
  public String describeReceived() {
    List<JournalEntry> all = entries();
    StringBuilder text = new StringBuilder();
    if (all.isEmpty()) {
      text.append("The journal holds no requests");
    } else {
      text.append("The journal holds ")
          .append(all.size())
          .append(all.size() == 1 ? " request" : " requests");
    }
    long lost = dropped();
    if (lost > 0) {
      text.append(" (").append(lost).append(" older ones were dropped)");
    }
    text.append(all.isEmpty() ? "." : ":");
    for (JournalEntry entry : all) {
      text.append("\n  ").append(entry.describe());
    }
    return text.toString();
  }

  /** All entries, oldest first. */
  public List<JournalEntry> entries() {
    synchronized (lock) {
      return List.copyOf(entries);
    }
  }

  /**
   * The newest entry: what became of the last request, e.g. the {@link JournalEntry#errorDetail()}
   * behind a "client authentication failed".
   */
  public java.util.Optional<JournalEntry> last() {
    synchronized (lock) {
      return java.util.Optional.ofNullable(entries.peekLast());
    }
  }

  /** The entries matching a filter, oldest first. */
  public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
    List<JournalEntry> matching = new ArrayList<>();
    for (JournalEntry entry : entries()) {
      if (filter.test(entry)) {
        matching.add(entry);
      }
    }
    return matching;
  }

  /** How many entries match a filter. */
  public long count(Predicate<JournalEntry> filter) {
    return entries(filter).size();
  }

  /** How many entries are held now (at most the capacity). */
  public int size() {
    synchronized (lock) {
      return entries.size();
    }
  }

  /** How many entries were dropped because the journal was full, since the last clear. */
  public long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  /** The most entries held at once. */
  public int capacity() {
    synchronized (lock) {
      return capacity;
    }
  }

  /** Forgets every entry. */
  public void clear() {
    synchronized (lock) {
      entries.clear();
      dropped = 0;
      rejectedSinceClear = 0;
    }
  }
}
