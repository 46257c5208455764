package dev.transmitmock.server.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bounded record of the requests made to the token, introspection and revocation endpoints: a
 * ring that keeps the newest {@code capacity} entries, so an emulator running for weeks does not
 * grow.
 *
 * <pre>{@code
 * long issued = server.journal().count(e -> e.clientId().equals(Optional.of("orders-svc"))
 *     && e.succeeded());
 * }</pre>
 */
public final class RequestJournal {
  private final Object lock = new Object();
  private final ArrayDeque<JournalEntry> entries;
  private final int capacity;
  private long nextSequence = 1;
  private long dropped;

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
    }
  }

  /** All entries, oldest first. */
  public List<JournalEntry> entries() {
    synchronized (lock) {
      return List.copyOf(entries);
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
    }
  }
}
