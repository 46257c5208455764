package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.9 and 13.10: node-oidc-provider's {@code shared/selective_body.js} reads at
 * most 56 KiB (400 "failed to parse the request body" beyond) and ignores the body of a request
 * without {@code Content-Type}. The control API keeps its own limit ({@code maxRequestBodyBytes},
 * 413).
 */
class RequestBodyFidelityTest {
  private static final String GOOD =
      "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret";
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** A good token request padded with an ignored parameter to exactly {@code size} bytes. */
  private static String paddedTo(int size) {
    String prefix = GOOD + "&padding=";
    return prefix + "x".repeat(size - prefix.length());
  }

  @Test
  void a_body_of_exactly_56_kib_is_read() {
    Reply reply = emulator.http().post("/oidc/token", TestHttp.FORM, paddedTo(56 * 1024), Map.of());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void a_body_one_byte_over_56_kib_fails_to_parse() {
    Reply reply =
        emulator.http().post("/oidc/token", TestHttp.FORM, paddedTo(56 * 1024 + 1), Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("failed to parse the request body");
  }

  @Test
  void introspection_and_revocation_have_the_same_limit() {
    String huge = "token=" + "x".repeat(60_000);

    Reply introspection =
        emulator.http().post("/oidc/token/introspection", TestHttp.FORM, huge, Map.of());
    Reply revocation =
        emulator.http().post("/cis/oidc/token/revocation", TestHttp.FORM, huge, Map.of());

    assertThat(introspection.json().get("error_description").asText())
        .isEqualTo("failed to parse the request body");
    assertThat(revocation.json().get("error_description").asText())
        .isEqualTo("failed to parse the request body");
  }

  @Test
  void a_request_without_content_type_is_read_as_an_empty_form() {
    Reply reply = emulator.http().post("/oidc/token", null, GOOD, Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("no client authentication mechanism provided");
  }

  @Test
  void a_request_without_content_type_but_with_basic_lacks_only_the_grant_type() {
    Reply reply =
        emulator
            .http()
            .post(
                "/oidc/token",
                null,
                GOOD,
                Map.of("Authorization", TestHttp.basic("demo-app", "demo-app-secret")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("missing required parameter 'grant_type'");
  }

  @Test
  void a_json_body_is_still_refused_for_its_content_type() {
    Reply reply = emulator.http().post("/oidc/token", "application/json", "{}", Map.of());

    assertThat(reply.json().get("error_description").asText())
        .isEqualTo(
            "only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
  }

  @Test
  void the_control_api_answers_413_beyond_its_own_limit() {
    String huge =
        "{\"clientId\":\"" + "x".repeat(MockConfig.DEFAULT_MAX_REQUEST_BODY_BYTES) + "\"}";

    Reply reply = emulator.http().post("/_mock/clients", "application/json", huge, Map.of());

    assertThat(reply.status()).isEqualTo(413);
  }

  @Test
  void the_control_api_takes_a_body_larger_than_the_engines_limit_below_its_own() {
    String registration =
        "{\"clientId\":\"big-svc\",\"clientSecret\":\"s\",\"claims\":{\"blob\":\""
            + "x".repeat(60_000)
            + "\"}}";

    Reply reply =
        emulator.http().post("/_mock/clients", "application/json", registration, Map.of());

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }
}
