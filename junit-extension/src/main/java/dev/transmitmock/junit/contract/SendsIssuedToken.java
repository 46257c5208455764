package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import dev.transmitmock.junit.contract.DownstreamApi.Received;
import java.util.List;
import java.util.Optional;

/** The precondition of every other case: the token the downstream API gets is the emulator's. */
final class SendsIssuedToken extends Behaviour {
  static final String ID = "sends-issued-token";

  SendsIssuedToken(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            "a call reaches the downstream API with a token the emulator issued to "
                + session.clientId,
            "none by itself: without it, every other case passes or fails for the wrong reason",
            "point the client at the emulator's token endpoint ("
                + session.emulator.tokenEndpoint()
                + ") as client "
                + session.clientId
                + session.resource.map(r -> " requesting resource " + r).orElse("")
                + "; give it the emulator's clock (mock.clock()); and have the TokenCaller send"
                + " \"Authorization: Bearer <token>\" to the URL it is given (or to the"
                + " DownstreamApi handed to the builder)"));
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    Observation observed = session.observe();
    CallOutcome call = session.call();
    List<CallOutcome> calls = List.of(call);
    List<Received> received = observed.received();
    if (received.isEmpty()) {
      throw violation(
          call.succeeded()
              ? "the call returned, but the downstream API received no request"
              : "the call failed before it reached the downstream API",
          observed,
          calls);
    }
    Optional<Received> accepted = observed.lastAccepted();
    if (accepted.isEmpty()) {
      Received last = received.get(received.size() - 1);
      throw violation(
          "the downstream API refused the call: " + reason(last.verdict()), observed, calls);
    }
    String jti = accepted.get().jti().orElse("");
    List<String> issued =
        session.emulator.tokenRequests(session.clientId, 0).stream()
            .flatMap(request -> request.jti().stream())
            .toList();
    if (!issued.contains(jti)) {
      throw violation(
          "the downstream API received a token the emulator did not issue to "
              + session.clientId
              + " (jti "
              + (jti.isEmpty() ? "missing" : jti)
              + " is not in the journal)",
          observed,
          calls);
    }
    if (!call.succeeded()) {
      throw violation(
          "the downstream API accepted the token, but the call failed: " + call.describe(),
          observed,
          calls);
    }
    return "the downstream API accepted a token issued to "
        + session.clientId
        + " (jti "
        + jti
        + ")";
  }

  private String reason(String verdict) {
    return switch (verdict) {
      case Received.EXPIRED ->
          "the token had expired on the emulator's clock; the client judges expiry on another"
              + " clock (give it mock.clock())";
      case "the token is not meant for this API" ->
          "the token's aud does not name "
              + session.resource.orElse("the resource")
              + " (send it as the resource parameter)";
      default -> verdict;
    };
  }
}
