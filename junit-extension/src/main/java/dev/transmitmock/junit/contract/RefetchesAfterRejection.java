package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import dev.transmitmock.junit.contract.DownstreamApi.Received;
import java.util.ArrayList;
import java.util.List;

/**
 * After the downstream API refuses the cached token with 401 {@code invalid_token} (revoked, signed
 * by a retired key), the client fetches a new one: within the call, or by the next call or the one
 * after.
 */
final class RefetchesAfterRejection extends Behaviour {
  static final String ID = "refetches-after-rejection";
  static final int FOLLOW_UP_CALLS = 2;

  RefetchesAfterRejection(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            "after the downstream API answers 401 invalid_token, a new token is fetched",
            "a token the API no longer accepts (revoked, signed by a retired key, issued before a"
                + " configuration change) fails every call until it expires, up to its whole"
                + " lifetime",
            "on a 401 with WWW-Authenticate: Bearer error=\"invalid_token\", drop the cached token"
                + " so that the next call (or one retry) fetches a new one"
                + " (TransmitTokenClient.invalidate(resource); Spring Security:"
                + " OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(...))"));
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    Received refused = acceptedToken(session.observe(), session.call());
    session.downstream.reject(refused.token().orElseThrow());
    try {
      Observation observed = session.observe();
      List<CallOutcome> calls = new ArrayList<>();
      calls.add(session.call());
      while (!fresh(observed, refused) && calls.size() <= FOLLOW_UP_CALLS) {
        calls.add(session.call());
      }
      if (!fresh(observed, refused)) {
        long resent =
            observed.received().stream().filter(r -> r.token().equals(refused.token())).count();
        throw violation(
            "after the downstream API answered 401 invalid_token, the client sent the refused"
                + " token "
                + resent
                + " times in "
                + calls.size()
                + " calls"
                + (observed.tokenRequests().isEmpty()
                    ? " and made no token request"
                    : " and got no new token through"),
            observed,
            calls);
      }
      return calls.size() == 1
          ? "fetched a new token and retried within the refused call"
          : "the refused call failed; call " + calls.size() + " carried a new token";
    } finally {
      session.downstream.clearRejections();
    }
  }

  private static boolean fresh(Observation observed, Received refused) {
    return observed.received().stream()
        .anyMatch(r -> r.accepted() && !r.token().equals(refused.token()));
  }
}
