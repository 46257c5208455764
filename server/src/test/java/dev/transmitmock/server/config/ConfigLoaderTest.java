package dev.transmitmock.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.testing.TestEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
  @TempDir Path folder;

  static Path resource(String name) {
    try {
      return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void reads_the_issue_example_as_written() {
    MockConfig config = ConfigLoader.load(resource("issue-example.yaml"));

    assertThat(config.issuer()).isEqualTo("https://eu.userid.security");
    assertThat(config.tenantId()).isEqualTo("tnt-acceptance");
    assertThat(config.tokenLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(config.resources())
        .extracting(r -> r.uri().toString())
        .containsExactly("https://api.orders.example", "https://api.slow.example");
    assertThat(config.resources().get(1).tokenLifetime()).contains(Duration.ofMinutes(5));
    assertThat(config.clients())
        .extracting(ClientConfig::clientId)
        .containsExactly("orders-svc", "ops-admin", "instant");
    assertThat(config.clients().get(1).type()).isEqualTo(ClientType.MANAGEMENT);
    assertThat(config.clients().get(2).tokenLifetime()).contains(Duration.ZERO);
  }

  @Test
  void reads_the_fidelity_settings_of_issue_15() {
    MockConfig config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "verboseErrors: true",
                "scopes: [openid, orders]",
                "unknownScopePolicy: grant",
                "metadataWithoutCis: false",
                "alwaysIncludeScope: true",
                "resources:",
                "  - uri: https://api.orders.example",
                "    scopes: [orders:read]",
                "clients:",
                "  - clientId: web",
                "    clientSecret: s",
                "    grantTypes: [authorization_code, refresh_token]",
                "  - clientId: spa",
                "    tokenEndpointAuthMethod: none"),
            "fidelity.yaml");

    assertThat(config.verboseErrors()).isTrue();
    assertThat(config.scopes()).containsExactly("openid", "orders");
    assertThat(config.unknownScopePolicy()).isEqualTo(UnknownScopePolicy.GRANT);
    assertThat(config.metadataWithoutCis()).isFalse();
    assertThat(config.alwaysIncludeScope()).isTrue();
    assertThat(config.resources().get(0).scopes()).containsExactly("orders:read");
    assertThat(config.clients().get(0).grantTypes())
        .containsExactly("authorization_code", "refresh_token");
    assertThat(config.clients().get(1).grantTypes()).containsExactly("authorization_code");
  }

  @Test
  void the_fidelity_defaults_are_the_engines() {
    MockConfig config = ConfigLoader.parse("issuer: https://userid.security", "t.yaml");

    assertThat(config.verboseErrors()).isFalse();
    assertThat(config.alwaysIncludeScope()).isFalse();
    assertThat(config.unknownScopePolicy()).isEqualTo(UnknownScopePolicy.DROP);
    assertThat(config.scopes()).containsExactly("openid", "email", "phone", "offline_access");
    assertThat(config.metadataWithoutCis()).isTrue();
    assertThat(config.applications()).isEmpty();
  }

  @Test
  void serves_the_issue_example_over_http() throws Exception {
    try (TestEmulator emulator =
        TestEmulator.start(ConfigLoader.load(resource("issue-example.yaml")))) {
      String slow =
          emulator
              .http()
              .accessToken(
                  "orders-svc", "orders-secret", Map.of("resource", "https://api.slow.example"));
      var claims = emulator.verify(slow);
      assertThat(claims.getIssuer()).isEqualTo("https://eu.userid.security");
      assertThat(claims.getClaim("tid")).isEqualTo("tnt-acceptance");
      assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
          .isEqualTo(300_000);
      assertThat(
              emulator
                  .http()
                  .token("instant", "instant-secret", Map.of())
                  .json()
                  .get("expires_in")
                  .asLong())
          .isZero();
      assertThat(
              emulator
                  .verify(emulator.http().accessToken("ops-admin", "admin-secret", Map.of()))
                  .getStringListClaim("roles"))
          .containsExactly("Admin");
    }
  }

  @Test
  void reads_json_too() {
    MockConfig config =
        ConfigLoader.parse(
            "{\"issuer\":\"https://ca.userid.security\",\"clients\":[{\"clientId\":\"a\","
                + "\"clientSecret\":\"b\",\"claims\":{\"ts_roles\":[\"reader\"],\"level\":3}}]}",
            "inline.json");

    assertThat(config.issuer()).isEqualTo("https://ca.userid.security");
    assertThat(config.clients().get(0).claims())
        .containsEntry("ts_roles", java.util.List.of("reader"))
        .containsEntry("level", 3L);
  }

  @Test
  void derives_the_issuer_from_a_region() {
    assertThat(ConfigLoader.parse("region: AU", "x").issuer())
        .isEqualTo("https://au.userid.security");
    assertThat(ConfigLoader.parse("region: eu", "x").issuer())
        .isEqualTo("https://eu.userid.security");
  }

  @Test
  void generates_a_stable_tenant_id_when_none_is_given() {
    String first = ConfigLoader.parse("issuer: https://userid.security", "x").tenantId();
    String second = ConfigLoader.parse("issuer: https://userid.security", "x").tenantId();

    assertThat(first).hasSize(21).isEqualTo(second);
  }

  @Test
  void accepts_a_number_of_seconds_and_negative_durations() {
    MockConfig config =
        ConfigLoader.parse(
            "tokenLifetime: 90\nresources:\n  - uri: https://a.example\n    tokenLifetime: -PT5M",
            "x");

    assertThat(config.tokenLifetime()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.resources().get(0).tokenLifetime()).contains(Duration.ofMinutes(-5));
  }

  @Test
  void hides_secrets_from_to_string() {
    MockConfig config = ConfigLoader.load(resource("issue-example.yaml"));

    assertThat(config.toString()).doesNotContain("orders-secret", "admin-secret");
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(
            "tokenLifetme: PT1H",
            "tokenLifetme: unknown key 'tokenLifetme' (did you mean 'tokenLifetime'?)"),
        Arguments.of("issuer: not a uri", "issuer: not a valid URI: 'not a uri'"),
        Arguments.of("issuer: /relative", "issuer: not an absolute URI: '/relative'"),
        Arguments.of("tokenLifetime: an hour", "tokenLifetime: not an ISO-8601 duration"),
        Arguments.of("region: MARS", "region: 'MARS' is not one of US, EU, CA, AU"),
        Arguments.of("tokenTyp: jwt+at", "tokenTyp: 'jwt+at' is not one of at+jwt, JWT, none"),
        Arguments.of("errorStyle: xml", "errorStyle: 'xml' is not one of oauth, transmit-rest"),
        Arguments.of("journalCapacity: 0", "journalCapacity: must be at least 1, was 0"),
        Arguments.of(
            "journalCapacity: many",
            "journalCapacity: expected a whole number, found a text value"),
        Arguments.of("alwaysIncludeScope: maybe", "alwaysIncludeScope: expected true or false"),
        Arguments.of(
            "resources: https://a.example", "resources: expected a list, found a text value"),
        Arguments.of("resources:\n  - tokenLifetime: PT1M", "resources[0].uri: is required"),
        Arguments.of(
            "resources:\n  - uri: a.example", "resources[0].uri: not an absolute URI: 'a.example'"),
        Arguments.of(
            "resources:\n  - uri: https://a.example\n  - uri: https://a.example",
            "resources[1].uri: duplicate resource https://a.example"),
        Arguments.of("clients:\n  - clientSecret: s", "clients[0].clientId: is required"),
        Arguments.of("clients:\n  - clientId: a", "clients[0].clientSecret: is required"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    type: admin",
            "clients[0].type: 'admin' is not one of app, management"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    secret: x",
            "clients[0].secret: unknown key 'secret'"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n  - clientId: a\n    clientSecret: t",
            "clients[1].clientId: duplicate client id a"),
        Arguments.of(
            "resources:\n  - uri: https://a.example\nclients:\n  - clientId: a\n    clientSecret: s\n"
                + "    resources: [https://a.example, nope]",
            "clients[0].resources[1]: not an absolute URI: 'nope'"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    resources: [https://b.example]",
            "clients[0].resources[0]: resource https://b.example is not defined under resources"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    tokenLifetime: soon",
            "clients[0].tokenLifetime: not an ISO-8601 duration"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    claims: [x]",
            "clients[0].claims: expected a mapping, found a list"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    claims:\n      iss: https://evil",
            "clients[0].claims.iss: reserved claim"),
        Arguments.of(
            "clients:\n  - clientId: a\n    clientSecret: s\n    claims:\n      cnf: {}",
            "clients[0].claims.cnf: reserved claim"),
        Arguments.of(
            "keys:\n  - algorithm: HS256",
            "keys[0].algorithm: 'HS256' is not one of RS256, PS256, ES256"),
        Arguments.of(
            "keys:\n  - kid: a\n  - kid: b",
            "keys: exactly one key must be active (active: true), found 2"),
        Arguments.of(
            "keys:\n  - kid: a\n    pem: x\n    pemFile: y",
            "keys[0]: give either pemFile or pem, not both"),
        Arguments.of("issuer: [a", "line 1"),
        Arguments.of("issuer: a\nissuer: b", "not valid YAML or JSON"),
        Arguments.of("- just\n- a list", ": expected a mapping of keys, found a list"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badConfigs")
  void reports_bad_config_with_file_and_path(String yaml, String expected) throws IOException {
    Path file = folder.resolve("transmit-mock.yaml");
    Files.writeString(file, yaml);

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(expected);
  }

  @Test
  void reports_a_missing_file() {
    Path missing = folder.resolve("missing.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": config file not found");
  }

  @Test
  void never_echoes_a_secret_in_an_error() throws IOException {
    Path file = folder.resolve("secret.yaml");
    Files.writeString(
        file, "clients:\n  - clientId: a\n    clientSecret: hunter2-secret\n    tokenLifetime: x");

    assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageNotContaining("hunter2-secret");
  }

  @Test
  void resolves_relative_pem_files_against_the_config_folder() throws Exception {
    Files.writeString(folder.resolve("key.pem"), PemFixtures.pkcs8Rsa());
    Path file = folder.resolve("with-key.yaml");
    Files.writeString(file, "keys:\n  - kid: file-key\n    pemFile: key.pem\n");

    MockConfig config = ConfigLoader.load(file);

    assertThat(config.keys().get(0).pemFile()).contains(folder.resolve("key.pem"));
  }

  @Test
  void keeps_an_unassigned_resource_policy_and_service_resources() {
    MockConfig config =
        ConfigLoader.parse(
            "unassignedResourcePolicy: default-audience\nserviceResources: [https://x.example]\n"
                + "defaultAudience: my-api",
            "x");

    assertThat(config.unassignedResourcePolicy())
        .isEqualTo(UnassignedResourcePolicy.DEFAULT_AUDIENCE);
    assertThat(config.serviceResources()).containsExactly(URI.create("https://x.example"));
    assertThat(config.defaultAudience()).isEqualTo("my-api");
  }
}
