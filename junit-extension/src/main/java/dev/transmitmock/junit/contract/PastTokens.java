package dev.transmitmock.junit.contract;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.token.IssuedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Genuine tokens whose {@code exp} lies at a chosen distance before the consumer's clock: the
 * emulator's clock is moved back while minting, then restored (facts: consumers check expiry on
 * their own clock, so moving the emulator forward would not expire anything for them).
 */
final class PastTokens {
  private final TransmitMockServer server;
  private final Clock consumerClock;

  PastTokens(TransmitMockServer server, Clock consumerClock) {
    this.server = server;
    this.consumerClock = consumerClock;
  }

  /** A token of the client whose {@code exp} is {@code expiredBy} before the consumer's now. */
  String expiredBy(String clientId, Optional<String> resource, Duration expiredBy) {
    MockClock clock = server.clock();
    synchronized (clock) {
      MockClock.Setting saved = clock.setting();
      try {
        IssuedToken probe = server.issueToken(clientId, resource, Optional.empty());
        Duration lifetime = Duration.between(probe.issuedAt(), probe.expiresAt());
        Instant issuedAt = consumerClock.instant().minus(expiredBy).minus(lifetime);
        clock.set(issuedAt);
        return server.issueToken(clientId, resource, Optional.empty()).accessToken();
      } finally {
        clock.restore(saved);
      }
    }
  }
}
