package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlProtectionTest {
  private static final String CONTROL_TOKEN = "s3cret-control-token";

  /** Every control route: method, path, body. */
  private static final List<List<String>> ROUTES =
      List.of(
          List.of("GET", "/_mock/clock", ""),
          List.of("POST", "/_mock/clock", "{\"advance\":\"PT1H\"}"),
          List.of("DELETE", "/_mock/clock", ""),
          List.of("GET", "/_mock/journal", ""),
          List.of("DELETE", "/_mock/journal", ""),
          List.of("GET", "/_mock/faults", ""),
          List.of("POST", "/_mock/faults", "{\"endpoint\":\"token\",\"status\":503}"),
          List.of("DELETE", "/_mock/faults", ""),
          List.of("DELETE", "/_mock/faults/fault-1", ""),
          List.of("GET", "/_mock/keys", ""),
          List.of("POST", "/_mock/keys", "{}"),
          List.of("POST", "/_mock/keys/rotate", ""),
          List.of("POST", "/_mock/keys/some-kid/activate", ""),
          List.of("DELETE", "/_mock/keys/some-kid", ""),
          List.of("GET", "/_mock/clients", ""),
          List.of("POST", "/_mock/clients", "{\"clientId\":\"x\",\"clientSecret\":\"y\"}"),
          List.of("DELETE", "/_mock/clients/demo-app", ""),
          List.of("GET", "/_mock/resources", ""),
          List.of("POST", "/_mock/resources", "{\"uri\":\"https://x.example\"}"),
          List.of("DELETE", "/_mock/resources?uri=https%3A%2F%2Fapi.example.test", ""),
          List.of("GET", "/_mock/defects", ""),
          List.of("POST", "/_mock/tokens", "{\"defect\":\"expired\"}"),
          List.of("POST", "/_mock/tokens/inspect", "{\"token\":\"x\"}"),
          List.of("GET", "/_mock/openapi.json", ""),
          List.of("POST", "/_mock/reset", ""),
          List.of("GET", "/_mock/no-such-route", ""));

  private static Reply call(TestHttp http, List<String> route) {
    return http.send(route.get(0), route.get(1), route.get(2).isEmpty() ? null : route.get(2));
  }

  @Test
  void every_control_route_refuses_a_missing_bearer_token() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlToken(CONTROL_TOKEN).build().start()) {
      TestHttp http = TestHttp.to(server.baseUrl());
      for (List<String> route : ROUTES) {
        Reply response = call(http, route);
        assertThat(response.status()).as(route.toString()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      }
      assertThat(server.clock().offset()).isEqualTo(Duration.ZERO);
      assertThat(server.faults().rules()).isEmpty();
      assertThat(server.clients().client(APP)).isPresent();
      assertThat(server.keys().state().published()).hasSize(1);
    }
  }

  @Test
  void every_control_route_refuses_a_wrong_bearer_token() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlToken(CONTROL_TOKEN).build().start()) {
      TestHttp wrong = TestHttp.to(server.baseUrl()).withBearer(CONTROL_TOKEN + "x");
      TestHttp prefix = TestHttp.to(server.baseUrl()).withBearer("s3cret");
      for (List<String> route : ROUTES) {
        assertThat(call(wrong, route).status()).as(route.toString()).isEqualTo(401);
        assertThat(call(prefix, route).status()).as(route.toString()).isEqualTo(401);
      }
      assertThat(server.clock().offset()).isEqualTo(Duration.ZERO);
      assertThat(server.clients().client(APP)).isPresent();
    }
  }

  @Test
  void the_right_bearer_token_opens_every_control_route() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlToken(CONTROL_TOKEN).build().start()) {
      TestHttp http = TestHttp.to(server.baseUrl()).withBearer(CONTROL_TOKEN);
      for (List<String> route : ROUTES) {
        assertThat(call(http, route).status()).as(route.toString()).isNotEqualTo(401);
      }
      assertThat(http.post("/_mock/clock", "{\"advance\":\"PT1H\"}").status()).isEqualTo(200);
      assertThat(server.clock().offset()).isGreaterThan(Duration.ofMinutes(59));
    }
  }

  @Test
  void health_and_the_token_endpoint_never_need_the_control_token() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlToken(CONTROL_TOKEN).build().start()) {
      TestHttp http = TestHttp.to(server.baseUrl());

      assertThat(http.get("/_mock/health").status()).isEqualTo(200);
      assertThat(http.token(APP, APP_SECRET).status()).isEqualTo(200);
      assertThat(http.get(server.jwksUri().getPath()).status()).isEqualTo(200);
    }
  }

  @Test
  void a_disabled_control_api_answers_404_everywhere_but_health() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlApi(false).build().start()) {
      TestHttp http = TestHttp.to(server.baseUrl());
      for (List<String> route : ROUTES) {
        Reply response = call(http, route);
        assertThat(response.status()).as(route.toString()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("not_found");
      }
      assertThat(http.get("/_mock/health").status()).isEqualTo(200);
      assertThat(http.token(APP, APP_SECRET).status()).isEqualTo(200);
      assertThat(server.controlApiEnabled()).isFalse();
      assertThat(server.clients().client(APP)).isPresent();
    }
  }

  @Test
  void the_java_api_works_when_the_http_control_api_is_off() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlApi(false).build().start()) {
      server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));

      assertThat(TestHttp.to(server.baseUrl()).token(APP, APP_SECRET).status()).isEqualTo(503);
    }
  }

  @Test
  void no_spelling_of_a_control_path_gets_past_the_bearer_check() throws Exception {
    List<String> spellings =
        List.of(
            "/_mock/clock",
            "//_mock/clock",
            "/_mock//clock",
            "/_mock/clock/",
            "/_mock/./clock",
            "/x/../_mock/clock",
            "/%5Fmock/clock",
            "/%5fmock/clock",
            "/_mock/%63lock",
            "/_MOCK/clock",
            "/_mock;x=1/clock",
            "/_mock/clock;x=1",
            "/_mock/clock?x=1",
            "/_mock/clock%2F",
            "/_mock/clock%00",
            "/_mock/clock#x",
            "http://127.0.0.1/_mock/clock");
    List<String> authorizations =
        List.of(
            "",
            "Authorization: Bearer " + CONTROL_TOKEN + "x\r\n",
            "Authorization: Bearer  " + CONTROL_TOKEN.substring(1) + "\r\n",
            "Authorization: Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(CONTROL_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\r\n",
            "Authorization: " + CONTROL_TOKEN + "\r\n",
            "Authorization: Bearer\r\n",
            "Authorization: Bearer wrong\r\nAuthorization: Bearer " + CONTROL_TOKEN + "\r\n");
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlToken(CONTROL_TOKEN).build().start()) {
      for (String path : spellings) {
        for (String authorization : authorizations) {
          String body = "{\"advance\":\"PT1H\"}";
          byte[] request =
              ("POST "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + authorization
                      + "Content-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
          dev.transmitmock.server.hardening.RawHttp.Response response =
              dev.transmitmock.server.hardening.RawHttp.exchange(
                  server.port(), request, Duration.ofSeconds(30));
          assertThat(response.status()).as(path + " with " + authorization).isIn(400, 401, 404);
          assertThat(server.clock().offset())
              .as(path + " with " + authorization)
              .isEqualTo(Duration.ZERO);
        }
      }
    }
  }

  @Test
  void a_blank_control_token_is_refused() {
    assertThatThrownBy(() -> TransmitMockServer.builder().controlToken(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("controlToken");
  }
}
