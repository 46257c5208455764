package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.ADMIN;
import static dev.transmitmock.server.testing.DemoConfig.ADMIN_SECRET;
import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static dev.transmitmock.server.testing.DemoConfig.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.RejectionCategory;
import dev.transmitmock.server.defects.TokenInspection;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /_mock/next-token} and {@code server.nextToken(...)}: rules shaping what the real token
 * endpoint answers next, over real HTTP.
 */
class NextTokenControlTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  private static final String PATH = "/_mock/next-token";

  private static JsonNode install(String body) {
    Reply response = EMULATOR.http().post(PATH, body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private static Reply token() {
    return EMULATOR.http().token(APP, APP_SECRET);
  }

  private static SignedJWT jwt(Reply response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return SignedJWT.parse(response.json().get("access_token").asText());
  }

  private static TokenInspection inspect(Reply response) {
    return EMULATOR.server().tokenInspector().inspect(response.json().get("access_token").asText());
  }

  @Test
  void a_one_shot_rule_shapes_only_the_next_response_then_the_endpoint_is_normal_again()
      throws Exception {
    JsonNode rule = install("{\"clientId\":\"demo-app\",\"expiresIn\":5}");
    assertThat(rule.get("id").asText()).startsWith("next-token-");
    assertThat(rule.get("times").asInt()).isEqualTo(1);

    Reply shaped = token();
    SignedJWT shapedJwt = jwt(shaped);
    assertThat(shaped.json().get("expires_in").asLong()).isEqualTo(5);
    assertThat(
            shapedJwt.getJWTClaimsSet().getExpirationTime().getTime()
                - shapedJwt.getJWTClaimsSet().getIssueTime().getTime())
        .isEqualTo(5_000);
    assertThat(inspect(shaped).accepted()).isTrue();

    Reply normal = token();
    assertThat(normal.json().get("expires_in").asLong()).isEqualTo(3600);
    assertThat((EMULATOR.http().get(PATH)).json().get("rules")).isEmpty();
  }

  @Test
  void an_n_shot_rule_shapes_n_responses_and_counts_down() {
    install("{\"clientId\":\"demo-app\",\"times\":2,\"expiresIn\":\"PT30S\"}");

    assertThat(token().json().get("expires_in").asLong()).isEqualTo(30);
    JsonNode pending = (EMULATOR.http().get(PATH)).json().get("rules");
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).get("times").asInt()).isEqualTo(1);
    assertThat(token().json().get("expires_in").asLong()).isEqualTo(30);
    assertThat(token().json().get("expires_in").asLong()).isEqualTo(3600);
  }

  @Test
  void expires_in_zero_issues_a_token_expiring_as_it_is_issued() throws Exception {
    install("{\"clientId\":\"demo-app\",\"expiresIn\":0}");

    Reply response = token();

    assertThat(response.json().get("expires_in").asLong()).isZero();
    var claims = jwt(response).getJWTClaimsSet();
    assertThat(claims.getExpirationTime()).isEqualTo(claims.getIssueTime());
  }

  @Test
  void claims_are_added_replaced_and_removed_and_the_token_stays_validly_signed() throws Exception {
    install(
        "{\"clientId\":\"demo-app\",\"claims\":{\"roles\":[\"Admin\"],\"tenant_tier\":\"gold\","
            + "\"app_name\":null}}");

    Reply response = token();
    var claims = jwt(response).getJWTClaimsSet();

    assertThat(claims.getStringListClaim("roles")).containsExactly("Admin");
    assertThat(claims.getStringClaim("tenant_tier")).isEqualTo("gold");
    assertThat(claims.getClaims()).doesNotContainKey("app_name");
    assertThat(claims.getSubject()).isEqualTo(APP);
    assertThat(inspect(response).accepted()).isTrue();
  }

  @Test
  void a_header_override_changes_typ_and_a_null_removes_it() throws Exception {
    install("{\"clientId\":\"demo-app\",\"header\":{\"typ\":\"JWT\",\"cty\":\"x\"}}");
    SignedJWT first = jwt(token());
    assertThat(first.getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(first.getHeader().getContentType()).isEqualTo("x");

    install("{\"clientId\":\"demo-app\",\"header\":{\"typ\":null}}");
    Reply second = token();
    assertThat(jwt(second).getHeader().getType()).isNull();
    assertThat(inspect(second).accepted()).isTrue();

    assertThat(jwt(token()).getHeader().getType().getType()).isEqualTo("at+jwt");
  }

  @Test
  void omitted_and_extra_response_fields_change_the_response_only() throws Exception {
    install(
        "{\"clientId\":\"demo-app\",\"omit\":[\"scope\",\"expires_in\"],"
            + "\"responseFields\":{\"token_type\":\"bearer\",\"refresh_expires_in\":0}}");

    Reply response = EMULATOR.http().token(APP, APP_SECRET, Map.of("scope", "openid"));
    JsonNode body = response.json();

    assertThat(body.has("scope")).isFalse();
    assertThat(body.has("expires_in")).isFalse();
    assertThat(body.get("token_type").asText()).isEqualTo("bearer");
    assertThat(body.get("refresh_expires_in").asInt()).isZero();
    assertThat(jwt(response).getJWTClaimsSet().getStringClaim("scope")).isEqualTo("openid");
  }

  @Test
  void a_catalog_defect_is_applied_to_the_real_endpoints_token() {
    install("{\"clientId\":\"demo-app\",\"defect\":\"expired\"}");

    Reply response = EMULATOR.http().token(APP, APP_SECRET, RESOURCE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(inspect(response).firstReason()).contains(RejectionCategory.EXPIRED);
    assertThat(response.json().get("expires_in").asLong()).isEqualTo(3600);
  }

  @Test
  void an_error_rule_answers_with_the_oauth_error_and_retry_after() {
    install(
        "{\"clientId\":\"demo-app\",\"error\":{\"status\":503,\"error\":\"temporarily_unavailable\","
            + "\"error_description\":\"try again later\",\"retryAfter\":2}}");

    Reply response = token();

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.json().get("error").asText()).isEqualTo("temporarily_unavailable");
    assertThat(response.json().get("error_description").asText()).isEqualTo("try again later");
    assertThat(token().status()).isEqualTo(200);
  }

  @Test
  void an_error_without_description_gets_the_engines_wording_and_follows_the_error_style() {
    EMULATOR
        .server()
        .settings()
        .errorStyle(dev.transmitmock.server.config.ErrorStyle.TRANSMIT_REST);
    EMULATOR.server().nextToken(APP).error(400, "invalid_grant").install();

    Reply response = token();

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().has("error_code")).isTrue();
    assertThat(response.body()).contains("grant request is invalid");
  }

  @Test
  void a_failed_authentication_gets_its_401_and_does_not_consume_the_rule() {
    install("{\"clientId\":\"demo-app\",\"expiresIn\":7}");

    Reply refused = EMULATOR.http().token(APP, "wrong-secret");

    assertThat(refused.status()).isEqualTo(401);
    assertThat((EMULATOR.http().get(PATH)).json().get("rules")).hasSize(1);
    assertThat(token().json().get("expires_in").asLong()).isEqualTo(7);
  }

  @Test
  void a_request_refused_for_its_resource_does_not_consume_a_token_rule() {
    install("{\"clientId\":\"demo-app\",\"expiresIn\":7}");

    Reply refused = EMULATOR.http().token(APP, APP_SECRET, "https://not-a-resource.example");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(token().json().get("expires_in").asLong()).isEqualTo(7);
  }

  @Test
  void concurrent_requests_consume_an_n_shot_rule_exactly_n_times() throws Exception {
    install("{\"clientId\":\"demo-app\",\"times\":5,\"expiresIn\":7}");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Reply>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(NextTokenControlTest::token));
      }
      int shaped = 0;
      for (java.util.concurrent.Future<Reply> answer : answers) {
        Reply response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        if (response.json().get("expires_in").asLong() == 7) {
          shaped++;
        }
      }
      assertThat(shaped).isEqualTo(5);
      EMULATOR.server().journal().tokenRequests().shapedByNextTokenRule().verifyCount(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rules_are_per_client() {
    install("{\"clientId\":\"demo-app\",\"expiresIn\":7}");

    Reply admin = EMULATOR.http().token(ADMIN, ADMIN_SECRET);

    assertThat(admin.json().get("expires_in").asLong()).isEqualTo(3600);
    assertThat(token().json().get("expires_in").asLong()).isEqualTo(7);
  }

  @Test
  void rules_of_a_client_apply_in_the_order_installed() {
    install("{\"clientId\":\"demo-app\",\"expiresIn\":7}");
    install("{\"clientId\":\"demo-app\",\"error\":{\"error\":\"invalid_client\",\"status\":401}}");

    assertThat(token().json().get("expires_in").asLong()).isEqualTo(7);
    assertThat(token().status()).isEqualTo(401);
    assertThat(token().status()).isEqualTo(200);
  }

  @Test
  void the_journal_names_the_rule_that_shaped_each_answer() {
    String shapedBy = install("{\"clientId\":\"demo-app\",\"expiresIn\":7}").get("id").asText();
    String erroredBy =
        install("{\"clientId\":\"demo-app\",\"error\":{\"error\":\"server_error\",\"status\":500}}")
            .get("id")
            .asText();
    token();
    token();
    token();

    JsonNode entries =
        (EMULATOR.http().get("/_mock/journal?clientId=demo-app")).json().get("entries");
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).get("nextTokenRule").asText()).isEqualTo(shapedBy);
    assertThat(entries.get(0).get("outcome").asText()).isEqualTo("issued");
    assertThat(entries.get(1).get("nextTokenRule").asText()).isEqualTo(erroredBy);
    assertThat(entries.get(1).get("outcome").asText()).isEqualTo("injected");
    assertThat(entries.get(1).get("error").asText()).isEqualTo("server_error");
    assertThat(entries.get(1).get("errorDetail").asText()).contains(erroredBy);
    assertThat(entries.get(2).get("nextTokenRule").isNull()).isTrue();
    EMULATOR.server().journal().tokenRequests().shapedBy(shapedBy).issued().verifyOnce();
    EMULATOR.server().journal().tokenRequests().shapedByNextTokenRule().verifyCount(2);
    EMULATOR.server().journal().tokenRequests().injected().verifyOnce();
    // the test asked for the error: strict mode does not count it as a rejection
    EMULATOR.server().verifyNoRejectedRequests();
    assertThat((EMULATOR.http().get("/_mock/journal?outcome=injected")).json().get("entries"))
        .hasSize(1);
    assertThat((EMULATOR.http().get("/_mock/journal")).json().get("rejected").asInt()).isZero();
  }

  @Test
  void reset_and_delete_forget_pending_rules() {
    install("{\"clientId\":\"demo-app\",\"expiresIn\":7}");
    String second = install("{\"clientId\":\"demo-app\",\"expiresIn\":8}").get("id").asText();

    assertThat((EMULATOR.http().delete(PATH + "/" + second)).json().get("removed").asText())
        .isEqualTo(second);
    assertThat(EMULATOR.http().delete(PATH + "/" + second).status()).isEqualTo(404);
    assertThat((EMULATOR.http().delete(PATH)).json().get("cleared").asInt()).isEqualTo(1);

    install("{\"clientId\":\"demo-app\",\"expiresIn\":7}");
    EMULATOR.http().post("/_mock/reset", null);
    assertThat((EMULATOR.http().get(PATH)).json().get("rules")).isEmpty();
    assertThat(token().json().get("expires_in").asLong()).isEqualTo(3600);
  }

  @Test
  void the_java_builder_installs_the_same_rules() throws Exception {
    NextTokenRule rule =
        EMULATOR
            .server()
            .nextToken(APP)
            .times(2)
            .expiresIn(Duration.ofSeconds(9))
            .claim("roles", List.of("Admin"))
            .header("typ", "JWT")
            .omit("scope")
            .responseField("token_type", "bearer")
            .install();

    assertThat(EMULATOR.server().nextTokenRules().rules()).containsExactly(rule);
    assertThat(rule.describe()).contains("2 token responses of demo-app");
    Reply response = token();
    assertThat(response.json().get("expires_in").asLong()).isEqualTo(9);
    assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
    assertThat(jwt(response).getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(EMULATOR.server().nextTokenRules().rules().get(0).times()).isEqualTo(1);

    EMULATOR.server().nextTokenRules().clear();
    EMULATOR.server().nextToken(APP).defect(Defect.WRONG_ISSUER).install();
    assertThat(inspect(token()).firstReason()).contains(RejectionCategory.WRONG_ISSUER);
  }

  @Test
  void the_java_builder_refuses_what_makes_no_sense() {
    assertThatThrownBy(() -> EMULATOR.server().nextToken(APP).header("alg", "none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("header.alg:");
    assertThatThrownBy(() -> EMULATOR.server().nextToken("nobody").install())
        .hasMessageStartingWith("clientId:");
    assertThatThrownBy(
            () ->
                EMULATOR.server().nextToken(APP).error(400, "invalid_grant").omit("scope").build())
        .hasMessageContaining("cannot be combined with omit");
    assertThatThrownBy(() -> NextTokenRule.forClient(APP).install())
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|clientId",
        "{\"clientId\":\"nobody\"}|clientId",
        "{\"clientId\":\"demo-app\",\"times\":0}|times",
        "{\"clientId\":\"demo-app\",\"expiresIn\":-1}|expiresIn",
        "{\"clientId\":\"demo-app\",\"expiresIn\":\"soon\"}|expiresIn",
        "{\"clientId\":\"demo-app\",\"expiresIn\":9223372036854775807}|expiresIn",
        "{\"clientId\":\"demo-app\",\"header\":{\"alg\":\"none\"}}|header.alg",
        "{\"clientId\":\"demo-app\",\"header\":{\"crit\":[\"x\"]}}|header.crit",
        "{\"clientId\":\"demo-app\",\"header\":{\"b64\":false}}|header.b64",
        "{\"clientId\":\"demo-app\",\"header\":{\"jwk\":{}}}|header.jwk",
        "{\"clientId\":\"demo-app\",\"header\":{\"x5c\":[]}}|header.x5c",
        "{\"clientId\":\"demo-app\",\"omit\":[\"access_token\"]}|omit",
        "{\"clientId\":\"demo-app\",\"responseFields\":{\"access_token\":\"x\"}}|responseFields.access_token",
        "{\"clientId\":\"demo-app\",\"defect\":\"nope\"}|defect",
        "{\"clientId\":\"demo-app\",\"defect\":\"assertion-replay\"}|defect",
        "{\"clientId\":\"demo-app\",\"error\":{\"status\":200,\"error\":\"x\"}}|error.status",
        "{\"clientId\":\"demo-app\",\"error\":{\"status\":400}}|error.error",
        "{\"clientId\":\"demo-app\",\"error\":{\"error\":\"x\",\"nope\":1}}|error.nope",
        "{\"clientId\":\"demo-app\",\"error\":{\"error\":\"x\"},\"expiresIn\":5}|error",
        "{\"clientId\":\"demo-app\",\"colour\":\"red\"}|colour"
      })
  void bad_bodies_are_400_naming_the_field(String body, String field) {
    Reply response = EMULATOR.http().post(PATH, body);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(response.json().get("error_description").asText()).startsWith(field + ":");
    assertThat((EMULATOR.http().get(PATH)).json().get("rules")).isEmpty();
  }

  @Test
  void a_rule_listing_says_what_it_does() {
    install(
        "{\"clientId\":\"demo-app\",\"times\":3,\"claims\":{\"x\":1},\"omit\":[\"scope\"],"
            + "\"defect\":\"alg-none\"}");

    JsonNode rule = (EMULATOR.http().get(PATH)).json().get("rules").get(0);

    assertThat(rule.get("clientId").asText()).isEqualTo(APP);
    assertThat(rule.get("times").asInt()).isEqualTo(3);
    assertThat(rule.get("claims").get("x").asInt()).isEqualTo(1);
    assertThat(rule.get("omit").get(0).asText()).isEqualTo("scope");
    assertThat(rule.get("defect").asText()).isEqualTo("alg-none");
    assertThat(rule.get("description").asText())
        .isEqualTo(
            "next 3 token responses of demo-app: claims [x], without [scope], defect alg-none");
  }
}
