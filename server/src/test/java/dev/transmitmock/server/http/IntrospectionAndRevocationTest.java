package dev.transmitmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7662 introspection and RFC 7009 revocation, client-authenticated, over HTTP. */
class IntrospectionAndRevocationTest {
  TestEmulator emulator;

  @BeforeEach
  void start() {
    emulator = TestEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  Reply introspect(String token) {
    return emulator
        .http()
        .postForm(
            "/cis/oidc/token/introspection",
            Map.of("client_id", "demo-app", "client_secret", "demo-app-secret", "token", token));
  }

  Reply revoke(String clientId, String secret, String token) {
    return emulator
        .http()
        .postForm(
            "/oidc/token/revocation",
            Map.of("client_id", clientId, "client_secret", secret, "token", token));
  }

  @Test
  void reports_a_fresh_token_active_with_its_claims() {
    String token =
        emulator
            .http()
            .accessToken(
                "demo-app", "demo-app-secret", Map.of("resource", "https://api.example.test"));

    Reply reply = introspect(token);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("active").asBoolean()).isTrue();
    assertThat(body.get("client_id").asText()).isEqualTo("demo-app");
    assertThat(body.get("sub").asText()).isEqualTo("demo-app");
    assertThat(body.get("aud").asText()).isEqualTo("https://api.example.test");
    assertThat(body.get("iss").asText()).isEqualTo("https://userid.security");
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("exp").asLong() - body.get("iat").asLong()).isEqualTo(3600);
    assertThat(body.get("jti").asText()).hasSize(21);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30."})
  void reports_anything_else_inactive(String token) {
    JsonNode body = introspect(token).json();

    assertThat(body.get("active").asBoolean()).isFalse();
    assertThat(body.size()).isEqualTo(1);
  }

  @Test
  void reports_a_token_inactive_once_the_clock_passes_its_expiry() {
    String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());

    emulator.server().clock().advance(Duration.ofHours(1));

    assertThat(introspect(token).json().get("active").asBoolean()).isFalse();
  }

  @Test
  void reports_a_revoked_token_inactive() {
    String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());

    Reply revoked = revoke("demo-app", "demo-app-secret", token);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body()).isEmpty();
    assertThat(introspect(token).json().get("active").asBoolean()).isFalse();
  }

  @Test
  void answers_200_when_revoking_an_unknown_token() {
    assertThat(revoke("demo-app", "demo-app-secret", "not-a-token").status()).isEqualTo(200);
  }

  @Test
  void refuses_to_revoke_another_clients_token() {
    String token = emulator.http().accessToken("demo-admin", "demo-admin-secret", Map.of());

    Reply reply = revoke("demo-app", "demo-app-secret", token);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("this token does not belong to you");
    assertThat(introspect(token).json().get("active").asBoolean()).isTrue();
  }

  @Test
  void requires_client_authentication_for_introspection() {
    Reply reply =
        emulator
            .http()
            .postForm(
                "/oidc/token/introspection",
                Map.of("client_id", "demo-app", "client_secret", "wrong", "token", "x"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void requires_the_token_parameter() {
    Reply reply =
        emulator
            .http()
            .postForm(
                "/oidc/token/revocation",
                Map.of("client_id", "demo-app", "client_secret", "demo-app-secret"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("missing required parameter 'token'");
  }

  @Test
  void records_introspection_and_revocation_in_the_journal_without_the_token() {
    String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());
    introspect(token);
    revoke("demo-app", "demo-app-secret", token);

    assertThat(emulator.server().journal().entries())
        .extracting(e -> e.endpoint().wireName())
        .containsExactly("token", "introspection", "revocation");
    assertThat(emulator.server().journal().entries().toString()).doesNotContain(token);
  }
}
