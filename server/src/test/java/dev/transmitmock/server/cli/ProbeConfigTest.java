package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --probe} resolves the same effective settings as the server (config file, inline config,
 * variables, flags): it probes HTTPS when they turn plain HTTP off. Emulators run in-process and
 * are probed over loopback.
 */
class ProbeConfigTest extends InProcessCliTest {
  @TempDir Path folder;

  final StringWriter probeOut = new StringWriter();
  final StringWriter probeErr = new StringWriter();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private Path configFile(String yaml) throws IOException {
    Path file = folder.resolve("transmit-mock.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** Runs {@code --probe} in a CLI of its own, as the HEALTHCHECK's separate process would. */
  private int probe(Map<String, String> probeEnv, String... args) {
    String[] withProbe = new String[args.length + 1];
    withProbe[0] = "--probe";
    System.arraycopy(args, 0, withProbe, 1, args.length);
    return new TransmitMockCli(
            probeEnv, new PrintWriter(probeOut, true), new PrintWriter(probeErr, true))
        .execute(withProbe);
  }

  @Test
  void probes_https_when_the_config_file_turns_plain_http_off() throws IOException {
    int httpsPort = freePort();
    Path config = configFile("tls:\n  httpEnabled: false\n  port: " + httpsPort + "\n");
    assertThat(run("--port", "0", "--config", config.toString())).as(err.toString()).isZero();
    assertThat(cli.server().baseUrl().getScheme()).isEqualTo("https");

    int exit = probe(Map.of(), "--config", config.toString());

    assertThat(exit).as(probeErr.toString()).isZero();
    assertThat(probeOut.toString()).contains("healthy: https://127.0.0.1:" + httpsPort + "/_mock/");
  }

  @Test
  void probes_https_when_the_config_named_by_the_environment_turns_plain_http_off()
      throws IOException {
    int httpsPort = freePort();
    Path config = configFile("tls: {httpEnabled: false, port: " + httpsPort + "}\n");
    env.put("TRANSMIT_MOCK_CONFIG", config.toString());
    assertThat(run("--port", "0")).as(err.toString()).isZero();

    int exit = probe(Map.of("TRANSMIT_MOCK_CONFIG", config.toString()));

    assertThat(exit).as(probeErr.toString()).isZero();
    assertThat(probeOut.toString()).contains("healthy: https://127.0.0.1:" + httpsPort);
  }

  @Test
  void probes_https_when_the_inline_config_turns_plain_http_off() throws IOException {
    int httpsPort = freePort();
    String inline = "{\"tls\": {\"httpEnabled\": false, \"port\": " + httpsPort + "}}";
    env.put("TRANSMIT_MOCK_CONFIG_INLINE", inline);
    env.put("TRANSMIT_MOCK_HOST", "127.0.0.1");
    assertThat(run("--port", "0")).as(err.toString()).isZero();

    Map<String, String> probeEnv = new HashMap<>(env);
    probeEnv.put("TRANSMIT_MOCK_PORT", "8080"); // closed on this emulator: HTTP is off
    assertThat(
            HealthProbe.tryFastPath(
                new String[] {"--probe"},
                probeEnv,
                new PrintWriter(probeOut, true),
                new PrintWriter(probeErr, true)))
        .as("a config variable leaves the probe to the full path")
        .isEmpty();

    int exit = probe(probeEnv);

    assertThat(exit).as(probeErr.toString()).isZero();
    assertThat(probeOut.toString()).contains("healthy: https://127.0.0.1:" + httpsPort);
  }

  @Test
  void probes_the_https_port_flag_when_the_config_turns_plain_http_off() throws IOException {
    int httpsPort = freePort();
    Path config = configFile("tls: {httpEnabled: false}\n");
    String port = String.valueOf(httpsPort);
    assertThat(run("--port", "0", "--config", config.toString(), "--https-port", port))
        .as(err.toString())
        .isZero();

    int exit = probe(Map.of(), "--config", config.toString(), "--https-port", port);

    assertThat(exit).as(probeErr.toString()).isZero();
    assertThat(probeOut.toString()).contains("healthy: https://127.0.0.1:" + httpsPort);
  }

  @Test
  void probes_plain_http_when_the_config_keeps_it_on_beside_https() throws IOException {
    Path config = configFile("tls: {port: 0}\n");
    assertThat(run("--port", "0", "--config", config.toString())).as(err.toString()).isZero();
    TransmitMockServer server = cli.server();
    assertThat(server.httpsEnabled()).isTrue();

    int exit = probe(Map.of(), "--config", config.toString(), "--port", "" + server.port());

    assertThat(exit).as(probeErr.toString()).isZero();
    assertThat(probeOut.toString()).contains("healthy: http://127.0.0.1:" + server.port());
  }

  @Test
  void a_bad_config_exits_2_naming_the_file_and_the_path() throws IOException {
    Path config = configFile("tls:\n  httpEnabled: sometimes\n");

    int exit = probe(Map.of(), "--config", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(probeErr.toString())
        .contains("configuration error: " + config + ": tls.httpEnabled")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(probeOut.toString()).isEmpty();
  }

  @Test
  void an_https_only_emulator_on_a_port_chosen_at_start_cannot_be_probed() throws IOException {
    Path config = configFile("tls: {httpEnabled: false, port: 0}\n");

    int exit = probe(Map.of(), "--config", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(probeErr.toString()).contains("HTTPS port 0").contains("give it a fixed one");
  }

  @Test
  void an_https_only_emulator_that_needs_client_certificates_fails_saying_why_and_what_to_do()
      throws IOException {
    int httpsPort = freePort();
    Map<String, String> tlsEnv =
        Map.of(
            "TRANSMIT_MOCK_HTTPS_PORT", String.valueOf(httpsPort),
            "TRANSMIT_MOCK_HTTP_ENABLED", "false",
            "TRANSMIT_MOCK_TLS_CLIENT_AUTH", "need");
    env.putAll(tlsEnv);
    assertThat(run("--port", "0")).as(err.toString()).isZero();

    int exit = probe(tlsEnv);

    assertThat(exit).isEqualTo(1);
    assertThat(probeErr.toString())
        .contains("unhealthy: https://127.0.0.1:" + httpsPort)
        .contains("requires a client certificate (client auth 'need')")
        .contains("TRANSMIT_MOCK_HTTP_ENABLED=true")
        .contains("TRANSMIT_MOCK_TLS_CLIENT_AUTH=want");
  }

  @Test
  void a_missing_https_only_emulator_is_unhealthy_without_the_client_certificate_hint()
      throws IOException {
    int httpsPort = freePort();
    Map<String, String> tlsEnv =
        Map.of(
            "TRANSMIT_MOCK_HTTPS_PORT", String.valueOf(httpsPort),
            "TRANSMIT_MOCK_HTTP_ENABLED", "false",
            "TRANSMIT_MOCK_TLS_CLIENT_AUTH", "need");

    int exit = probe(tlsEnv);

    assertThat(exit).isEqualTo(1);
    assertThat(probeErr.toString())
        .contains("unhealthy: https://127.0.0.1:" + httpsPort + "/_mock/health: ConnectException")
        .doesNotContain("client certificate");
  }
}
