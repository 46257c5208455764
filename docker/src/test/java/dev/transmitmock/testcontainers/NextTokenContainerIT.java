package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Next-token rules and runtime settings of an emulator in a real container, through {@link
 * TransmitMockControl#nextToken()} and {@link TransmitMockControl#settings()}.
 */
@ExtendWith(RequiresDocker.class)
class NextTokenContainerIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static TransmitMockContainer<?> mock;

  @BeforeAll
  static void startContainer() {
    mock = TestImage.container();
    mock.start();
  }

  @AfterAll
  static void stopContainer() {
    if (mock != null) {
      mock.stop();
    }
  }

  @BeforeEach
  void resetEmulator() {
    mock.control().reset();
  }

  private static HttpResponse<String> tokenRequest(String secret) throws Exception {
    String form =
        "grant_type=client_credentials&client_id=demo-app&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(mock.getTokenEndpoint()))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> response) {
    return Json.parseObject(response.body());
  }

  @Test
  void a_rule_shapes_the_next_answer_of_the_real_token_endpoint_only() throws Exception {
    String id =
        mock.control()
            .nextToken()
            .install(
                NextTokenRule.forClient("demo-app")
                    .expiresIn(Duration.ofSeconds(5))
                    .claim("roles", List.of("Admin"))
                    .removeClaim("app_name")
                    .header("typ", "JWT")
                    .omit("scope")
                    .responseField("token_type", "bearer")
                    .build());
    assertThat(mock.control().nextToken().rules())
        .singleElement()
        .satisfies(
            rule -> assertThat(rule).containsEntry("id", id).containsEntry("clientId", "demo-app"));

    HttpResponse<String> refused = tokenRequest("wrong-secret");
    assertThat(refused.statusCode()).isEqualTo(401);
    HttpResponse<String> shaped = tokenRequest("demo-app-secret");

    assertThat(shaped.statusCode()).isEqualTo(200);
    assertThat(json(shaped)).containsEntry("token_type", "bearer").doesNotContainKey("scope");
    assertThat(((Number) json(shaped).get("expires_in")).longValue()).isEqualTo(5);
    SignedJWT jwt = SignedJWT.parse((String) json(shaped).get("access_token"));
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("Admin");
    assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKey("app_name");
    assertThat(mock.control().journal().issuedTo("demo-app"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.nextTokenRule()).contains(id));

    HttpResponse<String> normal = tokenRequest("demo-app-secret");
    assertThat(((Number) json(normal).get("expires_in")).longValue()).isEqualTo(3600);
    assertThat(mock.control().nextToken().rules()).isEmpty();
  }

  @Test
  void an_error_rule_and_a_defect_rule_answer_in_turn() throws Exception {
    mock.control()
        .nextToken()
        .install(
            NextTokenRule.forClient("demo-app")
                .error(503, "temporarily_unavailable", "try later")
                .retryAfter(3)
                .build());
    mock.control()
        .nextToken()
        .install(NextTokenRule.forClient("demo-app").defect("expired").build());

    HttpResponse<String> error = tokenRequest("demo-app-secret");
    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(error.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(json(error)).containsEntry("error", "temporarily_unavailable");
    assertThat(mock.control().journal().entries(Map.of("outcome", "injected")))
        .singleElement()
        .satisfies(entry -> assertThat(entry.nextTokenRule()).isPresent());
    assertThat(mock.control().journal().rejected()).isEmpty();

    HttpResponse<String> expired = tokenRequest("demo-app-secret");
    SignedJWT jwt = SignedJWT.parse((String) json(expired).get("access_token"));
    assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInThePast();
  }

  @Test
  void a_bad_rule_is_refused_with_the_field_named_and_clear_forgets_rules() {
    assertThatThrownBy(
            () ->
                mock.control()
                    .nextToken()
                    .install(NextTokenRule.forClient("demo-app").header("alg", "none").build()))
        .isInstanceOfSatisfying(
            TransmitMockException.class,
            e -> assertThat(e.getMessage()).contains("400").contains("header.alg"));

    mock.control().nextToken().install(NextTokenRule.forClient("demo-app").times(3).build());
    mock.control().nextToken().clear();
    assertThat(mock.control().nextToken().rules()).isEmpty();
  }

  @Test
  void settings_change_typ_issuer_and_lifetime_at_runtime_and_reset_restores_them()
      throws Exception {
    EmulatorSettings initial = mock.control().settings().get();
    assertThat(initial.tokenTyp()).isEqualTo("at+jwt");

    EmulatorSettings changed =
        mock.control()
            .settings()
            .change(
                Map.of(
                    "tokenTyp", "JWT",
                    "issuer", "https://tenant-b.example.test",
                    "tokenLifetime", "PT5M"));

    assertThat(changed.tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(mock.getIssuer()).isEqualTo("https://tenant-b.example.test");
    HttpResponse<String> response = tokenRequest("demo-app-secret");
    SignedJWT jwt = SignedJWT.parse((String) json(response).get("access_token"));
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://tenant-b.example.test");
    assertThat(((Number) json(response).get("expires_in")).longValue()).isEqualTo(300);
    assertThatThrownBy(() -> mock.control().settings().tokenTyp("jwt"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.getMessage()).contains("tokenTyp"));

    mock.control().reset();
    assertThat(mock.control().settings().get()).isEqualTo(initial);
    assertThat(mock.control().settings().errorStyle("transmit-rest").errorStyle())
        .isEqualTo("transmit-rest");
    assertThat(mock.control().settings().reset()).isEqualTo(initial);
  }
}
