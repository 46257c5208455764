package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));

  @RepeatedTest(20)
  void backoff_doubles_per_retry_with_jitter_between_half_and_all_of_it() {
    assertThat(policy.backoff(1).toMillis()).isBetween(50L, 100L);
    assertThat(policy.backoff(2).toMillis()).isBetween(100L, 200L);
    assertThat(policy.backoff(3).toMillis()).isBetween(200L, 400L);
  }

  @RepeatedTest(20)
  void backoff_is_capped_at_max_backoff_even_for_huge_retry_counts() {
    assertThat(policy.backoff(5).toMillis()).isBetween(500L, 1000L);
    assertThat(policy.backoff(1000).toMillis()).isBetween(500L, 1000L);
  }

  @Test
  void no_retries_policy_has_zero_backoff() {
    assertThat(RetryPolicy.NONE.maxRetries()).isZero();
    assertThat(RetryPolicy.NONE.backoff(1)).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejects_negative_retries_and_inverted_bounds() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(
            () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBackoff");
  }
}
