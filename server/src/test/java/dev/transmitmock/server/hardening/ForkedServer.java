package dev.transmitmock.server.hardening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's command line in its own JVM (the test class path, main class {@code
 * TransmitMockCli}), so that its resident memory can be read from {@code /proc/<pid>/status} and
 * its logs captured whole.
 */
final class ForkedServer implements AutoCloseable {
  private static final Pattern TOKEN_ENDPOINT =
      Pattern.compile("token endpoint:\\s+http://127\\.0\\.0\\.1:(\\d+)/oidc/token");

  private final Process process;
  private final Path output;
  private final int port;

  private ForkedServer(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** Starts the CLI with these JVM options and arguments, and waits for its banner. */
  static ForkedServer start(List<String> jvmOptions, List<String> args, Path output)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.transmitmock.server.cli.TransmitMockCli");
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Matcher matcher = TOKEN_ENDPOINT.matcher(text);
      if (matcher.find()) {
        return new ForkedServer(process, output, Integer.parseInt(matcher.group(1)));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited early:\n" + text);
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the server did not start in 120 s");
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** The resident set size in KiB, from {@code /proc/<pid>/status}. */
  long rssKib() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(Path.of("/proc", Long.toString(pid()), "status")),
                StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid());
  }

  /** Everything the server printed so far. */
  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
