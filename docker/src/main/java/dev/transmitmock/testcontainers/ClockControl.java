package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The emulator's clock, behind every {@code iat}, {@code exp} and {@code expires_in}: freeze it,
 * set it or move it forward so that "my token expired" is testable without sleeping.
 *
 * <pre>{@code
 * mock.control().clock().advance(Duration.ofMinutes(61));
 * }</pre>
 */
public final class ClockControl {

  static final String PATH = "/_mock/clock";

  private final EmulatorHttp http;

  ClockControl(EmulatorHttp http) {
    this.http = http;
  }

  /** The emulator's current time. */
  public Instant now() {
    Object answer = http.controlGet(PATH);
    if (answer instanceof Map) {
      Object now = ((Map<?, ?>) answer).get("now");
      if (now instanceof String) {
        return Instant.parse((String) now);
      }
    }
    throw new TransmitMockException("GET " + PATH + " answered without a 'now' instant", 200, "");
  }

  /** Moves the clock forward (and freezes it there). */
  public void advance(Duration amount) {
    requireNonNull(amount, "amount must not be null");
    http.controlPost(PATH, Map.of("advance", amount.toString()));
  }

  /** Sets the clock to the given instant (and freezes it there). */
  public void set(Instant instant) {
    requireNonNull(instant, "instant must not be null");
    http.controlPost(PATH, Map.of("set", instant.toString()));
  }

  /** Stops the clock at its current time. */
  public void freeze() {
    http.controlPost(PATH, Map.of("freeze", true));
  }

  /** Back to the system clock. */
  public void reset() {
    http.controlDelete(PATH);
  }
}
