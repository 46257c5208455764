package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.UnknownScopePolicy;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.5, 13.6 and 13.11: scopes in client credentials as node-oidc-provider grants
 * them ({@code actions/grants/client_credentials.js}, {@code shared/check_resource.js}): without a
 * resource only the tenant's scopes, with one only the resource's; others are dropped silently; no
 * {@code scope} in the response or the token when none was granted. Transmit's OpenAPI lists {@code
 * scope} as required: {@code alwaysIncludeScope} answers that way.
 */
class ScopeFidelityTest {
  private static final String ORDERS = "https://api.orders.example";
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start(config(MockConfig.builder()).build());
  }

  private static MockConfig.Builder config(MockConfig.Builder builder) {
    return builder
        .resource(ResourceConfig.builder(ORDERS).scopes("orders:read").build())
        .client(ClientConfig.builder("orders-svc").secret("s").resources(ORDERS).build())
        .client(ClientConfig.builder("openid-only").secret("s").scopes("openid").build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Reply token(TestEmulator target, String clientId, Map<String, String> extra) {
    return target.http().token(clientId, "s", extra);
  }

  private static JsonNode claims(Reply reply) {
    return TestEmulator.payload(reply.json().get("access_token").asText());
  }

  @Test
  void an_unknown_scope_is_dropped_silently_and_scope_is_absent() {
    Reply reply = token(emulator, "orders-svc", Map.of("scope", "orders:read"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().has("scope")).isFalse();
    assertThat(claims(reply).has("scope")).isFalse();
  }

  @Test
  void a_scope_the_tenant_knows_is_granted_without_a_resource() {
    Reply reply = token(emulator, "orders-svc", Map.of("scope", "openid orders:read"));

    assertThat(reply.json().get("scope").asText()).isEqualTo("openid");
    assertThat(claims(reply).get("scope").asText()).isEqualTo("openid");
  }

  @Test
  void with_a_resource_only_the_resources_scopes_are_granted() {
    Reply reply =
        token(emulator, "orders-svc", Map.of("scope", "openid orders:read", "resource", ORDERS));

    assertThat(reply.json().get("scope").asText()).isEqualTo("orders:read");
    assertThat(claims(reply).get("aud").asText()).isEqualTo(ORDERS);
  }

  @Test
  void a_client_restricted_to_some_scopes_is_refused_a_known_other_one() {
    Reply reply = token(emulator, "openid-only", Map.of("scope", "email"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_scope");
    assertThat(reply.json().get("scope").asText()).isEqualTo("email");
  }

  @Test
  void a_client_restricted_to_some_scopes_may_still_send_unknown_ones_which_are_dropped() {
    Reply reply = token(emulator, "openid-only", Map.of("scope", "openid anything:else"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("scope").asText()).isEqualTo("openid");
  }

  @Test
  void always_include_scope_answers_an_empty_scope_as_transmits_openapi_requires() {
    try (TestEmulator always =
        TestEmulator.start(config(MockConfig.builder()).alwaysIncludeScope(true).build())) {
      Reply reply = token(always, "orders-svc", Map.of());

      assertThat(reply.json().get("scope").asText()).isEmpty();
      assertThat(claims(reply).has("scope")).isFalse();
    }
  }

  @Test
  void the_grant_policy_grants_every_requested_scope() {
    try (TestEmulator granting =
        TestEmulator.start(
            config(MockConfig.builder()).unknownScopePolicy(UnknownScopePolicy.GRANT).build())) {
      Reply reply = token(granting, "orders-svc", Map.of("scope", "orders:read orders:write"));

      assertThat(reply.json().get("scope").asText()).isEqualTo("orders:read orders:write");
    }
  }

  @Test
  void the_tenants_scopes_are_configurable_and_listed_in_discovery() {
    try (TestEmulator custom =
        TestEmulator.start(
            config(MockConfig.builder()).scopes(java.util.List.of("openid", "orders")).build())) {
      Reply reply = token(custom, "orders-svc", Map.of("scope", "orders email"));
      JsonNode discovery =
          custom.http().get("/cis/oidc/.well-known/openid-configuration", Map.of()).json();

      assertThat(reply.json().get("scope").asText()).isEqualTo("orders");
      assertThat(discovery.get("scopes_supported"))
          .extracting(JsonNode::asText)
          .containsExactly("openid", "orders");
    }
  }

  /** 13.11, version-dependent: only 9.11.4 refuses a double space; the emulator keeps accepting. */
  @Test
  void a_scope_with_a_double_space_is_accepted_as_before_9_11_4() {
    Reply reply = token(emulator, "orders-svc", Map.of("scope", "openid  email"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("scope").asText()).isEqualTo("openid email");
  }
}
