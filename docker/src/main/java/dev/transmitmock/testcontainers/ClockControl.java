package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The emulator's clock, behind every {@code iat}, {@code exp}, {@code expires_in} and introspection
 * answer: freeze it, set it or move it so that "my token expired" is testable without sleeping.
 * Each change answers the new {@link ClockState}.
 *
 * <pre>{@code
 * mock.control().clock().freeze();
 * mock.control().clock().advance(Duration.ofMinutes(61));   // a one-hour token has now expired
 * }</pre>
 */
public final class ClockControl {

  static final String PATH = ControlPaths.CLOCK;

  private final EmulatorHttp http;

  ClockControl(EmulatorHttp http) {
    this.http = http;
  }

  /** The clock's state: time, frozen or not, offset from system time. */
  public ClockState state() {
    return ClockState.fromJson(http.controlGet(PATH), "GET " + PATH);
  }

  /** The emulator's current time. */
  public Instant now() {
    return state().now();
  }

  /** Moves the clock forward (a negative amount moves it back); a running clock keeps running. */
  public ClockState advance(Duration amount) {
    requireNonNull(amount, "amount must not be null");
    return change(Map.of(ControlFields.Clock.ADVANCE, amount.toString()));
  }

  /** Moves the clock to the given instant; a running clock runs on from there. */
  public ClockState set(Instant instant) {
    requireNonNull(instant, "instant must not be null");
    return change(Map.of(ControlFields.Clock.SET, instant.toString()));
  }

  /** Sets the clock to the given instant and stops it there. */
  public ClockState freezeAt(Instant instant) {
    requireNonNull(instant, "instant must not be null");
    return change(
        Map.of(ControlFields.Clock.SET, instant.toString(), ControlFields.Clock.FREEZE, true));
  }

  /** Stops the clock at its current time. */
  public ClockState freeze() {
    return change(Map.of(ControlFields.Clock.FREEZE, true));
  }

  /** Lets a frozen clock run again from where it stands. */
  public ClockState unfreeze() {
    return change(Map.of(ControlFields.Clock.FREEZE, false));
  }

  /** Back to the system clock: not frozen, no offset. */
  public ClockState reset() {
    return ClockState.fromJson(http.controlDelete(PATH), "DELETE " + PATH);
  }

  private ClockState change(Map<String, Object> body) {
    return ClockState.fromJson(http.controlPost(PATH, body), "POST " + PATH);
  }
}
