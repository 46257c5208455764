package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import java.util.List;

/** Many calls, one token request: the client caches its token. */
final class CachesTokens extends Behaviour {
  static final String ID = "caches";
  static final int CALLS = 10;

  CachesTokens(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            CALLS + " calls in a row send one token request",
            "every call waits for a round trip to Transmit, and under load the service runs into"
                + " Transmit's rate limits (429) and fails calls that needed no new token",
            "cache the token per client and resource until shortly before it expires (expires_in),"
                + " and reuse it for every call in between"));
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    Observation observed = session.observe();
    List<CallOutcome> calls = session.calls(CALLS);
    int requests = observed.tokenRequests().size();
    if (requests > 1) {
      throw violation(
          CALLS + " calls sent " + requests + " token requests; expected 1", observed, calls);
    }
    if (requests == 0) {
      throw noTokenRequest(observed, calls);
    }
    long failed = calls.stream().filter(call -> !call.succeeded()).count();
    long accepted = observed.received().stream().filter(r -> r.accepted()).count();
    if (failed > 0 || accepted < CALLS) {
      throw violation(
          failed
              + " of "
              + CALLS
              + " calls failed and the downstream API accepted "
              + accepted
              + " of them; with a good token cached, every call must get through",
          observed,
          calls);
    }
    return CALLS + " calls, 1 token request";
  }
}
