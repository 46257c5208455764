package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with a controlled environment. */
class TransmitMockCliTest extends InProcessCliTest {
  @TempDir Path folder;

  @Test
  void starts_the_embedded_default_and_prints_endpoints_credentials_and_a_curl_command()
      throws Exception {
    int exit = run("--port", "0");

    assertThat(exit).isZero();
    TransmitMockServer server = cli.server();
    assertThat(out.toString())
        .contains("token endpoint:  " + server.tokenEndpoint())
        .contains("JWKS:            " + server.jwksUri())
        .contains("demo-app / demo-app-secret (app)")
        .contains("demo-admin / demo-admin-secret (management)")
        .contains("curl --location --request POST '" + server.tokenEndpoint() + "'");
    assertThat(TestHttp.to(server.baseUrl()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }

  @Test
  void never_prints_secrets_of_a_user_config() throws IOException {
    Path config = folder.resolve("c.yaml");
    Files.writeString(config, "clients:\n  - clientId: svc\n    clientSecret: do-not-print-me\n");

    assertThat(run("--port", "0", "--config", config.toString())).isZero();

    assertThat(out.toString()).contains("svc (app)").doesNotContain("do-not-print-me");
  }

  @Test
  void exits_2_with_usage_for_an_unknown_flag() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage:");
  }

  @Test
  void exits_2_for_a_port_that_is_not_a_number() {
    assertThat(run("--port", "eighty")).isEqualTo(2);
    assertThat(err.toString()).contains("--port");
  }

  @Test
  void exits_2_for_a_port_out_of_range() {
    assertThat(run("--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port: must be between 0 and 65535, was 70000");
  }

  @Test
  void exits_2_naming_file_and_path_for_a_bad_config() throws IOException {
    Path config = folder.resolve("bad.yaml");
    Files.writeString(
        config,
        "resources:\n  - uri: https://a.example\nclients:\n  - clientId: a\n    clientSecret: s\n"
            + "  - clientId: b\n    clientSecret: s\n  - clientId: c\n    clientSecret: s\n"
            + "    resources: [not-absolute]\n");

    assertThat(run("--port", "0", "--config", config.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains(config + ": clients[2].resources[0]: not an absolute URI: 'not-absolute'");
  }

  @Test
  void exits_2_for_a_missing_config_file() {
    assertThat(run("--config", folder.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml: config file not found");
  }

  @Test
  void exits_2_naming_the_config_file_for_an_unusable_key() throws IOException {
    Path config = folder.resolve("key.yaml");
    Files.writeString(config, "keys:\n  - kid: k\n    pem: not a pem\n");

    assertThat(run("--port", "0", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(config + ": keys[0].pem: no PEM private key found");
  }

  @Test
  void reads_the_config_file_named_by_the_environment() throws IOException {
    Path config = folder.resolve("env.yaml");
    Files.writeString(config, "issuer: https://ca.userid.security\n");
    env.put("TRANSMIT_MOCK_CONFIG", config.toString());
    env.put("TRANSMIT_MOCK_PORT", "0");

    assertThat(run()).isZero();
    assertThat(cli.server().issuer()).isEqualTo("https://ca.userid.security");
  }

  @Test
  void reads_inline_config_and_scalar_overrides_from_the_environment() {
    env.put("TRANSMIT_MOCK_CONFIG_INLINE", "clients:\n  - clientId: a\n    clientSecret: s\n");
    env.put("TRANSMIT_MOCK_REGION", "AU");
    env.put("TRANSMIT_MOCK_TENANT_ID", "tnt-env");
    env.put("TRANSMIT_MOCK_TOKEN_LIFETIME", "PT5M");
    env.put("TRANSMIT_MOCK_TOKEN_TYP", "JWT");
    env.put("TRANSMIT_MOCK_ERROR_STYLE", "transmit-rest");
    env.put("TRANSMIT_MOCK_PUBLIC_BASE_URL", "https://mock.example.test");
    env.put("TRANSMIT_MOCK_VERBOSE_ERRORS", "true");

    assertThat(run("--port", "0")).isZero();

    var config = cli.server().config();
    assertThat(config.issuer()).isEqualTo("https://au.userid.security");
    assertThat(config.tenantId()).isEqualTo("tnt-env");
    assertThat(config.tokenLifetime()).hasMinutes(5);
    assertThat(config.tokenTyp().configName()).isEqualTo("JWT");
    assertThat(config.errorStyle().configName()).isEqualTo("transmit-rest");
    assertThat(config.publicBaseUrl()).contains(URI.create("https://mock.example.test"));
    assertThat(config.verboseErrors()).isTrue();
    assertThat(config.clients()).hasSize(1);
  }

  @Test
  void prints_the_jwks_of_each_app_with_its_own_signing_keys() throws IOException {
    Path config = folder.resolve("apps.yaml");
    Files.writeString(
        config,
        "applications:\n  - appId: app-orders\n    issuer: https://orders.app.transmitsecurity.io\n");

    assertThat(run("--port", "0", "--config", config.toString())).isZero();

    assertThat(out.toString())
        .contains(
            "app-orders (issuer https://orders.app.transmitsecurity.io) JWKS "
                + cli.server().applicationJwksUri("app-orders"));
  }

  @Test
  void exits_2_for_an_unknown_environment_variable() {
    env.put("TRANSMIT_MOCK_ISSUR", "https://x.example");

    assertThat(run("--port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown variable TRANSMIT_MOCK_ISSUR");
  }

  @Test
  void exits_2_naming_the_variable_for_a_bad_override() {
    env.put("TRANSMIT_MOCK_TOKEN_LIFETIME", "forever");

    assertThat(run("--port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("TRANSMIT_MOCK_TOKEN_LIFETIME: not an ISO-8601 duration");
  }

  @Test
  void exits_1_when_the_port_is_taken() throws IOException {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(run("--port", String.valueOf(socket.getLocalPort()))).isEqualTo(1);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + socket.getLocalPort());
    }
  }

  @Test
  void probes_a_running_emulator_healthy_and_a_missing_one_unhealthy() throws IOException {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      assertThat(run("--probe", "--port", String.valueOf(server.port()))).isZero();
    }
    int freePort;
    try (var socket = new java.net.ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    assertThat(run("--probe", "--port", String.valueOf(freePort))).isEqualTo(1);
  }

  @Test
  void prints_help_and_exits_0() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--config=FILE", "--port=PORT", "Exit codes:");
  }

  @Test
  void prints_the_version_and_exits_0() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("transmit-mock-server ");
  }

  @Test
  void help_lists_every_option_with_its_description() {
    assertThat(run("-h")).isZero();
    for (CommandLineOptions.Spec spec : CommandLineOptions.ALL) {
      assertThat(out.toString()).contains(spec.longName());
    }
    assertThat(out.toString()).contains("TRANSMIT_MOCK_CONTROL_TOKEN", "2   bad command line");
  }

  @Test
  void takes_values_after_an_equals_sign_too() throws Exception {
    assertThat(run("--port=0", "--host=127.0.0.1")).isZero();
    assertThat(cli.server().port()).isPositive();
  }

  @Test
  void exits_2_for_an_option_without_its_value() {
    assertThat(run("--config")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Missing required parameter for option '--config' (FILE)")
        .contains("Usage:");
  }

  @Test
  void exits_2_for_an_option_given_twice() {
    assertThat(run("--port", "0", "-p", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("option '--port' should be given only once");
  }

  @Test
  void exits_2_for_a_positional_argument() {
    assertThat(run("config.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument: 'config.yaml'");
  }

  @Test
  void exits_2_for_a_value_given_to_a_flag() {
    assertThat(run("--probe=yes")).isEqualTo(2);
    assertThat(err.toString()).contains("option '--probe' takes no value");
  }
}
