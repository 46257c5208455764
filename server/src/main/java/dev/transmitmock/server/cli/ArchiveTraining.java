package dev.transmitmock.server.cli;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The training run behind the jar's class-data-sharing archive ({@code transmit-mock-server.jsa},
 * made by the build): starts the emulator through the same command-line path as {@code java -jar},
 * on the embedded default config and a free loopback port, sends the requests a first user sends (a
 * token, a refused token, JWKS, discovery, introspection, revocation, health), stops and exits. The
 * JVM records every class it loaded on the way out. Before that it reads a configuration file the
 * way {@code --config} does (the embedded default, written as YAML to a temporary file), so the
 * YAML parser and the configuration reader come from the archive too: without them a start with a
 * config file took about 0.3 s longer than one on the embedded default.
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=target/transmit-mock-server.jsa \
 *     -cp target/transmit-mock-server.jar dev.transmitmock.server.cli.ArchiveTraining
 * java -XX:SharedArchiveFile=target/transmit-mock-server.jsa -jar target/transmit-mock-server.jar
 * }</pre>
 *
 * <p>Exit code 0 when every request got the expected status, {@value #EXIT_TRAINING_FAILED}
 * otherwise (the build then fails rather than ship an archive of a broken start). Exit code 1 is
 * left to the JVM, which uses it when it cannot write a dynamic archive at all (then the build goes
 * on without one).
 */
public final class ArchiveTraining {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String GOOD_CREDENTIALS =
      "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret";
  private static final String BAD_CREDENTIALS =
      "grant_type=client_credentials&client_id=demo-app&client_secret=wrong";

  /** Exit code when the emulator did not start or answered unexpectedly. */
  static final int EXIT_TRAINING_FAILED = 3;

  private ArchiveTraining() {}

  /** Runs the training; arguments are ignored. */
  public static void main(String[] args) {
    try {
      System.exit(train());
    } catch (RuntimeException e) {
      System.err.println("transmit-mock: archive training failed: " + e.getMessage());
      System.exit(EXIT_TRAINING_FAILED);
    }
  }

  private static int train() {
    TransmitMockCli.configureLogging();
    readConfigFile();
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    PrintWriter err = new PrintWriter(System.err, true);
    // An empty environment: TRANSMIT_MOCK_* variables of the build machine must not shape it.
    TransmitMockCli cli = new TransmitMockCli(Map.of(), quiet, err);
    int exit = cli.execute("--host", "127.0.0.1", "--port", "0");
    if (exit != TransmitMockCli.EXIT_OK || cli.server() == null) {
      err.println(
          "transmit-mock: archive training could not start the emulator (exit " + exit + ")");
      System.exit(TransmitMockCli.EXIT_FAILURE);
    }
    TransmitMockServer server = cli.server();
    int failures = 0;
    try {
      String token = tokenFrom(post(server.tokenEndpoint(), GOOD_CREDENTIALS, 200));
      failures += token == null ? 1 : 0;
      failures += post(server.tokenEndpoint(), BAD_CREDENTIALS, 401) == null ? 1 : 0;
      failures += get(server.jwksUri(), 200) == null ? 1 : 0;
      failures += get(server.discoveryUri(), 200) == null ? 1 : 0;
      failures += get(server.baseUrl().resolve(ControlPaths.HEALTH), 200) == null ? 1 : 0;
      if (token != null) {
        String credentials = "&client_id=demo-app&client_secret=demo-app-secret";
        failures +=
            post(server.introspectionEndpoint(), "token=" + token + credentials, 200) == null
                ? 1
                : 0;
        failures +=
            post(server.revocationEndpoint(), "token=" + token + credentials, 200) == null ? 1 : 0;
      }
    } catch (IOException e) {
      err.println("transmit-mock: archive training request failed: " + e.getMessage());
      failures++;
    } finally {
      server.stop();
    }
    if (failures > 0) {
      err.println("transmit-mock: archive training saw " + failures + " unexpected answers");
    }
    return failures == 0 ? TransmitMockCli.EXIT_OK : EXIT_TRAINING_FAILED;
  }

  /** Reads a YAML configuration file through the path {@code --config FILE} takes. */
  private static void readConfigFile() {
    try {
      Path file = Files.createTempFile("transmit-mock-training", ".yaml");
      try {
        Files.writeString(file, ConfigLoader.embeddedDefaultText());
        EnvironmentConfig.resolve(Optional.of(file), Map.of());
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the training configuration file", e);
    }
  }

  /** The body when the status is the expected one, else null. */
  private static String post(URI uri, String form, int expectedStatus) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", FORM);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(form.getBytes(StandardCharsets.UTF_8));
    }
    return answer(connection, expectedStatus);
  }

  private static String get(URI uri, int expectedStatus) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    return answer(connection, expectedStatus);
  }

  private static String answer(HttpURLConnection connection, int expectedStatus)
      throws IOException {
    int status = connection.getResponseCode();
    InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
    connection.disconnect();
    return status == expectedStatus ? text : null;
  }

  /** The access token of a token response, found without a JSON library; null when absent. */
  private static String tokenFrom(String json) {
    if (json == null) {
      return null;
    }
    String key = "\"access_token\":\"";
    int start = json.indexOf(key);
    if (start < 0) {
      return null;
    }
    int end = json.indexOf('"', start + key.length());
    return end < 0 ? null : json.substring(start + key.length(), end);
  }
}
