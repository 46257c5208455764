package dev.transmitmock.server.token.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.token.JtiReplayCache;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JtiReplayCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  @Test
  void refuses_a_jti_until_it_expires_then_forgets_it() {
    JtiReplayCache cache = new JtiReplayCache(10);
    Instant until = NOW.plus(Duration.ofMinutes(1));

    assertThat(cache.firstUse("svc", "j1", until, NOW)).isTrue();
    assertThat(cache.firstUse("svc", "j1", until, NOW.plusSeconds(30))).isFalse();
    assertThat(cache.firstUse("svc", "j1", until, NOW.plusSeconds(61))).isTrue();
  }

  @Test
  void the_same_jti_of_two_clients_are_different_assertions() {
    JtiReplayCache cache = new JtiReplayCache(10);
    Instant until = NOW.plusSeconds(60);

    assertThat(cache.firstUse("a", "bc", until, NOW)).isTrue();
    assertThat(cache.firstUse("ab", "c", until, NOW)).isTrue();
    assertThat(cache.firstUse("a", "bc", until, NOW)).isFalse();
  }

  @Test
  void stays_within_its_capacity_and_drops_expired_entries_first() {
    JtiReplayCache cache = new JtiReplayCache(3);
    for (int i = 0; i < 10; i++) {
      cache.firstUse("svc", "j" + i, NOW.plusSeconds(60), NOW);
    }

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.firstUse("svc", "j9", NOW.plusSeconds(60), NOW)).isFalse();

    cache.firstUse("svc", "late", NOW.plusSeconds(200), NOW.plusSeconds(100));
    assertThat(cache.size()).isEqualTo(1);

    cache.clear();
    assertThat(cache.size()).isZero();
  }
}
