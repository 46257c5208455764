package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.protocol.AuthMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client entries sent to the emulator, with its field names; no Docker engine needed. */
class ClientDefinitionTest {

  private static final String JWKS = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}";

  @Test
  void a_private_key_jwt_client_carries_its_method_and_keys_and_no_secret() {
    ClientDefinition client =
        ClientDefinition.privateKeyJwt("reports-svc")
            .jwks(JWKS)
            .resources("https://api.orders.example")
            .build();

    assertThat(client.toConfig())
        .containsExactly(
            Map.entry("clientId", "reports-svc"),
            Map.entry("type", "app"),
            Map.entry("tokenEndpointAuthMethod", "private_key_jwt"),
            Map.entry("jwks", JWKS),
            Map.entry("resources", List.of("https://api.orders.example")));
    assertThat(client.clientSecret()).isEmpty();
    assertThat(client.toString()).contains("private_key_jwt").doesNotContain("AQAB");
  }

  @Test
  void mtls_clients_carry_the_emulators_field_names() {
    assertThat(
            ClientDefinition.tlsClientAuth("payments-svc")
                .subjectDn("CN=payments-svc,O=Acme")
                .type(ClientDefinition.Type.MANAGEMENT)
                .build()
                .toConfig())
        .containsEntry("tokenEndpointAuthMethod", "tls_client_auth")
        .containsEntry("tlsClientAuthSubjectDn", "CN=payments-svc,O=Acme")
        .containsEntry("type", "management")
        .doesNotContainKey("clientSecret");
    assertThat(ClientDefinition.tlsClientAuth("edge").sanDns("edge.example").build().toConfig())
        .containsEntry("tlsClientAuthSanDns", "edge.example");
    assertThat(
            ClientDefinition.selfSignedTlsClientAuth("edge-svc")
                .certificateThumbprints("abc_-123")
                .build()
                .toConfig())
        .containsEntry("tokenEndpointAuthMethod", "self_signed_tls_client_auth")
        .containsEntry("certificateThumbprints", List.of("abc_-123"));
  }

  @Test
  void certificate_bound_access_tokens_is_sent_only_when_set_and_defaults_per_method() {
    ClientDefinition bound =
        ClientDefinition.app("ledger-svc", "ledger-secret")
            .certificateBoundAccessTokens(true)
            .build();
    ClientDefinition unbound =
        ClientDefinition.tlsClientAuth("payments-svc")
            .subjectDn("CN=payments-svc")
            .certificateBoundAccessTokens(false)
            .build();

    assertThat(bound.toConfig()).containsEntry("certificateBoundAccessTokens", true);
    assertThat(bound.bindsTokens()).isTrue();
    assertThat(bound.toString())
        .contains("certificateBoundAccessTokens=true")
        .doesNotContain("ledger-secret");
    assertThat(unbound.toConfig()).containsEntry("certificateBoundAccessTokens", false);
    assertThat(unbound.bindsTokens()).isFalse();
    assertThat(ClientDefinition.app("a", "s").build().toConfig())
        .doesNotContainKey("certificateBoundAccessTokens");
    assertThat(ClientDefinition.app("a", "s").build().bindsTokens()).isFalse();
    assertThat(
            ClientDefinition.selfSignedTlsClientAuth("edge")
                .certificateThumbprints("abc")
                .build()
                .bindsTokens())
        .isTrue();
  }

  @Test
  void secret_clients_keep_the_default_method_implicit_and_can_be_post_only() {
    assertThat(ClientDefinition.app("a", "s").build().toConfig())
        .doesNotContainKey("tokenEndpointAuthMethod")
        .containsEntry("clientSecret", "s");
    assertThat(
            ClientDefinition.app("a", "s")
                .tokenEndpointAuthMethod(AuthMethod.CLIENT_SECRET_POST)
                .build()
                .toConfig())
        .containsEntry("tokenEndpointAuthMethod", "client_secret_post")
        .containsEntry("clientSecret", "s");
  }

  @Test
  void refuses_incomplete_or_mixed_authentication_with_the_emulators_wording() {
    assertThatThrownBy(() -> ClientDefinition.privateKeyJwt("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a private_key_jwt client needs exactly one of jwks, jwksUri or publicKeyPem");
    assertThatThrownBy(
            () ->
                ClientDefinition.privateKeyJwt("a")
                    .jwks(JWKS)
                    .jwksUri("https://keys.example/jwks")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of jwks");
    assertThatThrownBy(
            () -> ClientDefinition.tlsClientAuth("a").subjectDn("CN=a").sanDns("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a tls_client_auth client needs exactly one of");
    assertThatThrownBy(() -> ClientDefinition.selfSignedTlsClientAuth("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certificateThumbprints");
    assertThatThrownBy(() -> ClientDefinition.app("a", "s").jwks(JWKS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authenticates with its secret");
    assertThatThrownBy(() -> ClientDefinition.app("a", "").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-empty clientSecret");
    assertThatThrownBy(
            () ->
                ClientDefinition.app("a", "s").tokenEndpointAuthMethod(AuthMethod.PRIVATE_KEY_JWT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ClientDefinition.privateKeyJwt");
  }
}
