package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.ADMIN;
import static dev.transmitmock.server.testing.DemoConfig.ADMIN_SECRET;
import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  @Test
  void a_status_fault_answers_with_that_status_and_transmits_error_shape() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503));

    Reply response = EMULATOR.http().token(APP, APP_SECRET);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.json().get("error_code").asInt()).isEqualTo(503);
    assertThat(response.json().get("message").asText()).isEqualTo("Service unavailable");
  }

  @Test
  void a_500_fault_answers_with_transmits_documented_internal_error_body() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.JWKS).status(500));

    Reply response = EMULATOR.http().get(EMULATOR.server().jwksUri().getPath());

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body())
        .isEqualTo(
            "{\"message\":\"Something went wrong - Internal server error\",\"error_code\":500}");
  }

  @Test
  void a_429_fault_carries_the_retry_after_header_and_the_given_body() {
    EMULATOR
        .server()
        .faults()
        .add(
            FaultRule.on(Endpoint.TOKEN)
                .status(429)
                .header("Retry-After", "3")
                .body("{\"message\":\"slow down\",\"error_code\":429}"));

    Reply response = EMULATOR.http().token(APP, APP_SECRET);

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(response.body()).isEqualTo("{\"message\":\"slow down\",\"error_code\":429}");
  }

  @Test
  void a_delay_only_fault_delays_the_real_answer_by_at_least_the_delay() {
    EMULATOR.http().accessToken(APP, APP_SECRET); // warm up: keys generated, connection open
    EMULATOR
        .server()
        .faults()
        .add(FaultRule.on(Endpoint.TOKEN).delay(Duration.ofMillis(400)).times(1));

    long started = System.nanoTime();
    Reply response = EMULATOR.http().token(APP, APP_SECRET);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().has("access_token")).isTrue();
    assertThat(tookMillis).isGreaterThanOrEqualTo(400);
  }

  @Test
  void a_delay_with_a_status_waits_then_answers_the_status() {
    EMULATOR
        .server()
        .faults()
        .add(FaultRule.on(Endpoint.DISCOVERY).status(504).delay(Duration.ofMillis(300)));

    long started = System.nanoTime();
    Reply response = EMULATOR.http().get(EMULATOR.server().discoveryUri().getPath());

    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    assertThat(response.status()).isEqualTo(504);
  }

  @Test
  void a_dropped_connection_is_an_io_exception_for_a_real_client() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).dropConnection().times(1));

    assertThatThrownBy(() -> EMULATOR.http().sendRaw(EMULATOR.http().tokenRequest(APP, APP_SECRET)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(java.net.http.HttpTimeoutException.class);
  }

  @Test
  void a_dropped_jwks_connection_is_an_io_exception_for_a_real_client() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.JWKS).dropConnection());
    HttpRequest request =
        HttpRequest.newBuilder(EMULATOR.server().jwksUri()).timeout(Duration.ofSeconds(20)).build();

    assertThatThrownBy(() -> EMULATOR.http().sendRaw(request))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(java.net.http.HttpTimeoutException.class);
  }

  @Test
  void malformed_json_fails_to_parse_in_the_client() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).malformedJson());

    Reply response = EMULATOR.http().token(APP, APP_SECRET);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThatThrownBy(
            () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void a_fault_for_n_requests_then_lets_requests_through() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(2));

    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(503);
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(503);
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(200);
    assertThat(EMULATOR.server().faults().rules()).isEmpty();
  }

  @Test
  void a_fault_without_times_lasts_until_cleared() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503));
    for (int i = 0; i < 5; i++) {
      assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(503);
    }

    EMULATOR.server().faults().clear();

    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(200);
  }

  @Test
  void a_fault_for_one_client_leaves_other_clients_alone() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503).forClient(APP));

    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(503);
    assertThat(EMULATOR.http().token(ADMIN, ADMIN_SECRET).status()).isEqualTo(200);
  }

  @Test
  void a_fault_for_one_client_recognises_the_client_in_a_basic_header() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503).forClient(APP));

    assertThat(EMULATOR.http().tokenWithBasic(APP, APP_SECRET).status()).isEqualTo(503);
    assertThat(EMULATOR.http().tokenWithBasic(ADMIN, ADMIN_SECRET).status()).isEqualTo(200);
  }

  @Test
  void faulted_requests_are_journaled_as_faults_not_as_rejections() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));

    EMULATOR.http().token(APP, APP_SECRET);
    EMULATOR.http().token(APP, APP_SECRET);

    EMULATOR.server().journal().tokenRequests().forClient(APP).faulted().verifyOnce();
    EMULATOR.server().journal().tokenRequests().forClient(APP).issued().verifyOnce();
    assertThat(EMULATOR.server().rejectedRequests()).isEmpty();
    EMULATOR.server().verifyNoRejectedRequests();
  }

  @Test
  void faults_apply_to_introspection_and_revocation_too() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.INTROSPECTION).status(502));
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.REVOCATION).status(503));
    String form = "token=" + token + "&client_id=" + APP + "&client_secret=" + APP_SECRET;

    assertThat(
            EMULATOR
                .http()
                .postForm(EMULATOR.server().introspectionEndpoint().toString(), form)
                .status())
        .isEqualTo(502);
    assertThat(
            EMULATOR
                .http()
                .postForm(EMULATOR.server().revocationEndpoint().toString(), form)
                .status())
        .isEqualTo(503);
  }

  @Test
  void faults_never_apply_to_the_control_api() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).dropConnection());
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.JWKS).status(503));

    assertThat(EMULATOR.http().get("/_mock/faults").status()).isEqualTo(200);
    assertThat(EMULATOR.http().get("/_mock/health").status()).isEqualTo(200);
  }

  @Test
  void the_first_matching_rule_wins() {
    EMULATOR
        .server()
        .faults()
        .add(FaultRule.on(Endpoint.TOKEN).status(429).forClient(APP).times(1));
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));

    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(429);
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(503);
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(200);
  }

  @Test
  void a_senseless_rule_is_refused_with_a_reason() {
    assertThatThrownBy(() -> FaultRule.on(Endpoint.TOKEN).dropConnection().status(503).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("drop");
    assertThatThrownBy(() -> FaultRule.on(Endpoint.TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one of");
    assertThatThrownBy(() -> FaultRule.on(Endpoint.TOKEN).status(503).times(0).build())
        .hasMessageContaining("times");
  }

  // --- over HTTP ----------------------------------------------------------------------------

  @Test
  void http_a_posted_fault_applies_once_and_is_listed_until_used() {
    Reply created =
        EMULATOR
            .http()
            .post("/_mock/faults", "{\"endpoint\":\"token\",\"status\":503,\"times\":1}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode rule = created.json();
    assertThat(rule.get("id").asText()).startsWith("fault-");
    assertThat(EMULATOR.http().get("/_mock/faults").json().get("faults")).hasSize(1);
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(503);
    assertThat(EMULATOR.http().get("/_mock/faults").json().get("faults")).isEmpty();
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(200);
  }

  @Test
  void http_a_posted_fault_takes_headers_body_delay_and_client() {
    EMULATOR
        .http()
        .post(
            "/_mock/faults",
            "{\"endpoint\":\"token\",\"status\":429,\"headers\":{\"Retry-After\":\"7\"},"
                + "\"body\":{\"message\":\"Rate limit reached\",\"error_code\":429},"
                + "\"delay\":\"PT0.2S\",\"clientId\":\"demo-app\"}");

    long started = System.nanoTime();
    Reply faulted = EMULATOR.http().token(APP, APP_SECRET);

    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200);
    assertThat(faulted.status()).isEqualTo(429);
    assertThat(faulted.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(faulted.json().get("message").asText()).isEqualTo("Rate limit reached");
    assertThat(EMULATOR.http().token(ADMIN, ADMIN_SECRET).status()).isEqualTo(200);
  }

  @Test
  void http_drop_and_malformed_faults_reach_a_real_client() {
    EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"token\",\"drop\":true,\"times\":1}");
    EMULATOR
        .http()
        .post("/_mock/faults", "{\"endpoint\":\"token\",\"malformed\":true,\"times\":1}");

    assertThatThrownBy(() -> EMULATOR.http().sendRaw(EMULATOR.http().tokenRequest(APP, APP_SECRET)))
        .isInstanceOf(IOException.class);
    Reply malformed = EMULATOR.http().token(APP, APP_SECRET);
    assertThatThrownBy(
            () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(malformed.body()))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void http_delete_faults_clears_every_rule() {
    EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"jwks\",\"status\":503}");
    EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"discovery\",\"status\":503}");

    Reply cleared = EMULATOR.http().delete("/_mock/faults");

    assertThat(cleared.json().get("cleared").asInt()).isEqualTo(2);
    assertThat(EMULATOR.http().get(EMULATOR.server().jwksUri().getPath()).status()).isEqualTo(200);
    assertThat(EMULATOR.server().faults().rules()).isEmpty();
  }

  @Test
  void http_delete_of_one_fault_removes_it_and_an_unknown_id_is_404() {
    String id =
        EMULATOR
            .http()
            .post("/_mock/faults", "{\"endpoint\":\"jwks\",\"status\":503}")
            .json()
            .get("id")
            .asText();

    assertThat(EMULATOR.http().delete("/_mock/faults/" + id).status()).isEqualTo(200);
    Reply again = EMULATOR.http().delete("/_mock/faults/" + id);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void http_an_unknown_endpoint_is_a_400_naming_the_field() {
    Reply response =
        EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"userinfo\",\"status\":503}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(response.json().get("error_description").asText()).startsWith("endpoint:");
  }

  @Test
  void http_an_unknown_field_is_a_400_naming_the_field() {
    Reply response =
        EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"token\",\"statuss\":503}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText()).startsWith("statuss:");
  }

  @Test
  void http_a_wrongly_typed_or_out_of_range_value_is_a_400() {
    assertThat(EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"token\",\"status\":\"503\"}"))
        .satisfies(r -> assertThat(r.status()).isEqualTo(400))
        .satisfies(
            r -> assertThat(r.json().get("error_description").asText()).startsWith("status:"));
    assertThat(
            EMULATOR
                .http()
                .post("/_mock/faults", "{\"endpoint\":\"token\",\"status\":700}")
                .status())
        .isEqualTo(400);
    assertThat(EMULATOR.http().post("/_mock/faults", "{\"endpoint\":\"token\",\"delay\":\"2s\"}"))
        .satisfies(r -> assertThat(r.status()).isEqualTo(400))
        .satisfies(
            r -> assertThat(r.json().get("error_description").asText()).startsWith("delay:"));
    assertThat(EMULATOR.http().post("/_mock/faults", "not json").status()).isEqualTo(400);
    assertThat(EMULATOR.http().post("/_mock/faults", "{\"status\":503}"))
        .satisfies(
            r -> assertThat(r.json().get("error_description").asText()).startsWith("endpoint:"));
  }

  @Test
  void http_header_injection_and_informational_statuses_are_refused() {
    Reply newline =
        EMULATOR
            .http()
            .post(
                "/_mock/faults",
                "{\"endpoint\":\"token\",\"status\":503,\"headers\":{\"X-A\":\"a\\r\\nSet-Cookie: x\"}}");
    assertThat(newline.status()).isEqualTo(400);
    assertThat(newline.json().get("error_description").asText()).contains("X-A");

    assertThat(
            EMULATOR
                .http()
                .post("/_mock/faults", "{\"endpoint\":\"token\",\"status\":101}")
                .status())
        .isEqualTo(400);
    assertThat(EMULATOR.server().faults().rules()).isEmpty();
  }

  @Test
  void a_204_fault_answers_without_a_body() {
    EMULATOR.server().faults().add(FaultRule.on(Endpoint.TOKEN).status(204));

    Reply response = EMULATOR.http().token(APP, APP_SECRET);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }
}
