package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.TokenRequest;
import dev.transmitmock.junit.contract.DownstreamApi.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the cases of one {@link ClientContract} share: the emulator, the client under test and its
 * caller, the downstream stand-in, the console capture, and the ways to drive them (calls with a
 * timeout, concurrent calls, expiring every cached token by moving the clock).
 */
final class ContractSession implements AutoCloseable {
  /** How far past the newest {@code exp} the clock moves so that every cached token is stale. */
  private static final Duration PAST_EXPIRY = Duration.ofSeconds(1);

  final ContractEmulator emulator;
  final String clientId;
  final Optional<String> resource;
  final Secrets secrets;
  final DownstreamApi downstream;
  final List<LogSink> logSinks;
  final Duration callTimeout;
  final Duration refreshMargin;
  private final TokenCaller caller;
  private final boolean ownsDownstream;
  private final ExecutorService executor;
  private final Object lock = new Object();
  private ConsoleTap.Capture console; // guarded by lock
  private boolean closed; // guarded by lock

  ContractSession(
      ContractEmulator emulator,
      String clientId,
      Optional<String> resource,
      Optional<String> secret,
      TokenCaller caller,
      Optional<DownstreamApi> downstream,
      List<LogSink> logSinks,
      Duration callTimeout,
      Duration refreshMargin) {
    this.emulator = emulator;
    this.clientId = clientId;
    this.resource = resource;
    this.secrets = new Secrets(clientId, secret, this::issuedJtis);
    this.caller = caller;
    this.ownsDownstream = downstream.isEmpty();
    this.downstream = downstream.orElseGet(DownstreamApi::start);
    this.downstream.expect(emulator.clock(), resource);
    this.logSinks = List.copyOf(logSinks);
    this.callTimeout = callTimeout;
    this.refreshMargin = refreshMargin;
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "transmit-mock-client-contract");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts capturing the console, once: the no-secret-in-logs case reads all of it. */
  void begin() {
    synchronized (lock) {
      if (console == null && !closed) {
        console = ConsoleTap.capture();
      }
    }
  }

  /** What the console received since {@link #begin()}: {@code System.out}, then {@code err}. */
  List<String> console() {
    synchronized (lock) {
      return console == null ? List.of("", "") : List.of(console.out(), console.err());
    }
  }

  /** A starting point: what the journal and the downstream API record from now on. */
  Observation observe() {
    List<TokenRequest> known = emulator.tokenRequests(clientId, 0);
    long journalMark = known.isEmpty() ? 0 : known.get(known.size() - 1).sequence();
    return new Observation(this, journalMark, downstream.mark());
  }

  /** One call through the caller, bounded by the call timeout. */
  CallOutcome call() {
    long started = System.nanoTime();
    Future<?> call = executor.submit(() -> invoke());
    return await(call, started, callTimeout.toNanos());
  }

  /** Calls one after the other. */
  List<CallOutcome> calls(int count) {
    List<CallOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      outcomes.add(call());
    }
    return outcomes;
  }

  /** Calls released at the same instant from their own threads. */
  List<CallOutcome> concurrentCalls(int count) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(
          executor.submit(
              () -> {
                start.await();
                return invoke();
              }));
    }
    long started = System.nanoTime();
    start.countDown();
    long deadline = started + callTimeout.toNanos();
    List<CallOutcome> outcomes = new ArrayList<>();
    for (Future<?> call : calls) {
      outcomes.add(await(call, started, Math.max(0, deadline - System.nanoTime())));
    }
    return outcomes;
  }

  private Void invoke() throws Exception {
    caller.call(downstream.baseUrl());
    return null;
  }

  private CallOutcome await(Future<?> call, long started, long timeoutNanos) {
    try {
      call.get(timeoutNanos, TimeUnit.NANOSECONDS);
      return new CallOutcome(Duration.ofNanos(System.nanoTime() - started), Optional.empty());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new CallOutcome(
          Duration.ofNanos(System.nanoTime() - started),
          Optional.of(
              secrets.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage())));
    } catch (TimeoutException e) {
      call.cancel(true);
      return new CallOutcome(
          Duration.ofNanos(System.nanoTime() - started),
          Optional.of(
              "did not return within "
                  + callTimeout.toMillis()
                  + " ms (the kit's call timeout, ClientContract.Builder.callTimeout): the client"
                  + " hangs"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the client was calling", e);
    }
  }

  /**
   * Moves the emulator's clock past the expiry of every token the client holds (the newest {@code
   * exp} the downstream API saw, or the newest issue time plus the longest lifetime seen), so that
   * the next call needs a new token.
   */
  void expireCachedTokens() {
    List<Received> seen = downstream.all();
    Optional<Instant> newest =
        seen.stream().flatMap(r -> r.exp().stream()).max(Comparator.naturalOrder());
    Optional<Duration> lifetime =
        seen.stream()
            .filter(r -> r.iat().isPresent() && r.exp().isPresent())
            .map(r -> Duration.between(r.iat().get(), r.exp().get()))
            .max(Comparator.naturalOrder());
    Optional<Instant> lastIssued =
        emulator.tokenRequests(clientId, 0).stream()
            .filter(TokenRequest::issued)
            .map(TokenRequest::time)
            .max(Comparator.naturalOrder());
    if (lifetime.isPresent() && lastIssued.isPresent()) {
      Instant unseen = lastIssued.get().plus(lifetime.get());
      newest = Optional.of(newest.filter(exp -> exp.isAfter(unseen)).orElse(unseen));
    }
    newest.ifPresent(exp -> moveClockTo(exp.plus(PAST_EXPIRY)));
  }

  /** Moves the emulator's clock forward to an instant (never back). */
  void moveClockTo(Instant target) {
    Duration ahead = Duration.between(emulator.clock().instant(), target);
    if (!ahead.isNegative() && !ahead.isZero()) {
      emulator.advanceClock(ahead);
    }
  }

  private List<String> issuedJtis() {
    return emulator.tokenRequests(clientId, 0).stream()
        .flatMap(request -> request.jti().stream())
        .toList();
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (console != null) {
        console.close();
      }
    }
    executor.shutdownNow();
    if (ownsDownstream) {
      downstream.close();
    }
  }

  /**
   * How one call went.
   *
   * @param took how long it took
   * @param failure what it threw (redacted), or that it timed out
   */
  record CallOutcome(Duration took, Optional<String> failure) {
    boolean succeeded() {
      return failure.isEmpty();
    }

    String describe() {
      return failure.map(f -> "failed after " + took.toMillis() + " ms: " + f).orElse("returned");
    }
  }
}
