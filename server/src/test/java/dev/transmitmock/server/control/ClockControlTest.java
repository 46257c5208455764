package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.server.testing.DemoConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClockControlTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  /** A careful consumer: JWKS keys, RS256 only, at+jwt, issuer, exp and iat required. */
  private static DefaultJWTProcessor<SecurityContext> consumer(Clock clock) throws Exception {
    JWKSet jwks = JWKSet.parse(EMULATOR.http().get(EMULATOR.server().jwksUri().getPath()).body());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(EMULATOR.server().issuer()).build(),
            Set.of("exp", "iat")) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        });
    return processor;
  }

  private static long exp(String token) throws Exception {
    return SignedJWT.parse(token)
        .getJWTClaimsSet()
        .getExpirationTime()
        .toInstant()
        .getEpochSecond();
  }

  @Test
  void a_clock_advance_moves_the_exp_of_a_fresh_token_by_exactly_the_advance() throws Exception {
    EMULATOR.server().clock().freeze();
    long before = exp(EMULATOR.http().accessToken(APP, APP_SECRET));

    EMULATOR.server().clock().advance(Duration.ofHours(2));

    assertThat(exp(EMULATOR.http().accessToken(APP, APP_SECRET))).isEqualTo(before + 7200);
  }

  @Test
  void a_clock_advance_makes_a_jwks_verified_token_expire() throws Exception {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    DefaultJWTProcessor<SecurityContext> consumer = consumer(EMULATOR.server().clock());
    assertThat(consumer.process(token, null).getSubject()).isEqualTo(DemoConfig.APP);

    EMULATOR.server().clock().advance(Duration.ofHours(2));

    assertThatThrownBy(() -> consumer.process(token, null))
        .isInstanceOf(BadJOSEException.class)
        .hasMessageContaining("Expired JWT");
  }

  @Test
  void a_token_stays_valid_until_its_exp_to_the_second() throws Exception {
    EMULATOR.server().clock().freeze();
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    DefaultJWTProcessor<SecurityContext> consumer = consumer(EMULATOR.server().clock());
    Instant exp = Instant.ofEpochSecond(exp(token));

    // Nimbus allows 60 s of clock skew: valid until exp + 59 s, expired at exp + 60 s.
    EMULATOR.server().clock().set(exp.plusSeconds(59));
    assertThat(consumer.process(token, null)).isNotNull();
    EMULATOR.server().clock().set(exp.plusSeconds(60));
    assertThatThrownBy(() -> consumer.process(token, null)).hasMessageContaining("Expired JWT");
  }

  @Test
  void introspection_follows_the_clock() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    String form =
        "token="
            + token
            + "&client_id="
            + DemoConfig.APP
            + "&client_secret="
            + DemoConfig.APP_SECRET;
    assertThat(
            EMULATOR
                .http()
                .postForm(EMULATOR.server().introspectionEndpoint().toString(), form)
                .json()
                .get("active")
                .asBoolean())
        .isTrue();

    EMULATOR.server().clock().advance(Duration.ofHours(2));

    assertThat(
            EMULATOR
                .http()
                .postForm(EMULATOR.server().introspectionEndpoint().toString(), form)
                .json()
                .get("active")
                .asBoolean())
        .isFalse();
  }

  // --- over HTTP ----------------------------------------------------------------------------

  @Test
  void http_advance_moves_the_exp_of_a_fresh_token() throws Exception {
    EMULATOR.http().post("/_mock/clock", "{\"freeze\":true}");
    long before = exp(EMULATOR.http().accessToken(APP, APP_SECRET));

    Reply moved = EMULATOR.http().post("/_mock/clock", "{\"advance\":\"PT2H\"}");

    assertThat(moved.status()).isEqualTo(200);
    assertThat(Duration.parse(moved.json().get("offset").asText()))
        .isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
    assertThat(exp(EMULATOR.http().accessToken(APP, APP_SECRET))).isEqualTo(before + 7200);
  }

  @Test
  void http_advance_makes_a_jwks_verified_token_expire() throws Exception {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    DefaultJWTProcessor<SecurityContext> consumer = consumer(EMULATOR.server().clock());

    EMULATOR.http().post("/_mock/clock", "{\"advance\":\"PT2H\"}");

    assertThatThrownBy(() -> consumer.process(token, null)).hasMessageContaining("Expired JWT");
  }

  @Test
  void http_set_with_freeze_stands_still_at_that_instant() throws Exception {
    Reply set =
        EMULATOR.http().post("/_mock/clock", "{\"set\":\"2031-01-01T00:00:00Z\",\"freeze\":true}");

    JsonNode clock = set.json();
    assertThat(clock.get("now").asText()).isEqualTo("2031-01-01T00:00:00Z");
    assertThat(clock.get("frozen").asBoolean()).isTrue();
    assertThat(clock.get("epochSecond").asLong())
        .isEqualTo(Instant.parse("2031-01-01T00:00:00Z").getEpochSecond());
    Thread.sleep(20);
    assertThat(EMULATOR.http().get("/_mock/clock").json().get("now").asText())
        .isEqualTo("2031-01-01T00:00:00Z");
    assertThat(
            SignedJWT.parse(EMULATOR.http().accessToken(APP, APP_SECRET))
                .getJWTClaimsSet()
                .getIssueTime()
                .toInstant())
        .isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
  }

  @Test
  void http_set_without_freeze_keeps_the_clock_running_from_there() {
    JsonNode clock =
        EMULATOR.http().post("/_mock/clock", "{\"set\":\"2031-01-01T00:00:00Z\"}").json();

    assertThat(clock.get("frozen").asBoolean()).isFalse();
    assertThat(Instant.parse(clock.get("now").asText()))
        .isBetween(Instant.parse("2031-01-01T00:00:00Z"), Instant.parse("2031-01-01T00:00:05Z"));
  }

  @Test
  void http_freeze_false_lets_a_frozen_clock_run_again() {
    EMULATOR.http().post("/_mock/clock", "{\"freeze\":true}");

    JsonNode clock = EMULATOR.http().post("/_mock/clock", "{\"freeze\":false}").json();

    assertThat(clock.get("frozen").asBoolean()).isFalse();
    assertThat(EMULATOR.server().clock().isFrozen()).isFalse();
  }

  @Test
  void http_delete_goes_back_to_system_time() {
    EMULATOR.http().post("/_mock/clock", "{\"set\":\"2031-01-01T00:00:00Z\",\"freeze\":true}");

    JsonNode clock = EMULATOR.http().delete("/_mock/clock").json();

    assertThat(clock.get("frozen").asBoolean()).isFalse();
    assertThat(clock.get("offset").asText()).isEqualTo("PT0S");
    assertThat(Instant.parse(clock.get("now").asText()))
        .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
  }

  @Test
  void http_get_reports_the_clock_the_java_api_moved() {
    EMULATOR.server().clock().freeze().set(Instant.parse("2030-06-01T12:00:00Z"));

    JsonNode clock = EMULATOR.http().get("/_mock/clock").json();

    assertThat(clock.get("now").asText()).isEqualTo("2030-06-01T12:00:00Z");
    assertThat(clock.get("frozen").asBoolean()).isTrue();
  }

  @Test
  void http_a_bad_duration_is_a_400_naming_the_field() {
    Reply response = EMULATOR.http().post("/_mock/clock", "{\"advance\":\"2h\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(response.json().get("error_description").asText()).startsWith("advance:");
    assertThat(EMULATOR.server().clock().offset()).isEqualTo(Duration.ZERO);
  }

  @Test
  void http_a_bad_instant_is_a_400_naming_the_field() {
    Reply response = EMULATOR.http().post("/_mock/clock", "{\"set\":\"tomorrow\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText()).startsWith("set:");
  }

  @Test
  void http_an_empty_or_unknown_clock_request_is_a_400() {
    assertThat(EMULATOR.http().post("/_mock/clock", "{}").status()).isEqualTo(400);
    assertThat(EMULATOR.http().post("/_mock/clock", "").status()).isEqualTo(400);
    Reply unknown = EMULATOR.http().post("/_mock/clock", "{\"rewind\":\"PT1H\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error_description").asText()).startsWith("rewind:");
    assertThat(EMULATOR.http().post("/_mock/clock", "[1,2]").status()).isEqualTo(400);
    assertThat(EMULATOR.http().post("/_mock/clock", "{\"freeze\":\"yes\"}").status())
        .isEqualTo(400);
  }
}
