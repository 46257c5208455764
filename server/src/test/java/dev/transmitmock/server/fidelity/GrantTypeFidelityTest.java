package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.15: clients that may not use client credentials, public ({@code none}) clients
 * such as PKCE apps or clients whose grant types leave it out, get node-oidc-provider's 400 {@code
 * invalid_request} "requested grant type is not allowed for this client" ({@code actions/token.js},
 * {@code allowedGrantTypeCheck}: an {@code InvalidRequest}, as the facts file says).
 */
class GrantTypeFidelityTest {
  private static final String NOT_ALLOWED = "requested grant type is not allowed for this client";
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        TestEmulator.start(
            MockConfig.builder()
                .client(
                    ClientConfig.builder("spa")
                        .authentication(ClientAuthConfig.builder(AuthMethod.NONE).build())
                        .build())
                .client(
                    ClientConfig.builder("web-app")
                        .secret("web-secret")
                        .grantTypes("authorization_code", "refresh_token")
                        .build())
                .client(ClientConfig.builder("backend").secret("backend-secret").build())
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Reply post(String body) {
    return emulator.http().post("/oidc/token", TestHttp.FORM, body, Map.of());
  }

  @Test
  void a_public_client_cannot_use_client_credentials() {
    Reply reply = post("grant_type=client_credentials&client_id=spa");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(reply.json().get("error_description").asText()).isEqualTo(NOT_ALLOWED);
  }

  @Test
  void a_public_client_presenting_a_secret_fails_authentication_first() {
    Reply reply = post("grant_type=client_credentials&client_id=spa&client_secret=guess");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void a_client_whose_grant_types_leave_out_client_credentials_cannot_use_it() {
    Reply reply = post("grant_type=client_credentials&client_id=web-app&client_secret=web-secret");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText()).isEqualTo(NOT_ALLOWED);
    assertThat(emulator.server().journal().last().orElseThrow().errorDetail())
        .hasValue("the client's grantTypes are [authorization_code, refresh_token]");
  }

  @Test
  void a_client_credentials_client_cannot_use_another_transmit_grant() {
    Reply reply =
        post(
            "grant_type=refresh_token&refresh_token=x&client_id=backend&client_secret=backend-secret");

    assertThat(reply.json().get("error_description").asText()).isEqualTo(NOT_ALLOWED);
  }

  @Test
  void a_grant_the_client_has_but_the_emulator_does_not_serve_is_unsupported_with_a_reason() {
    Reply reply =
        post("grant_type=authorization_code&code=x&client_id=web-app&client_secret=web-secret");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(emulator.server().journal().last().orElseThrow().errorDetail())
        .hasValue("transmit-mock emulates only client_credentials, not authorization_code");
  }

  @Test
  void a_public_client_with_client_credentials_is_a_configuration_error() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: spa, tokenEndpointAuthMethod: none,"
                        + " grantTypes: [authorization_code, client_credentials]}]",
                    "t.yaml"))
        .hasMessageStartingWith("t.yaml: clients[0].grantTypes: ")
        .hasMessageContaining("cannot use client_credentials");
  }

  @Test
  void an_unknown_grant_type_in_the_configuration_is_an_error_naming_transmits() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: a, clientSecret: s, grantTypes: [implicit]}]", "t.yaml"))
        .hasMessageContaining("clients[0].grantTypes")
        .hasMessageContaining("client_credentials");
  }
}
