package dev.transmitmock.client;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The cached token of one resource, and the single request in flight for it.
 *
 * <p>Fast path: a fresh cached token is returned with one volatile read. Otherwise one caller (the
 * leader) fetches while the others either keep using the cached token, if it has not expired yet
 * (refresh ahead of expiry), or wait for the leader's result. If a refresh fails while the cached
 * token is still valid, the cached token is returned and the next call tries again.
 */
final class TokenSlot {

  private volatile Cached cached;
  private CompletableFuture<Cached> inFlight; // guarded by this

  AccessToken get(Instant now, Supplier<Cached> fetch) {
    Cached current = cached;
    if (current != null && now.isBefore(current.refreshAt)) {
      return current.token;
    }
    CompletableFuture<Cached> future;
    boolean leader = false;
    synchronized (this) {
      current = cached;
      if (current != null && now.isBefore(current.refreshAt)) {
        return current.token;
      }
      future = inFlight;
      if (future == null) {
        future = new CompletableFuture<>();
        inFlight = future;
        leader = true;
      }
    }
    boolean stillValid = current != null && now.isBefore(current.token.expiresAt());
    if (leader) {
      return lead(future, fetch, current, stillValid);
    }
    if (stillValid) {
      return current.token; // someone is refreshing; the old token still works meanwhile
    }
    try {
      return future.join().token;
    } catch (CompletionException e) {
      if (e.getCause() instanceof TokenRequestException failure) {
        throw failure.forWaiter();
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private AccessToken lead(
      CompletableFuture<Cached> future,
      Supplier<Cached> fetch,
      Cached previous,
      boolean stillValid) {
    try {
      Cached fresh = fetch.get();
      cached = fresh;
      future.complete(fresh);
      return fresh.token;
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      if (stillValid && e instanceof TokenRequestException) {
        return previous.token;
      }
      throw e;
    } finally {
      synchronized (this) {
        inFlight = null;
      }
    }
  }

  void invalidate() {
    cached = null;
  }

  /** A token and the instant from which it should be replaced. */
  record Cached(AccessToken token, Instant refreshAt) {}
}
