package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransmitTokenVerifierBuilderTest {

  private static TransmitTokenVerifier.Builder usBuilder() {
    return TransmitTokenVerifier.builder().region(TransmitRegion.US).audience("userid-api");
  }

  @Test
  void refuses_to_allow_hmac_or_none() {
    for (String alg : new String[] {"HS256", "HS512", "none", "None"}) {
      assertThatThrownBy(() -> usBuilder().algorithms(alg))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot be allowed")
          .hasMessageContaining("RS256");
    }
  }

  @Test
  void accepts_asymmetric_algorithms_opted_in() {
    TransmitTokenVerifier verifier = usBuilder().algorithms("RS256", "PS256", "ES256").build();
    assertThat(verifier.toString()).contains("RS256", "PS256", "ES256");
  }

  @Test
  void requires_an_audience_or_an_explicit_opt_out() {
    assertThatThrownBy(() -> TransmitTokenVerifier.builder().region(TransmitRegion.US).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audience(")
        .hasMessageContaining("anyAudience()");
    assertThat(TransmitTokenVerifier.builder().region(TransmitRegion.US).anyAudience().build())
        .isNotNull();
  }

  @Test
  void requires_a_token_source() {
    assertThatThrownBy(() -> TransmitTokenVerifier.builder().audience("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region(TransmitRegion)")
        .hasMessageContaining("discoveryUri(URI)");
    assertThatThrownBy(
            () ->
                TransmitTokenVerifier.builder()
                    .issuer("https://userid.security")
                    .audience("a")
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void clock_skew_may_be_zero_but_not_negative() {
    assertThat(usBuilder().clockSkew(Duration.ZERO).build().toString()).contains("clockSkew=PT0S");
    assertThatThrownBy(() -> usBuilder().clockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clockSkew");
  }

  @Test
  void default_clock_skew_is_sixty_seconds() {
    assertThat(TransmitTokenVerifier.DEFAULT_CLOCK_SKEW).isEqualTo(Duration.ofSeconds(60));
    assertThat(usBuilder().build().toString()).contains("clockSkew=PT1M");
  }

  @Test
  void refresh_rate_limit_must_be_shorter_than_the_cache_ttl() {
    assertThatThrownBy(
            () ->
                usBuilder()
                    .jwksCacheTtl(Duration.ofSeconds(10))
                    .jwksRefreshRateLimit(Duration.ofSeconds(10))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwksRefreshRateLimit");
  }

  @Test
  void rejects_relative_or_non_http_jwks_uris() {
    assertThatThrownBy(() -> usBuilder().jwksUri(URI.create("/cis/oidc/jwks")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s)");
    assertThatThrownBy(() -> usBuilder().jwksUri(URI.create("file:///etc/passwd")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void null_arguments_get_named_errors() {
    assertThatThrownBy(() -> usBuilder().issuer(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("issuer must not be null");
    assertThatThrownBy(() -> usBuilder().clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock must not be null");
  }
}
