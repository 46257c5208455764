package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import dev.transmitmock.junit.contract.DownstreamApi.Received;
import java.util.List;
import java.util.Optional;

/**
 * One behaviour of the {@link ClientContract}: its {@link ClientCase} and the procedure that drives
 * the client through the emulator and the downstream API and judges what happened.
 */
abstract class Behaviour {
  final ContractSession session;
  private final ClientCase clientCase;

  Behaviour(ContractSession session, ClientCase clientCase) {
    this.session = session;
    this.clientCase = clientCase;
  }

  final ClientCase clientCase() {
    return clientCase;
  }

  /**
   * Runs the behaviour now.
   *
   * @return a one-line verdict
   * @throws ClientContractViolation when the client got it wrong
   */
  abstract String verify();

  final ClientContractViolation violation(
      String verdict, Observation observed, List<CallOutcome> calls) {
    return violation(verdict, observed.describe(calls));
  }

  final ClientContractViolation violation(String verdict, String observed) {
    return new ClientContractViolation(clientCase, session.secrets.redact(verdict), observed);
  }

  /**
   * The client made no token request although its cached token had expired on the emulator's clock:
   * it is stuck on an earlier failure, or it judges expiry on another clock.
   */
  final ClientContractViolation noTokenRequest(Observation observed, List<CallOutcome> calls) {
    boolean failed = calls.stream().anyMatch(call -> !call.succeeded());
    return violation(
        failed
            ? "the client made no token request, and its calls failed without one: it holds on to"
                + " an earlier failure (a cached error, a circuit breaker that stays open) instead"
                + " of asking the token endpoint again"
            : "the client made no token request, although every token it held had expired on the"
                + " emulator's clock: give the client the emulator's clock (mock.clock(), or"
                + " ContractEmulator.clock()) so that the kit's clock moves reach it",
        observed,
        calls);
  }

  /** The newest token the downstream API accepted since {@code observed} began, or a violation. */
  final Received acceptedToken(Observation observed, CallOutcome call) {
    Optional<Received> accepted = observed.lastAccepted();
    if (accepted.isEmpty() || accepted.get().exp().isEmpty()) {
      throw violation(
          "the client got no token accepted by the downstream API (see the case sends-issued-token)",
          observed,
          List.of(call));
    }
    return accepted.get();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + clientCase.id() + "]";
  }
}
