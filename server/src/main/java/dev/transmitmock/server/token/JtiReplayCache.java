package dev.transmitmock.server.token;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code jti}s of accepted client assertions, per client, remembered until their {@code exp}
 * (plus the clock tolerance) so that a replay is refused. Bounded: beyond {@link #capacity()} live
 * entries the ones that expire first are forgotten first. Thread-safe.
 */
public final class JtiReplayCache {
  /** Default bound: far more assertions than a test run sends within their lifetimes. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final int capacity;
  private final Map<String, Instant> expiries = new HashMap<>();
  private final Deque<String> order = new ArrayDeque<>();

  /** A cache holding at most {@code capacity} entries. */
  public JtiReplayCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Records a {@code jti} of a client as used until {@code until}.
   *
   * @return true when it was not in use (first use), false for a replay
   */
  public synchronized boolean firstUse(String clientId, String jti, Instant until, Instant now) {
    evictExpired(now);
    String key = clientId.length() + ":" + clientId + jti;
    Instant previous = expiries.get(key);
    if (previous != null && previous.isAfter(now)) {
      return false;
    }
    if (previous == null) {
      order.addLast(key);
    }
    expiries.put(key, until);
    while (expiries.size() > capacity && !order.isEmpty()) {
      expiries.remove(order.removeFirst());
    }
    return true;
  }

  private void evictExpired(Instant now) {
    // Entries are checked oldest first; an unexpired head stops the sweep (cheap, amortised).
    while (!order.isEmpty()) {
      String head = order.peekFirst();
      Instant until = expiries.get(head);
      if (until != null && until.isAfter(now)) {
        return;
      }
      order.removeFirst();
      expiries.remove(head);
    }
  }

  /** How many entries are remembered at most. */
  public int capacity() {
    return capacity;
  }

  /** How many {@code jti}s are remembered now. */
  public synchronized int size() {
    return expiries.size();
  }

  /** Forgets every {@code jti} (emulator reset). */
  public synchronized void clear() {
    expiries.clear();
    order.clear();
  }
}
