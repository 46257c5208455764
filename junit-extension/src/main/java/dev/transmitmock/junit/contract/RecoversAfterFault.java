package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.Fault;
import dev.transmitmock.junit.contract.ContractEmulator.TokenRequest;
import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * After one transient failure of the token endpoint (a 503, or a connection dropped without an
 * answer) calls work again: the client retries within the call, or at the latest the next call gets
 * a new token through.
 */
final class RecoversAfterFault extends Behaviour {
  static final String AFTER_503 = "recovers-after-503";
  static final String AFTER_DROP = "recovers-after-dropped-connection";

  private final Fault fault;
  private final String failure;

  private RecoversAfterFault(
      ContractSession session, ClientCase clientCase, Fault fault, String failure) {
    super(session, clientCase);
    this.fault = fault.times(1);
    this.failure = failure;
  }

  static RecoversAfterFault serviceUnavailable(ContractSession session) {
    return new RecoversAfterFault(
        session,
        new ClientCase(
            AFTER_503,
            "after a 503 from the token endpoint, calls work again",
            "a short Transmit outage or a deployment behind its load balancer leaves the service"
                + " failing (a cached error, a broken client) until it is restarted",
            "retry 5xx answers with backoff (a few attempts, jittered), and never cache a failure:"
                + " the next call must try the token endpoint again"),
        Fault.answer(503, null), // the emulator's default body: Transmit's REST error shape
        "503");
  }

  static RecoversAfterFault droppedConnection(ContractSession session) {
    return new RecoversAfterFault(
        session,
        new ClientCase(
            AFTER_DROP,
            "after the token endpoint drops the connection, calls work again",
            "a proxy closing a pooled connection, or a network blip, leaves the service failing"
                + " until it is restarted",
            "treat an I/O error on the token request like a 503: retry with backoff on a new"
                + " connection, and never cache the failure"),
        Fault.dropConnection(),
        "dropped connection");
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    String rule = session.emulator.addTokenFault(session.clientId, fault);
    Observation observed = session.observe();
    List<CallOutcome> calls = new ArrayList<>();
    try {
      calls.add(session.call());
      if (!recovered(observed)) {
        calls.add(session.call());
      }
    } finally {
      session.emulator.removeFault(rule);
    }
    List<TokenRequest> requests = observed.tokenRequests();
    if (requests.isEmpty() || !requests.get(0).faulted()) {
      throw noTokenRequest(observed, calls);
    }
    if (!recovered(observed) || !calls.get(calls.size() - 1).succeeded()) {
      throw violation(
          "after one " + failure + ", the next call still got no new token through",
          observed,
          calls);
    }
    if (calls.size() == 1) {
      Duration gap = Duration.between(requests.get(0).time(), requests.get(1).time());
      return "retried within the call " + gap.toMillis() + " ms after the " + failure;
    }
    return "the call during the " + failure + " failed; the next call recovered";
  }

  /** Whether the downstream API accepted a token issued after the fault. */
  private static boolean recovered(Observation observed) {
    List<String> fresh =
        observed.tokenRequests().stream().flatMap(request -> request.jti().stream()).toList();
    return observed.received().stream()
        .anyMatch(r -> r.accepted() && r.jti().isPresent() && fresh.contains(r.jti().get()));
  }
}
