package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.17: two guesses without a source, kept and configurable. Transmit's built-in
 * service resources are always allowed ({@code serviceResources}); the JWKS and discovery answer
 * under {@code /oidc} as well as the documented {@code /cis/oidc} ({@code metadataWithoutCis}).
 */
class GuessedPathsAndResourcesFidelityTest {
  private static final String RISK = "https://risk.identity.security";

  private static MockConfig.Builder config() {
    return MockConfig.builder().client(ClientConfig.builder("app").secret("s").build());
  }

  @Test
  void a_built_in_service_resource_is_allowed_to_every_client_by_default() {
    try (TestEmulator emulator = TestEmulator.start(config().build())) {
      Reply reply = emulator.http().token("app", "s", Map.of("resource", RISK));

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(
              TestEmulator.payload(reply.json().get("access_token").asText()).get("aud").asText())
          .isEqualTo(RISK);
    }
  }

  @Test
  void without_service_resources_a_built_in_one_is_an_unknown_target() {
    try (TestEmulator emulator = TestEmulator.start(config().serviceResources(List.of()).build())) {
      Reply reply = emulator.http().token("app", "s", Map.of("resource", RISK));

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error").asText()).isEqualTo("invalid_target");
    }
  }

  @Test
  void the_jwks_and_discovery_answer_without_cis_by_default() {
    try (TestEmulator emulator = TestEmulator.start(config().build())) {
      assertThat(emulator.http().get("/oidc/jwks", Map.of()).status()).isEqualTo(200);
      assertThat(emulator.http().get("/oidc/.well-known/openid-configuration", Map.of()).status())
          .isEqualTo(200);
    }
  }

  @Test
  void metadata_without_cis_off_serves_the_jwks_and_discovery_only_under_cis() {
    try (TestEmulator emulator = TestEmulator.start(config().metadataWithoutCis(false).build())) {
      assertThat(emulator.http().get("/oidc/jwks", Map.of()).status()).isEqualTo(404);
      assertThat(emulator.http().get("/oidc/.well-known/openid-configuration", Map.of()).status())
          .isEqualTo(404);
      assertThat(emulator.http().get("/cis/oidc/jwks", Map.of()).status()).isEqualTo(200);
      assertThat(emulator.http().token("app", "s", Map.of()).status()).isEqualTo(200);
    }
  }
}
