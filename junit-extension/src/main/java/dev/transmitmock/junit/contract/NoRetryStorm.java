package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.Fault;
import dev.transmitmock.junit.contract.ContractEmulator.TokenRequest;
import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Errors that retrying cannot fix are not retried: one call against a token endpoint that keeps
 * answering 401 {@code invalid_client} (a rotated secret), then 400 {@code invalid_target} (a
 * resource not assigned to the application), sends one request each.
 */
final class NoRetryStorm extends Behaviour {
  static final String ID = "no-retry-storm";

  /** The answers, in the emulator's own words (node-oidc-provider's). */
  private static final List<Refusal> REFUSALS =
      List.of(
          new Refusal(401, "invalid_client", "client authentication failed"),
          new Refusal(400, "invalid_target", "resource indicator is missing, or unknown"));

  NoRetryStorm(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            "400 and 401 from the token endpoint are not retried",
            "a wrong secret or an unassigned resource cannot get better by retrying: retries"
                + " multiply the load on Transmit, delay the error, and can get the client rate"
                + " limited or locked out",
            "treat 400 (invalid_request, invalid_target, invalid_scope, ...) and 401"
                + " (invalid_client) as final: fail the call at once with the OAuth error, and"
                + " retry only 408, 429, 5xx and connection failures"));
  }

  @Override
  String verify() {
    List<String> verdicts = new ArrayList<>();
    for (Refusal refusal : REFUSALS) {
      session.expireCachedTokens();
      String fault = session.emulator.addTokenFault(session.clientId, refusal.fault());
      Observation observed = session.observe();
      CallOutcome call;
      List<TokenRequest> requests;
      try {
        call = session.call();
        requests = observed.tokenRequests();
      } finally {
        session.emulator.removeFault(fault);
      }
      List<CallOutcome> calls = List.of(call);
      if (requests.isEmpty()) {
        throw noTokenRequest(observed, calls);
      }
      if (requests.size() > 1) {
        Duration span =
            Duration.between(requests.get(0).time(), requests.get(requests.size() - 1).time());
        throw violation(
            "one call sent "
                + requests.size()
                + " token requests in "
                + span.toMillis()
                + " ms to a token endpoint answering "
                + refusal.status()
                + " "
                + refusal.error()
                + "; expected 1 (no retry)",
            observed,
            calls);
      }
      verdicts.add(refusal.status() + " " + refusal.error() + ": 1 request");
    }
    return String.join(", ", verdicts);
  }

  private record Refusal(int status, String error, String description) {
    Fault fault() {
      return Fault.answer(
          status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }
  }
}
