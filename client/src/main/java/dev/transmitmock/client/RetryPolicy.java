package dev.transmitmock.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@link TransmitTokenClient} retries a token request that failed for a reason that may pass:
 * HTTP 5xx, 408, 429 and connection failures (never other 4xx such as {@code invalid_client}).
 *
 * <p>The delay before retry {@code n} (1-based) is {@code initialBackoff * 2^(n-1)}, capped at
 * {@code maxBackoff}, with "equal jitter" (a random value between half and all of it) so that many
 * instances do not retry in lockstep. A 429 or 503 with {@code Retry-After} waits what the server
 * asks instead, unless that exceeds {@code maxRetryAfter}: then the error is returned at once.
 *
 * @param maxRetries retries after the first attempt (0 disables retrying)
 * @param initialBackoff delay before the first retry
 * @param maxBackoff cap on the computed delay
 * @param maxRetryAfter the longest {@code Retry-After} the client is willing to wait
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** Three retries: 200 ms, 400 ms, 800 ms (each jittered), Retry-After up to 30 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** No retries: the first failure is returned. */
  public static final RetryPolicy NONE =
      new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  /**
   * Validates the policy.
   *
   * @param maxRetries zero or more
   * @param initialBackoff zero or positive
   * @param maxBackoff zero or positive, not below {@code initialBackoff}
   * @param maxRetryAfter zero or positive
   */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
    }
    requireNonNull(initialBackoff, "initialBackoff must not be null");
    requireNonNull(maxBackoff, "maxBackoff must not be null");
    requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
    }
  }

  /**
   * The jittered delay before the given retry.
   *
   * @param retry 1 for the first retry, 2 for the second, ...
   * @return a delay between half and all of the capped exponential backoff
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry starts at 1: " + retry);
    }
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int shift = Math.min(retry - 1, 30);
    long exponential = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
    long half = exponential / 2;
    long jitter = half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1);
    return Duration.ofMillis(exponential - half + jitter);
  }
}
