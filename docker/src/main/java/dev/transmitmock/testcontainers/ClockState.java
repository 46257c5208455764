package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The emulator's clock as {@code GET /_mock/clock} reports it.
 *
 * @param now the emulator's current time
 * @param frozen whether the clock stands still
 * @param offset the distance from system time
 */
public record ClockState(Instant now, boolean frozen, Duration offset) {

  /** Validates the values. */
  public ClockState {
    requireNonNull(now, "now must not be null");
    requireNonNull(offset, "offset must not be null");
  }

  static ClockState fromJson(Object answer, String what) {
    if (answer instanceof Map
        && ((Map<?, ?>) answer).get(ControlFields.Clock.NOW) instanceof String) {
      Map<?, ?> state = (Map<?, ?>) answer;
      Object offset = state.get(ControlFields.Clock.OFFSET);
      return new ClockState(
          Instant.parse((String) state.get(ControlFields.Clock.NOW)),
          Boolean.TRUE.equals(state.get(ControlFields.Clock.FROZEN)),
          offset instanceof String ? Duration.parse((String) offset) : Duration.ZERO);
    }
    throw new TransmitMockException(what + " answered without a clock state", 200, "");
  }
}
