package dev.transmitmock.junit.contract;

import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Good tokens whose {@code exp} lies a chosen distance before the consumer's now (consumers check
 * expiry on their own clock). Minted with {@code iat} and {@code exp} overridden, so the emulator's
 * clock is never moved and concurrent tests on the same server are not disturbed.
 */
final class PastTokens {
  private final DefectiveTokens minter;
  private final Clock consumerClock;
  private final Duration lifetime;

  PastTokens(DefectiveTokens minter, Clock consumerClock, Duration lifetime) {
    this.minter = minter;
    this.consumerClock = consumerClock;
    this.lifetime = lifetime;
  }

  /** A token of the client whose {@code exp} is {@code expiredBy} before the consumer's now. */
  String expiredBy(String clientId, Optional<String> resource, Duration expiredBy) {
    Instant exp = consumerClock.instant().truncatedTo(ChronoUnit.SECONDS).minus(expiredBy);
    TokenSpec.Builder spec =
        TokenSpec.builder().clientId(clientId).claim("iat", exp.minus(lifetime)).claim("exp", exp);
    resource.ifPresent(spec::resource);
    return minter.mintValid(spec.build());
  }
}
