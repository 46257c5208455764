package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar transmit-mock-server.jar --probe} as Docker's HEALTHCHECK runs it: a process of
 * its own, from the packaged jar, against an emulator listening on loopback.
 */
class HealthProbeIT {
  private static final long PROBE_TIMEOUT_SECONDS = 60;

  /** Classes the fast path must not load: the config parser, YAML/JSON and the server. */
  private static final List<String> HEAVY_CLASSES =
      List.of(
          "com.fasterxml.jackson.",
          "org.yaml.snakeyaml.",
          "org.eclipse.jetty.",
          "io.javalin.",
          "dev.transmitmock.server.config.ConfigLoader ",
          "dev.transmitmock.server.TransmitMockServer ");

  private final Path jar = Path.of(System.getProperty("transmit.mock.jar"));
  @TempDir Path folder;
  private TransmitMockCli served;

  /** What a probe process printed, and its exit code. */
  record Probe(int exit, String output) {}

  @AfterEach
  void stop() {
    if (served != null && served.server() != null) {
      served.server().stop();
    }
  }

  private Probe probe(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info");
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("TRANSMIT_MOCK_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    return new Probe(process.exitValue(), output);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void serve(Map<String, String> env, String... args) {
    StringWriter err = new StringWriter();
    served =
        new TransmitMockCli(
            new HashMap<>(env), new PrintWriter(new StringWriter(), true), new PrintWriter(err));
    assertThat(served.execute(args)).as(err.toString()).isZero();
  }

  @Test
  void the_fast_path_probes_plain_http_without_loading_the_config_parser_or_the_server()
      throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      Probe probe =
          probe(
              Map.of("TRANSMIT_MOCK_HTTPS_PORT", "8443"), "--probe", "--port", "" + server.port());

      assertThat(probe.exit()).as(probe.output()).isZero();
      assertThat(probe.output()).contains("healthy: http://127.0.0.1:" + server.port());
      assertThat(probe.output().lines().filter(line -> line.contains("[class,load]")))
          .as("classes loaded by the fast path")
          .isNotEmpty()
          .noneMatch(line -> HEAVY_CLASSES.stream().anyMatch(line::contains));
    }
  }

  @Test
  void a_probe_process_follows_a_config_file_that_serves_https_only() throws Exception {
    int httpsPort = freePort();
    Path config = folder.resolve("https-only.yaml");
    Files.writeString(config, "tls:\n  httpEnabled: false\n  port: " + httpsPort + "\n");
    serve(Map.of(), "--port", "0", "--config", config.toString());

    Probe byVariable = probe(Map.of("TRANSMIT_MOCK_CONFIG", config.toString()), "--probe");
    Probe byFlag = probe(Map.of(), "--probe", "--config", config.toString());

    assertThat(byVariable.exit()).as(byVariable.output()).isZero();
    assertThat(byVariable.output()).contains("healthy: https://127.0.0.1:" + httpsPort);
    assertThat(byFlag.exit()).as(byFlag.output()).isZero();
    assertThat(byFlag.output()).contains("healthy: https://127.0.0.1:" + httpsPort);
  }

  @Test
  void a_probe_process_with_a_bad_config_exits_2_naming_the_file_and_path() throws Exception {
    Path config = folder.resolve("bad.yaml");
    Files.writeString(config, "tls:\n  port: eighty\n");

    Probe probe = probe(Map.of("TRANSMIT_MOCK_CONFIG", config.toString()), "--probe");

    assertThat(probe.exit()).isEqualTo(2);
    assertThat(probe.output())
        .contains("transmit-mock: configuration error: " + config + ": tls.port")
        .doesNotContain("\tat ");
  }
}
