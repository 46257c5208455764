package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import dev.transmitmock.junit.contract.DownstreamApi.Received;
import java.util.List;

/**
 * A token about to expire is replaced before it is sent: the clock moves to {@code refreshMargin}
 * before the cached token's {@code exp}, and the next call must carry a new token.
 */
final class RefreshesBeforeExpiry extends Behaviour {
  static final String ID = "refreshes-before-exp";

  RefreshesBeforeExpiry(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            "a token "
                + session.refreshMargin.toSeconds()
                + " s before its exp is replaced before it is sent (moved clock)",
            "tokens expire on their way to the API or while it checks them, so calls fail with 401"
                + " around every expiry; a client waiting for exp itself sends expired tokens",
            "replace the cached token a margin before exp (60 s is common: Spring Security's"
                + " clock skew, TransmitTokenClient's refreshMargin), judged on the clock the"
                + " client is given (the emulator's in tests)"));
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    Observation first = session.observe();
    Received cached = acceptedToken(first, session.call());
    session.moveClockTo(cached.exp().orElseThrow().minus(session.refreshMargin));
    Observation observed = session.observe();
    CallOutcome call = session.call();
    List<CallOutcome> calls = List.of(call);
    long reused =
        observed.received().stream().filter(r -> r.token().equals(cached.token())).count();
    if (reused > 0) {
      throw violation(
          "with the emulator's clock "
              + session.refreshMargin.toSeconds()
              + " s before the cached token's exp, the client sent that token again (jti "
              + cached.jti().orElse("?")
              + ")"
              + (observed.tokenRequests().isEmpty() ? " and made no token request" : ""),
          observed,
          calls);
    }
    if (observed.lastAccepted().isEmpty() || !call.succeeded()) {
      throw violation(
          "after the clock move, the call got no token through to the downstream API",
          observed,
          calls);
    }
    return "replaced the token at least " + session.refreshMargin.toSeconds() + " s before exp";
  }
}
