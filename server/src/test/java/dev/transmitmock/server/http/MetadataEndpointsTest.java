package dev.transmitmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JWKS and discovery, under both prefixes. */
class MetadataEndpointsTest {
  static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cis/oidc/jwks", "/oidc/jwks"})
  void serves_only_public_keys_in_the_jwks(String path) throws Exception {
    Reply reply = emulator.http().get(path, Map.of());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    JWKSet keys = JWKSet.parse(reply.body());
    assertThat(keys.getKeys()).hasSize(1);
    assertThat(keys.getKeys().get(0).isPrivate()).isFalse();
    assertThat(reply.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"qi\"");
    JsonNode key = reply.json().get("keys").get(0);
    assertThat(key.get("kty").asText()).isEqualTo("RSA");
    assertThat(key.get("use").asText()).isEqualTo("sig");
    assertThat(key.get("alg").asText()).isEqualTo("RS256");
    assertThat(key.get("kid").asText()).isNotBlank();
  }

  @Test
  void serves_openid_metadata_with_every_required_member() {
    Reply reply = emulator.http().get("/cis/oidc/.well-known/openid-configuration", Map.of());

    assertThat(reply.status()).isEqualTo(200);
    JsonNode json = reply.json();
    String base = emulator.server().baseUrl().toString();
    assertThat(json.get("issuer").asText()).isEqualTo("https://userid.security");
    assertThat(json.get("token_endpoint").asText()).isEqualTo(base + "/cis/oidc/token");
    assertThat(json.get("jwks_uri").asText()).isEqualTo(base + "/cis/oidc/jwks");
    assertThat(json.get("introspection_endpoint").asText())
        .isEqualTo(base + "/cis/oidc/token/introspection");
    assertThat(json.get("revocation_endpoint").asText())
        .isEqualTo(base + "/cis/oidc/token/revocation");
    // OpenID Connect Discovery 1.0 section 3: required provider metadata
    assertThat(json.get("response_types_supported").isArray()).isTrue();
    assertThat(json.get("subject_types_supported").isArray()).isTrue();
    assertThat(json.get("grant_types_supported").toString()).contains("client_credentials");
    assertThat(json.get("token_endpoint_auth_methods_supported").toString())
        .contains("client_secret_basic", "client_secret_post");
    assertThat(json.get("id_token_signing_alg_values_supported").toString()).contains("RS256");
  }

  @Test
  void lists_endpoints_under_the_prefix_it_was_asked_for() {
    JsonNode json = emulator.http().get("/oidc/.well-known/openid-configuration", Map.of()).json();

    assertThat(json.get("token_endpoint").asText())
        .isEqualTo(emulator.server().baseUrl() + "/oidc/token");
    assertThat(json.get("jwks_uri").asText()).isEqualTo(emulator.server().baseUrl() + "/oidc/jwks");
  }

  @Test
  void honours_x_forwarded_proto_and_host() {
    JsonNode json =
        emulator
            .http()
            .get(
                "/cis/oidc/.well-known/openid-configuration",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "idp.example.test"))
            .json();

    assertThat(json.get("token_endpoint").asText())
        .isEqualTo("https://idp.example.test/cis/oidc/token");
  }

  @Test
  void ignores_a_forwarded_host_that_could_break_urls() {
    JsonNode json =
        emulator
            .http()
            .get(
                "/cis/oidc/.well-known/openid-configuration",
                Map.of("X-Forwarded-Host", "evil.example/\"><script>"))
            .json();

    assertThat(json.get("token_endpoint").asText())
        .isEqualTo(emulator.server().baseUrl() + "/cis/oidc/token");
  }

  @Test
  void prefers_a_configured_public_base_url() {
    try (TestEmulator proxied =
        TestEmulator.start(
            ConfigLoader.embeddedDefault().toBuilder()
                .publicBaseUrl(URI.create("https://mock.example.test/"))
                .build())) {
      JsonNode json =
          proxied
              .http()
              .get(
                  "/cis/oidc/.well-known/openid-configuration",
                  Map.of("X-Forwarded-Host", "ignored.example"))
              .json();

      assertThat(json.get("jwks_uri").asText())
          .isEqualTo("https://mock.example.test/cis/oidc/jwks");
    }
  }

  @Test
  void reports_health_for_probes() {
    Reply reply = emulator.http().get("/_mock/health", Map.of());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("UP");
  }
}
