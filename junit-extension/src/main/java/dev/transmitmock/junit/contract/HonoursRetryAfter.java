package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.Fault;
import dev.transmitmock.junit.contract.ContractEmulator.TokenRequest;
import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import java.time.Duration;
import java.util.List;

/**
 * A 429 with {@code Retry-After} is not retried sooner than it says. Giving up at once is fine; a
 * retry is timed from the emulator's journal.
 */
final class HonoursRetryAfter extends Behaviour {
  static final String ID = "honours-retry-after";
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  /** The journal stamps the 429 before sending it: a retry right on time still comes later. */
  private static final Duration TOLERANCE = Duration.ofMillis(50);

  HonoursRetryAfter(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            "429 with Retry-After: " + RETRY_AFTER.toSeconds() + " is not retried sooner",
            "retrying a rate-limited request at once keeps the whole service (every instance of"
                + " it) over Transmit's rate limit, so the limit never lifts",
            "after a 429 (or 503) with Retry-After, wait at least that long before the next token"
                + " request, or fail the call at once when that is longer than the caller can"
                + " wait; never retry sooner"));
  }

  @Override
  String verify() {
    if (session.emulator.clockFrozen()) {
      throw new IllegalStateException(
          "["
              + ID
              + "] the emulator's clock is frozen, so the journal cannot time a retry: unfreeze it"
              + " for the contract (mock.clock().unfreeze())");
    }
    session.expireCachedTokens();
    String fault =
        session.emulator.addTokenFault(
            session.clientId,
            Fault.answer(429, null, "Retry-After", String.valueOf(RETRY_AFTER.toSeconds()))
                .times(1));
    Observation observed = session.observe();
    CallOutcome call;
    try {
      call = session.call();
    } finally {
      session.emulator.removeFault(fault);
    }
    List<CallOutcome> calls = List.of(call);
    List<TokenRequest> requests = observed.tokenRequests();
    if (requests.isEmpty() || !requests.get(0).faulted()) {
      throw noTokenRequest(observed, calls);
    }
    if (requests.size() == 1) {
      return "did not retry within the call (" + call.describe() + ")";
    }
    Duration gap = Duration.between(requests.get(0).time(), requests.get(1).time());
    if (gap.compareTo(RETRY_AFTER.minus(TOLERANCE)) < 0) {
      long early =
          requests.stream()
              .skip(1)
              .filter(
                  r ->
                      Duration.between(requests.get(0).time(), r.time()).compareTo(RETRY_AFTER) < 0)
              .count();
      throw violation(
          "the client retried "
              + gap.toMillis()
              + " ms after a 429 with Retry-After: "
              + RETRY_AFTER.toSeconds()
              + " ("
              + early
              + (early == 1 ? " retry" : " retries")
              + " within "
              + RETRY_AFTER.toSeconds()
              + " s); it must wait at least "
              + RETRY_AFTER.toMillis()
              + " ms",
          observed,
          calls);
    }
    return "retried "
        + gap.toMillis()
        + " ms after the 429 (Retry-After: "
        + RETRY_AFTER.toSeconds()
        + ")";
  }
}
