package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.7 and 13.8: node-oidc-provider reads only its own parameters ({@code
 * helpers/params.js}) and refuses only those when repeated ({@code shared/reject_dupes.js}: the
 * client-authentication ones before authenticating, then {@code grant_type}, then the grant's own
 * but {@code resource}); the same resource twice is one resource ({@code
 * shared/check_resource.js}).
 */
class DuplicateParameterFidelityTest {
  private static final String ORDERS = "https://api.orders.example";
  private static final String GOOD = "client_id=orders-svc&client_secret=orders-secret";
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        TestEmulator.start(
            MockConfig.builder()
                .resource(ResourceConfig.builder(ORDERS).build())
                .client(
                    ClientConfig.builder("orders-svc")
                        .secret("orders-secret")
                        .resources(ORDERS)
                        .build())
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Reply post(String path, String body) {
    return emulator.http().post(path, TestHttp.FORM, body, Map.of());
  }

  private static String description(Reply reply) {
    return reply.json().get("error_description").asText();
  }

  @Test
  void a_repeated_parameter_the_engine_does_not_read_is_ignored() {
    Reply reply = post("/oidc/token", "grant_type=client_credentials&foo=1&foo=2&" + GOOD);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void a_repeated_parameter_of_another_grant_is_ignored() {
    Reply reply = post("/oidc/token", "grant_type=client_credentials&code=a&code=b&" + GOOD);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void the_same_resource_twice_counts_as_one() {
    Reply reply =
        post(
            "/oidc/token",
            "grant_type=client_credentials&resource=https%3A%2F%2Fapi.orders.example"
                + "&resource=https%3A%2F%2Fapi.orders.example&"
                + GOOD);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(TestEmulator.payload(reply.json().get("access_token").asText()).get("aud").asText())
        .isEqualTo(ORDERS);
  }

  @Test
  void an_unknown_second_resource_is_refused_as_unknown_before_the_single_resource_rule() {
    Reply reply =
        post(
            "/oidc/token",
            "grant_type=client_credentials&resource=https%3A%2F%2Fapi.orders.example"
                + "&resource=https%3A%2F%2Fnope.example&"
                + GOOD);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(description(reply)).isEqualTo("resource indicator is missing, or unknown");
  }

  @Test
  void repeated_authentication_parameters_are_refused_together_before_authentication() {
    Reply reply =
        post(
            "/oidc/token",
            "grant_type=client_credentials&client_id=x&client_id=y&client_secret=a&client_secret=b");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(description(reply))
        .isEqualTo("'client_id' and 'client_secret' parameters must not be provided twice");
  }

  @Test
  void a_repeated_grant_type_is_refused_after_authentication() {
    Reply wrongSecret =
        post(
            "/oidc/token",
            "grant_type=client_credentials&grant_type=client_credentials"
                + "&client_id=orders-svc&client_secret=wrong");
    Reply rightSecret =
        post("/oidc/token", "grant_type=client_credentials&grant_type=client_credentials&" + GOOD);

    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(rightSecret.status()).isEqualTo(400);
    assertThat(description(rightSecret))
        .isEqualTo("'grant_type' parameter must not be provided twice");
  }

  @Test
  void a_repeated_scope_is_refused() {
    Reply reply = post("/oidc/token", "grant_type=client_credentials&scope=a&scope=b&" + GOOD);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(description(reply)).isEqualTo("'scope' parameter must not be provided twice");
  }

  @Test
  void introspection_refuses_a_repeated_token_and_ignores_other_repeats() {
    String token = emulator.http().accessToken("orders-svc", "orders-secret", Map.of());
    Reply twice =
        post("/oidc/token/introspection", "token=" + token + "&token=" + token + "&" + GOOD);
    Reply extra = post("/oidc/token/introspection", "token=" + token + "&x=1&x=2&" + GOOD);

    assertThat(twice.status()).isEqualTo(400);
    assertThat(description(twice)).isEqualTo("'token' parameter must not be provided twice");
    assertThat(extra.status()).isEqualTo(200);
    assertThat(extra.json().get("active").asBoolean()).isTrue();
  }

  @Test
  void revocation_refuses_a_repeated_token_type_hint() {
    Reply reply =
        post(
            "/oidc/token/revocation",
            "token=t&token_type_hint=access_token&token_type_hint=access_token&" + GOOD);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(description(reply))
        .isEqualTo("'token_type_hint' parameter must not be provided twice");
  }
}
