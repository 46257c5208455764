package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock behind every {@code iat}, {@code exp}, {@code expires_in} and introspection answer.
 * It follows the system clock until a test moves it: {@link #freeze()}, {@link #set(Instant)},
 * {@link #advance(Duration)}, and {@link #reset()} back to system time. It is a {@link Clock}, so a
 * consumer's verifier in the same test can share it.
 *
 * <pre>{@code
 * MockClock clock = server.clock();
 * clock.freeze();
 * String token = ...;                 // exp = now + 1h
 * clock.advance(Duration.ofHours(2)); // the token is now expired, to the second
 * }</pre>
 */
public final class MockClock extends Clock {
  private final Clock system;
  private final ZoneId zone;
  private final AtomicReference<Setting> setting;

  /** A clock following the system UTC clock. */
  public MockClock() {
    this(Clock.systemUTC());
  }

  /** A clock following {@code system} until moved. */
  public MockClock(Clock system) {
    this(
        requireNonNull(system, "system must not be null"),
        ZoneOffset.UTC,
        new AtomicReference<>(Setting.SYSTEM));
  }

  private MockClock(Clock system, ZoneId zone, AtomicReference<Setting> setting) {
    this.system = system;
    this.zone = zone;
    this.setting = setting;
  }

  /**
   * How the clock relates to system time: an offset from it, or frozen at an instant.
   *
   * @param offset added to system time when not frozen
   * @param frozenAt the instant the clock stands still at, or null
   */
  public record Setting(Duration offset, Instant frozenAt) {
    static final Setting SYSTEM = new Setting(Duration.ZERO, null);

    /** Whether the clock stands still. */
    public boolean frozen() {
      return frozenAt != null;
    }
  }

  @Override
  public Instant instant() {
    Setting current = setting.get();
    return current.frozenAt != null ? current.frozenAt : system.instant().plus(current.offset);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this same clock in another zone; moving either moves both. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new MockClock(system, requireNonNull(newZone, "zone must not be null"), setting);
  }

  /** Stops the clock at the current instant. */
  public MockClock freeze() {
    setting.updateAndGet(s -> s.frozen() ? s : new Setting(s.offset, instantOf(s)));
    return this;
  }

  /** Lets a frozen clock run again from where it stands. */
  public MockClock unfreeze() {
    setting.updateAndGet(
        s -> s.frozen() ? new Setting(Duration.between(system.instant(), s.frozenAt), null) : s);
    return this;
  }

  /** Moves the clock to an instant; a frozen clock stays frozen there, a running one runs on. */
  public MockClock set(Instant instant) {
    requireNonNull(instant, "instant must not be null");
    setting.updateAndGet(
        s ->
            s.frozen()
                ? new Setting(s.offset, instant)
                : new Setting(Duration.between(system.instant(), instant), null));
    return this;
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public MockClock advance(Duration duration) {
    requireNonNull(duration, "duration must not be null");
    setting.updateAndGet(
        s ->
            s.frozen()
                ? new Setting(s.offset, s.frozenAt.plus(duration))
                : new Setting(s.offset.plus(duration), null));
    return this;
  }

  /** Back to the system clock: not frozen, no offset. */
  public MockClock reset() {
    setting.set(Setting.SYSTEM);
    return this;
  }

  /** Whether the clock stands still. */
  public boolean isFrozen() {
    return setting.get().frozen();
  }

  /** The clock's offset from system time (zero when frozen or never moved). */
  public Duration offset() {
    Setting current = setting.get();
    return current.frozen() ? Duration.between(system.instant(), current.frozenAt) : current.offset;
  }

  /** The current setting, to restore later. */
  public Setting setting() {
    return setting.get();
  }

  /** Restores a setting taken with {@link #setting()}. */
  public void restore(Setting saved) {
    setting.set(requireNonNull(saved, "saved must not be null"));
  }

  private Instant instantOf(Setting s) {
    return s.frozenAt != null ? s.frozenAt : system.instant().plus(s.offset);
  }

  @Override
  public String toString() {
    Setting current = setting.get();
    return current.frozen()
        ? "MockClock[frozen at " + current.frozenAt + "]"
        : "MockClock[system " + (current.offset.isZero() ? "" : "+ " + current.offset) + "]";
  }
}
