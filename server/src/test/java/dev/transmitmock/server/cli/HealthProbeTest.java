package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast {@code --probe} path that Docker's HEALTHCHECK runs without the full command-line
 * parser.
 */
class HealthProbeTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  java.util.OptionalInt fastPath(Map<String, String> env, String... args) {
    return HealthProbe.tryFastPath(
        args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void reports_a_running_emulator_healthy_on_the_fast_path() {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      assertThat(fastPath(Map.of(), "--probe", "--port", String.valueOf(server.port())))
          .hasValue(0);
      assertThat(fastPath(Map.of("TRANSMIT_MOCK_PORT", String.valueOf(server.port())), "--probe"))
          .hasValue(0);
      assertThat(fastPath(Map.of(), "--probe", "--host=127.0.0.1", "--port=" + server.port()))
          .hasValue(0);
      assertThat(out.toString()).contains("healthy: http://127.0.0.1:" + server.port());
    }
  }

  @Test
  void reports_a_missing_emulator_unhealthy() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }

    assertThat(fastPath(Map.of(), "--probe", "-p", String.valueOf(freePort))).hasValue(1);
    assertThat(err.toString()).contains("unhealthy: http://127.0.0.1:" + freePort);
  }

  @Test
  void leaves_anything_else_to_the_full_parser() {
    assertThat(fastPath(Map.of())).isEmpty();
    assertThat(fastPath(Map.of(), "--port", "8080")).isEmpty();
    assertThat(fastPath(Map.of(), "--probe", "--bogus")).isEmpty();
    assertThat(fastPath(Map.of(), "--probe", "--port", "eighty")).isEmpty();
    assertThat(fastPath(Map.of("TRANSMIT_MOCK_HTTP_ENABLED", "false"), "--probe")).isEmpty();
  }

  @Test
  void leaves_a_probe_whose_environment_names_a_config_to_the_full_path() {
    assertThat(fastPath(Map.of("TRANSMIT_MOCK_CONFIG", "/config/mock.yaml"), "--probe")).isEmpty();
    assertThat(fastPath(Map.of("TRANSMIT_MOCK_CONFIG_INLINE", "tls: {}"), "--probe")).isEmpty();
    assertThat(fastPath(Map.of("TRANSMIT_MOCK_HTTP_ENABLED", "true"), "--probe")).isEmpty();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void keeps_the_fast_path_when_https_runs_beside_plain_http() {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      Map<String, String> env =
          Map.of(
              "TRANSMIT_MOCK_HTTPS_PORT", "8443",
              "TRANSMIT_MOCK_TLS_CLIENT_AUTH", "need",
              "TRANSMIT_MOCK_PORT", String.valueOf(server.port()));

      assertThat(fastPath(env, "--probe")).hasValue(0);
      assertThat(out.toString()).contains("healthy: http://127.0.0.1:" + server.port());
    }
  }
}
