package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.junit.support.TokenRequests;
import dev.transmitmock.junit.support.TokenResponse;
import dev.transmitmock.server.config.TokenTyp;
import dev.transmitmock.server.defects.Defect;
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

  private static TokenResponse token(TransmitMockHandle mock) {
    return TokenRequests.request(mock.tokenEndpoint(), "demo-app", "demo-app-secret");
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

    TokenResponse first = token(mock);
    assertThat(first.json()).containsEntry("expires_in", 5L).doesNotContainKey("scope");
    assertThat(first.claims().getStringListClaim("roles")).containsExactly("Admin");
    assertThat(token(mock).json()).containsEntry("expires_in", 5L);
    String third = token(mock).accessToken();
    assertThat(mock.server().tokenInspector().inspect(third).firstReason())
        .hasValueSatisfying(reason -> assertThat(reason.name()).isEqualTo("WRONG_AUDIENCE"));
    assertThat(token(mock).json()).containsEntry("expires_in", 3600L);
    assertThat(mock.journal().raw().tokenRequests().shapedByNextTokenRule().count()).isEqualTo(3);
  }

  @Test
  @Order(2)
  void an_error_rule_answers_instead_of_a_token(TransmitMockHandle mock) {
    mock.nextToken("demo-app").error(429, "rate_limited", "slow down").retryAfter(1).install();

    TokenResponse refused = token(mock);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json()).containsEntry("error", "rate_limited");
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
