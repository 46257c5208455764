package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.transmitmock.client.TokenRejectedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The claims stage on its own, against a fixed clock: every time boundary to the second. */
class TransmitClaimsVerifierTest {

  private static final Instant NOW = Instant.parse("2031-01-01T12:00:00Z");
  private static final String ISSUER = "https://userid.security";
  private static final String AUDIENCE = "https://api.orders.example";

  private static TransmitClaimsVerifier verifier(Duration skew) {
    return new TransmitClaimsVerifier(
        Clock.fixed(NOW, ZoneOffset.UTC),
        skew,
        ISSUER,
        Set.of(AUDIENCE),
        List.of("iss", "sub", "exp", "iat", "aud"),
        null,
        false);
  }

  private static JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("orders-svc")
        .audience(AUDIENCE)
        .issueTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(3600)));
  }

  private static void assertRejected(
      TransmitClaimsVerifier verifier, JWTClaimsSet claims, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(claims, null))
        .isInstanceOfSatisfying(
            ClaimsRejection.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void accepts_a_token_inside_its_window() {
    assertThatCode(() -> verifier(Duration.ZERO).verify(valid().build(), null))
        .doesNotThrowAnyException();
  }

  @Test
  void token_expiring_exactly_now_is_expired_with_zero_skew() {
    JWTClaimsSet claims = valid().expirationTime(Date.from(NOW)).build();
    assertRejected(verifier(Duration.ZERO), claims, Reason.EXPIRED);
  }

  @Test
  void token_expiring_exactly_now_is_accepted_with_the_default_skew() {
    JWTClaimsSet claims = valid().expirationTime(Date.from(NOW)).build();
    assertThatCode(() -> verifier(TransmitTokenVerifier.DEFAULT_CLOCK_SKEW).verify(claims, null))
        .doesNotThrowAnyException();
  }

  @Test
  void token_expired_by_exactly_the_skew_is_rejected() {
    JWTClaimsSet claims = valid().expirationTime(Date.from(NOW.minusSeconds(60))).build();
    assertRejected(verifier(Duration.ofSeconds(60)), claims, Reason.EXPIRED);
    JWTClaimsSet justInside = valid().expirationTime(Date.from(NOW.minusSeconds(59))).build();
    assertThatCode(() -> verifier(Duration.ofSeconds(60)).verify(justInside, null))
        .doesNotThrowAnyException();
  }

  @Test
  void rejects_nbf_in_the_future_beyond_the_skew() {
    JWTClaimsSet claims = valid().notBeforeTime(Date.from(NOW.plusSeconds(61))).build();
    assertRejected(verifier(Duration.ofSeconds(60)), claims, Reason.NOT_YET_VALID);
  }

  @Test
  void rejects_iat_in_the_future_beyond_the_skew() {
    JWTClaimsSet claims = valid().issueTime(Date.from(NOW.plusSeconds(1))).build();
    assertRejected(verifier(Duration.ZERO), claims, Reason.NOT_YET_VALID);
  }

  @Test
  void rejects_a_token_without_exp_as_missing_claim() {
    JWTClaimsSet claims = valid().expirationTime(null).build();
    assertRejected(verifier(Duration.ZERO), claims, Reason.MISSING_CLAIM);
  }

  @Test
  void rejects_an_issuer_that_only_differs_by_a_trailing_slash() {
    JWTClaimsSet claims = valid().issuer(ISSUER + "/").build();
    assertRejected(verifier(Duration.ZERO), claims, Reason.WRONG_ISSUER);
  }

  @Test
  void rejects_a_token_for_another_audience() {
    JWTClaimsSet claims = valid().audience("userid-api").build();
    assertRejected(verifier(Duration.ZERO), claims, Reason.WRONG_AUDIENCE);
  }

  @Test
  void accepts_when_any_audience_value_matches() {
    JWTClaimsSet claims = valid().audience(List.of("userid-api", AUDIENCE)).build();
    assertThatCode(() -> verifier(Duration.ZERO).verify(claims, null)).doesNotThrowAnyException();
  }

  @Test
  void pins_the_tenant_and_requires_admin_when_asked() {
    TransmitClaimsVerifier pinned =
        new TransmitClaimsVerifier(
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ZERO,
            ISSUER,
            Set.of(AUDIENCE),
            List.of("iss", "sub", "exp", "iat", "aud"),
            "tnt-1",
            true);
    assertRejected(pinned, valid().claim("tid", "tnt-2").build(), Reason.WRONG_TENANT);
    assertRejected(pinned, valid().build(), Reason.MISSING_CLAIM);
    assertRejected(
        pinned, valid().claim("tid", "tnt-1").claim("roles", List.of()).build(), Reason.NOT_ADMIN);
    assertThatCode(
            () ->
                pinned.verify(
                    valid().claim("tid", "tnt-1").claim("roles", List.of("Admin")).build(), null))
        .doesNotThrowAnyException();
  }

  @Test
  void messages_never_contain_claim_values() {
    JWTClaimsSet claims = valid().issuer("https://evil.example/SECRET-MARKER").build();
    assertThatThrownBy(() -> verifier(Duration.ZERO).verify(claims, null))
        .hasMessageNotContaining("SECRET-MARKER")
        .hasMessageContaining(ISSUER);
  }
}
