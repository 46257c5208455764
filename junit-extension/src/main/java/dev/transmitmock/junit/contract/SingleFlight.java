package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.Fault;
import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import java.time.Duration;
import java.util.List;

/**
 * Concurrent calls with no usable token send one token request: the others wait for it. The token
 * endpoint is slowed down so that every call starts while the first request is in flight.
 */
final class SingleFlight extends Behaviour {
  static final String ID = "single-flight";
  static final int CALLS = 8;
  static final Duration IN_FLIGHT = Duration.ofMillis(500);

  SingleFlight(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            CALLS + " concurrent calls with no valid token send one token request",
            "at start-up and at every expiry, each concurrent caller sends its own token request:"
                + " a burst that Transmit rate-limits (429), failing the calls it was meant to serve",
            "let one caller fetch the token while the others wait for its result: one request in"
                + " flight per client and resource (a lock, or a shared CompletableFuture)"));
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    String fault = session.emulator.addTokenFault(session.clientId, Fault.delay(IN_FLIGHT));
    Observation observed;
    List<CallOutcome> calls;
    try {
      observed = session.observe();
      calls = session.concurrentCalls(CALLS);
    } finally {
      session.emulator.removeFault(fault);
    }
    int requests = observed.tokenRequests().size();
    if (requests > 1) {
      throw violation(
          CALLS
              + " concurrent calls sent "
              + requests
              + " token requests while the first one was in flight (the token endpoint took "
              + IN_FLIGHT.toMillis()
              + " ms to answer); expected 1",
          observed,
          calls);
    }
    if (requests == 0) {
      throw noTokenRequest(observed, calls);
    }
    long failed = calls.stream().filter(call -> !call.succeeded()).count();
    if (failed > 0) {
      throw violation(
          failed + " of " + CALLS + " concurrent calls failed while one token request was made",
          observed,
          calls);
    }
    return CALLS + " concurrent calls, 1 token request";
  }
}
