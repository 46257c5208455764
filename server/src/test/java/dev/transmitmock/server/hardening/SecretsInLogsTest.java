package dev.transmitmock.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs representative scenarios against the command line in a forked JVM with logging at DEBUG
 * ({@code defaultLogLevel}, Javalin and the emulator; Jetty keeps the CLI's WARN because Jetty's
 * own DEBUG output dumps raw request bytes, see {@code docs/RELIABILITY.md}), and fails if a client
 * secret (right or wrong), the private key (PEM body or JWK {@code d}), the control token or a
 * whole access token shows up in the logs, the banner, the control API's answers or a config error.
 */
class SecretsInLogsTest {
  private static final String CONFIG_SECRET = "cfg-secret-Q7xZ1";
  private static final String BASIC_SECRET = "basic-secret-W3kP9";
  private static final String WRONG_SECRET = "wrong-secret-M5tR2";
  private static final String REGISTERED_SECRET = "registered-secret-H8vN4";
  private static final String CONTROL_TOKEN = "control-token-J2bL6";
  private static final String PASSPHRASE = "passphrase-F1gS0";
  private static final List<String> DEBUG =
      List.of(
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
          "-Dorg.slf4j.simpleLogger.log.io.javalin=debug",
          "-Dorg.slf4j.simpleLogger.log.dev.transmitmock=debug",
          "-Dorg.slf4j.simpleLogger.log.dev.transmitmock.server.TransmitMockServer=debug",
          "-Xmx256m");

  @TempDir Path folder;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final List<String> tokens = new ArrayList<>();
  private final StringBuilder responses = new StringBuilder();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void no_secret_key_or_token_appears_in_debug_logs_or_control_answers() throws Exception {
    KeyPair pair = rsa();
    String pemBody =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPrivate().getEncoded());
    Path config = folder.resolve("secrets.yaml");
    Files.writeString(config, configYaml(pemBody));
    List<String> forbidden =
        new ArrayList<>(
            List.of(
                CONFIG_SECRET,
                BASIC_SECRET,
                WRONG_SECRET,
                REGISTERED_SECRET,
                CONTROL_TOKEN,
                PASSPHRASE));
    pemBody.lines().filter(l -> l.length() >= 40).limit(8).forEach(forbidden::add);

    String log;
    try (ForkedServer server =
        ForkedServer.start(
            DEBUG,
            List.of("--port", "0", "--config", config.toString(), "--control-token", CONTROL_TOKEN),
            folder.resolve("server.log"))) {
      URI base = URI.create("http://127.0.0.1:" + server.port());
      scenarios(base);
      Thread.sleep(500); // let the last log lines reach the file
      log = server.output();
    }
    String badConfigLog = badConfigRun();

    JsonNode keys = ErrorBodies.JSON.readTree(lastKeysAnswer);
    assertThat(keys.toString())
        .doesNotContain("\"d\"")
        .doesNotContain("\"p\"")
        .doesNotContain("\"qi\"");
    assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
    List<String> alsoForbidden = new ArrayList<>(forbidden);
    alsoForbidden.add(privateExponent(pair));
    for (String secret : alsoForbidden) {
      assertThat(linesContaining(log, secret))
          .as("server log (DEBUG) lines with a secret")
          .isEmpty();
      assertThat(linesContaining(responses.toString(), secret)).as("control API answers").isEmpty();
      assertThat(linesContaining(badConfigLog, secret)).as("config error output").isEmpty();
    }
    for (String token : tokens) {
      String signature = token.substring(token.lastIndexOf('.') + 1);
      assertThat(linesContaining(log, signature)).as("server log (DEBUG), token").isEmpty();
      assertThat(linesContaining(responses.toString(), signature)).as("control answers").isEmpty();
    }
    assertThat(log).as("the log really is at DEBUG").contains("DEBUG");
    assertThat(log)
        .as("the reason behind a generic refusal is logged at DEBUG")
        .contains("rejected: 401 invalid_client (invalid secret provided)");
    assertThat(log).as("the banner was printed").contains("token endpoint:");
    Figures.record(
        "secrets",
        "DEBUG log of "
            + log.lines().count()
            + " lines and "
            + responses.length()
            + " chars of control answers checked for "
            + (alsoForbidden.size() + tokens.size())
            + " secrets: none found");
  }

  private String lastKeysAnswer = "{}";

  private static List<String> linesContaining(String text, String secret) {
    return text.lines().filter(line -> line.contains(secret)).limit(5).toList();
  }

  private void scenarios(URI base) throws IOException, InterruptedException {
    String form = "application/x-www-form-urlencoded";
    // token: success (post), wrong secret, Basic success and failure, unknown client
    HttpResponse<String> ok =
        post(
            base,
            "/oidc/token",
            form,
            "grant_type=client_credentials&client_id=cfg-app&client_secret=" + CONFIG_SECRET,
            null);
    assertThat(ok.statusCode()).isEqualTo(200);
    String token = field(ok, "access_token");
    tokens.add(token);
    assertThat(
            post(
                    base,
                    "/oidc/token",
                    form,
                    "grant_type=client_credentials&client_id=cfg-app&client_secret=" + WRONG_SECRET,
                    null)
                .statusCode())
        .isEqualTo(401);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("basic-app:" + BASIC_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> basicOk =
        post(base, "/cis/oidc/token", form, "grant_type=client_credentials", basic);
    assertThat(basicOk.statusCode()).isEqualTo(200);
    tokens.add(field(basicOk, "access_token"));
    String wrongBasic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("basic-app:" + WRONG_SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(
            post(base, "/oidc/token", form, "grant_type=client_credentials", wrongBasic)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            post(
                    base,
                    "/oidc/token",
                    form,
                    "grant_type=client_credentials&client_id=nobody&client_secret=" + WRONG_SECRET,
                    null)
                .statusCode())
        .isEqualTo(401);
    // introspection and revocation
    assertThat(
            post(
                    base,
                    "/cis/oidc/token/introspection",
                    form,
                    "token=" + token + "&client_id=cfg-app&client_secret=" + CONFIG_SECRET,
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    base,
                    "/cis/oidc/token/introspection",
                    form,
                    "token=" + token + "&client_id=cfg-app&client_secret=" + WRONG_SECRET,
                    null)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            post(
                    base,
                    "/cis/oidc/token/revocation",
                    form,
                    "token=" + token + "&client_id=cfg-app&client_secret=" + CONFIG_SECRET,
                    null)
                .statusCode())
        .isEqualTo(200);
    // control API: wrong token, registration with a secret, listings, journal, keys
    String bearer = "Bearer " + CONTROL_TOKEN;
    assertThat(control(base, "GET", "/_mock/clients", null, "Bearer " + WRONG_SECRET).statusCode())
        .isEqualTo(401);
    assertThat(
            control(
                    base,
                    "POST",
                    "/_mock/clients",
                    "{\"clientId\":\"registered\",\"clientSecret\":\"" + REGISTERED_SECRET + "\"}",
                    bearer)
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> registered =
        post(
            base,
            "/oidc/token",
            form,
            "grant_type=client_credentials&client_id=registered&client_secret=" + REGISTERED_SECRET,
            null);
    assertThat(registered.statusCode()).isEqualTo(200);
    tokens.add(field(registered, "access_token"));
    recordAnswer(control(base, "GET", "/_mock/clients", null, bearer));
    recordAnswer(control(base, "GET", "/_mock/journal", null, bearer));
    HttpResponse<String> keys = control(base, "GET", "/_mock/keys", null, bearer);
    recordAnswer(keys);
    lastKeysAnswer = keys.body();
    recordAnswer(control(base, "POST", "/_mock/keys/rotate", null, bearer));
    recordAnswer(control(base, "GET", "/cis/oidc/jwks", null, null));
    recordAnswer(
        control(
            base,
            "POST",
            "/_mock/faults",
            "{\"endpoint\":\"token\",\"status\":503,\"times\":1}",
            bearer));
    post(
        base,
        "/oidc/token",
        form,
        "grant_type=client_credentials&client_id=cfg-app&client_secret=" + CONFIG_SECRET,
        null);
    recordAnswer(control(base, "GET", "/_mock/journal", null, bearer));
    recordAnswer(control(base, "POST", "/_mock/reset", null, bearer));
    // a body cut off mid-way (logged at DEBUG), carrying a secret
    byte[] cut =
        RawHttp.request(
            "POST",
            "/oidc/token",
            List.of("Content-Type: " + form, "Content-Length: 500"),
            ("grant_type=client_credentials&client_id=cfg-app&client_secret=" + CONFIG_SECRET)
                .getBytes(StandardCharsets.UTF_8));
    RawHttp.exchange(base.getPort(), List.of(cut), Duration.ZERO, true, Duration.ofSeconds(60));
  }

  private String badConfigRun() throws Exception {
    Path bad = folder.resolve("bad.yaml");
    Files.writeString(
        bad,
        "clients:\n  - clientId: a\n    clientSecret: "
            + CONFIG_SECRET
            + "\n    bogus: "
            + CONFIG_SECRET
            + "\n");
    Path output = folder.resolve("bad.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(DEBUG);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.transmitmock.server.cli.TransmitMockCli");
    command.addAll(List.of("--port", "0", "--config", bad.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isEqualTo(2);
    assertThat(text).contains(bad + ": clients[0].bogus");
    return text;
  }

  private void recordAnswer(HttpResponse<String> response) {
    responses.append(response.body()).append('\n');
  }

  private HttpResponse<String> post(
      URI base, String path, String type, String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> control(
      URI base, String method, String path, String json, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(HttpResponse<String> response, String name) throws IOException {
    return ErrorBodies.JSON.readTree(response.body()).path(name).asText();
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String privateExponent(KeyPair pair) {
    java.security.interfaces.RSAPrivateKey key =
        (java.security.interfaces.RSAPrivateKey) pair.getPrivate();
    byte[] bytes = key.getPrivateExponent().toByteArray();
    if (bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String configYaml(String pemBody) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("resources:\n  - uri: https://api.secret-test.example\n");
    yaml.append("clients:\n");
    yaml.append("  - clientId: cfg-app\n    clientSecret: ").append(CONFIG_SECRET).append('\n');
    yaml.append("    resources: [https://api.secret-test.example]\n");
    yaml.append("  - clientId: basic-app\n    clientSecret: ").append(BASIC_SECRET).append('\n');
    yaml.append("keys:\n  - kid: configured-key\n    pem: |\n");
    yaml.append("      -----BEGIN PRIVATE KEY-----\n");
    pemBody.lines().forEach(l -> yaml.append("      ").append(l).append('\n'));
    yaml.append("      -----END PRIVATE KEY-----\n");
    return yaml.toString();
  }
}
