package dev.transmitmock.server.token;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of revoked tokens until they expire, bounded so that a long-running emulator does not
 * grow: expired entries are dropped, and past {@link #MAX_ENTRIES} the oldest revocation goes.
 */
public final class RevokedTokens {
  /** The most revocations remembered at once. */
  public static final int MAX_ENTRIES = 100_000;

  private final LinkedHashMap<String, Instant> expiryByJti = new LinkedHashMap<>();

  /** Remembers a revoked token until its expiry. */
  public synchronized void revoke(String jti, Instant expiresAt, Instant now) {
    expiryByJti.put(jti, expiresAt);
    if (expiryByJti.size() > MAX_ENTRIES) {
      purgeExpired(now);
      Iterator<String> oldest = expiryByJti.keySet().iterator();
      while (expiryByJti.size() > MAX_ENTRIES && oldest.hasNext()) {
        oldest.next();
        oldest.remove();
      }
    }
  }

  /** Whether a token id was revoked. */
  public synchronized boolean isRevoked(String jti) {
    return expiryByJti.containsKey(jti);
  }

  /** How many revocations are remembered. */
  public synchronized int size() {
    return expiryByJti.size();
  }

  /** Forgets every revocation. */
  public synchronized void clear() {
    expiryByJti.clear();
  }

  private void purgeExpired(Instant now) {
    expiryByJti.entrySet().removeIf((Map.Entry<String, Instant> e) -> e.getValue().isBefore(now));
  }
}
