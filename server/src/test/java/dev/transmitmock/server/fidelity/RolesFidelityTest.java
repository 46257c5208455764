package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.testing.TestEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.16: the {@code roles} of a regular (non-management) client. Transmit's pages
 * disagree ({@code []} in the client access tokens example, {@code ["Admin"]} in the client roles
 * page); the emulator keeps {@code []}, and a client's {@code claims} can say otherwise.
 */
class RolesFidelityTest {
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        TestEmulator.start(
            MockConfig.builder()
                .client(ClientConfig.builder("app").secret("s").build())
                .client(
                    ClientConfig.builder("admin").secret("s").type(ClientType.MANAGEMENT).build())
                .client(
                    ClientConfig.builder("first-party")
                        .secret("s")
                        .claim("roles", List.of("Admin"))
                        .claim("ts_roles", List.of("reader"))
                        .build())
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static JsonNode claims(String clientId) {
    return TestEmulator.payload(emulator.http().accessToken(clientId, "s", Map.of()));
  }

  @Test
  void a_regular_client_has_empty_roles() {
    assertThat(claims("app").get("roles").isArray()).isTrue();
    assertThat(claims("app").get("roles")).isEmpty();
  }

  @Test
  void a_management_client_has_the_admin_role() {
    assertThat(claims("admin").get("roles")).extracting(JsonNode::asText).containsExactly("Admin");
  }

  @Test
  void a_regular_clients_roles_are_configurable_through_its_claims() {
    JsonNode claims = claims("first-party");

    assertThat(claims.get("roles")).extracting(JsonNode::asText).containsExactly("Admin");
    assertThat(claims.get("ts_roles")).extracting(JsonNode::asText).containsExactly("reader");
  }
}
