package dev.transmitmock.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedDefaultConfigTest {

  @Test
  void the_config_built_in_code_equals_the_yaml_document_shipped_in_the_jar() {
    MockConfig fromYaml =
        ConfigLoader.parse(ConfigLoader.embeddedDefaultText(), "embedded default config");

    assertThat(EmbeddedDefaultConfig.config()).isEqualTo(fromYaml);
  }

  @Test
  void the_embedded_default_has_the_documented_demo_clients() {
    MockConfig config = EmbeddedDefaultConfig.config();

    assertThat(config.tenantId()).isEqualTo("tnt-demo");
    assertThat(config.clients())
        .extracting(ClientConfig::clientId, ClientConfig::clientSecret, ClientConfig::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("demo-app", "demo-app-secret", ClientType.APP),
            org.assertj.core.groups.Tuple.tuple(
                "demo-admin", "demo-admin-secret", ClientType.MANAGEMENT));
    assertThat(config.clients().get(0).resources())
        .containsExactly(java.net.URI.create("https://api.example.test"));
  }
}
