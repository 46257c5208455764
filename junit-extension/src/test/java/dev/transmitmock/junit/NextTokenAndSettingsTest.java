package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.TokenTyp;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code mock.nextToken(...)} and {@code mock.settings()} through the JUnit handle. */
@TransmitMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NextTokenAndSettingsTest {

  private static Reply token(TransmitMockHandle mock) {
    return TestHttp.to(mock.baseUrl()).token("demo-app", "demo-app-secret");
  }

  @Test
  @Order(1)
  void a_next_token_rule_shapes_the_real_endpoints_next_answer(TransmitMockHandle mock)
      throws Exception {
    mock.nextToken("demo-app")
        .expiresIn(Duration.ofSeconds(5))
        .claim("roles", List.of("Admin"))
        .omit("scope")
        .times(2)
        .install();
    mock.nextToken("demo-app").defect(Defect.WRONG_AUDIENCE).install();

    Reply first = token(mock);
    assertThat(first.json().get("expires_in").asLong()).isEqualTo(5);
    assertThat(first.json().has("scope")).isFalse();
    assertThat(first.claims().getStringListClaim("roles")).containsExactly("Admin");
    assertThat(token(mock).json().get("expires_in").asLong()).isEqualTo(5);
    String third = token(mock).accessToken();
    assertThat(mock.server().tokenInspector().inspect(third).firstReason())
        .hasValueSatisfying(reason -> assertThat(reason.name()).isEqualTo("WRONG_AUDIENCE"));
    assertThat(token(mock).json().get("expires_in").asLong()).isEqualTo(3600);
    assertThat(mock.journal().raw().tokenRequests().shapedByNextTokenRule().count()).isEqualTo(3);
  }

  @Test
  @Order(2)
  void an_error_rule_answers_instead_of_a_token(TransmitMockHandle mock) {
    mock.nextToken("demo-app").error(429, "rate_limited", "slow down").retryAfter(1).install();

    Reply refused = token(mock);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.error()).isEqualTo("rate_limited");
  }

  @Test
  @Order(3)
  void settings_change_typ_and_issuer_at_runtime(TransmitMockHandle mock) throws Exception {
    mock.nextToken("demo-app").expiresIn(Duration.ofSeconds(1)).install();
    mock.settings().tokenTyp(TokenTyp.JWT).issuer("https://tenant-b.example.test");

    SignedJWT jwt = SignedJWT.parse(token(mock).accessToken());

    assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://tenant-b.example.test");
    assertThat(mock.issuer()).isEqualTo("https://tenant-b.example.test");
    mock.nextToken("demo-app").expiresIn(Duration.ofSeconds(1)).install();
  }

  @Test
  @Order(4)
  void rules_and_settings_are_restored_before_each_test(TransmitMockHandle mock) throws Exception {
    assertThat(mock.nextTokenRules().rules()).isEmpty();
    assertThat(mock.settings().current()).isEqualTo(mock.settings().initial());
    SignedJWT jwt = SignedJWT.parse(token(mock).accessToken());
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(mock.server().config().issuer());
  }
}
