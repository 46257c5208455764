package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.images.builder.Transferable;

/** What {@code configure()} turns the fluent state into; no Docker engine needed. */
class TransmitMockContainerConfigurationTest {

  @Test
  void without_any_setting_the_embedded_default_config_is_served() {
    TransmitMockContainer<?> mock = new TransmitMockContainer<>();
    mock.configure();

    assertThat(mock.getEnvMap()).isEmpty();
    assertThat(mock.configToCopy()).isEmpty();
    assertThat(mock.getExposedPorts()).containsExactly(TransmitMockContainer.PORT);
  }

  @Test
  void declared_clients_and_resources_become_a_config_file_with_undeclared_resources_added() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>()
            .withResource("https://api.orders.example", Duration.ofMinutes(5))
            .withClient("orders-svc", "orders-secret", "https://api.orders.example")
            .withClient(
                ClientDefinition.management("ops", "ops-secret")
                    .resources("https://api.billing.example")
                    .scopes("read")
                    .tokenLifetime(Duration.ofMinutes(1))
                    .build());
    mock.configure();

    assertThat(mock.getEnvMap())
        .containsEntry("TRANSMIT_MOCK_CONFIG", TransmitMockContainer.CONFIG_PATH);
    Map<String, Object> config = Json.parseObject(copiedConfig(mock));
    assertThat(config.get("resources"))
        .isEqualTo(
            List.of(
                Map.of("uri", "https://api.orders.example", "tokenLifetime", "PT5M"),
                Map.of("uri", "https://api.billing.example")));
    assertThat(config.get("clients"))
        .isEqualTo(
            List.of(
                Map.of(
                    "clientId", "orders-svc",
                    "clientSecret", "orders-secret",
                    "type", "app",
                    "resources", List.of("https://api.orders.example")),
                Map.of(
                    "clientId", "ops",
                    "clientSecret", "ops-secret",
                    "type", "management",
                    "resources", List.of("https://api.billing.example"),
                    "scopes", List.of("read"),
                    "tokenLifetime", "PT1M")));
  }

  @Test
  void issuer_lifetime_and_control_settings_become_environment_variables() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>()
            .withIssuer("https://api.eu.transmitsecurity.io/cis")
            .withTokenLifetime(Duration.ofMinutes(10))
            .withControlToken("let-me-in")
            .withoutControlApi();
    mock.configure();

    assertThat(mock.getEnvMap())
        .containsEntry("TRANSMIT_MOCK_ISSUER", "https://api.eu.transmitsecurity.io/cis")
        .containsEntry("TRANSMIT_MOCK_TOKEN_LIFETIME", "PT10M")
        .containsEntry("TRANSMIT_MOCK_CONTROL_TOKEN", "let-me-in")
        .containsEntry("TRANSMIT_MOCK_CONTROL_ENABLED", "false");
    assertThatThrownBy(mock::control)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withoutControlApi");
  }

  @Test
  void applications_public_clients_app_ids_and_grant_types_go_into_the_config_file() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>()
            .withApplication(
                ApplicationDefinition.builder("app-orders", "https://orders.app.example")
                    .jwksPath("/orders/jwks")
                    .globalKeyAcceptedFor(Duration.ofDays(7))
                    .build())
            .withClient(ClientDefinition.app("orders-svc", "s").appId("app-orders").build())
            .withClient(ClientDefinition.publicClient("spa").build())
            .withClient(ClientDefinition.app("web", "w").grantTypes("authorization_code").build());
    mock.configure();

    Map<String, Object> config = Json.parseObject(copiedConfig(mock));
    assertThat(config.get("applications"))
        .isEqualTo(
            List.of(
                Map.of(
                    "appId", "app-orders",
                    "issuer", "https://orders.app.example",
                    "jwksPath", "/orders/jwks",
                    "globalKeyAcceptedFor", "PT168H")));
    assertThat(config.get("clients"))
        .isEqualTo(
            List.of(
                Map.of(
                    "clientId", "orders-svc",
                    "clientSecret", "s",
                    "type", "app",
                    "appId", "app-orders"),
                Map.of("clientId", "spa", "type", "app", "tokenEndpointAuthMethod", "none"),
                Map.of(
                    "clientId", "web",
                    "clientSecret", "w",
                    "type", "app",
                    "grantTypes", List.of("authorization_code"))));
  }

  @Test
  void verbose_errors_become_an_environment_variable() {
    TransmitMockContainer<?> mock = new TransmitMockContainer<>().withVerboseErrors();
    mock.configure();

    assertThat(mock.getEnvMap()).containsEntry("TRANSMIT_MOCK_VERBOSE_ERRORS", "true");
  }

  @Test
  void a_public_client_with_client_credentials_or_a_bad_application_is_refused() {
    assertThatThrownBy(
            () -> ClientDefinition.publicClient("spa").grantTypes("client_credentials").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot use client_credentials");
    assertThatThrownBy(() -> ApplicationDefinition.builder("app x", "https://a.example").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appId 'app x'");
    assertThatThrownBy(() -> ApplicationDefinition.builder("app-x", "app-x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute URI");
    assertThatThrownBy(() -> new TransmitMockContainer<>().getApplicationJwksUri("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no application nope was declared");
  }

  @Test
  void a_config_text_is_copied_into_the_container() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>().withConfig("issuer: https://x.example\n");
    mock.configure();

    assertThat(copiedConfig(mock)).isEqualTo("issuer: https://x.example\n");
    assertThat(mock.getEnvMap())
        .containsEntry("TRANSMIT_MOCK_CONFIG", TransmitMockContainer.CONFIG_PATH);
  }

  @Test
  void a_config_file_and_declared_clients_cannot_be_mixed() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>()
            .withConfig("issuer: https://x.example\n")
            .withClient("orders-svc", "orders-secret");

    assertThatThrownBy(mock::configure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be combined with withConfig");
  }

  @Test
  void rejects_a_missing_config_file_and_bad_values_with_clear_messages() {
    TransmitMockContainer<?> mock = new TransmitMockContainer<>();

    assertThatThrownBy(() -> mock.withConfig(Path.of("/nonexistent/transmit-mock.yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> mock.withResource("relative/path"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute URI");
    assertThatThrownBy(() -> mock.withTokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> mock.withIssuer(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("issuer must not be null");
  }

  @Test
  void a_client_definition_never_shows_its_secret() {
    ClientDefinition client =
        ClientDefinition.app("orders-svc", "very-secret-value")
            .resources("https://a.example")
            .build();

    assertThat(client.toString()).contains("orders-svc").doesNotContain("very-secret-value");
  }

  private static String copiedConfig(TransmitMockContainer<?> mock) {
    Transferable copied = mock.configToCopy().orElseThrow();
    return new String(copied.getBytes(), StandardCharsets.UTF_8);
  }
}
