package dev.transmitmock.server.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run commands, for real: the packaged jar started as its own process, with and
 * without the class-data-sharing archive the build writes next to it, and with the JDK 25 AOT cache
 * when the build made one.
 */
class RunnableJarIT {
  private static final Pattern TOKEN_ENDPOINT =
      Pattern.compile("token endpoint:\\s+(http://\\S+/oidc/token)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path jar = Path.of(System.getProperty("transmit.mock.jar"));
  private final Path archive = Path.of(System.getProperty("transmit.mock.jsa"));
  private final Path aotCache = Path.of(System.getProperty("transmit.mock.aot"));
  private final String thisJava =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final List<String> output = new ArrayList<>();
  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  @Test
  void the_jar_serves_a_token_on_its_embedded_default() throws Exception {
    URI tokenEndpoint = start(List.of());

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
  }

  @Test
  void the_jar_maps_the_archive_the_build_wrote_beside_it() throws Exception {
    assumeFalse(Boolean.getBoolean("cds.skip"), "built with -Dcds.skip=true: no archive");
    assumeTrue(
        Files.exists(archive),
        "the build's JVM could not write a dynamic CDS archive (see the cds-archive step's output)");

    URI tokenEndpoint =
        start(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info,cds=warning"));

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    assertClassesCameFromTheArchive();
  }

  @Test
  void a_start_with_a_yaml_config_file_reads_it_with_classes_from_the_archive(@TempDir Path dir)
      throws Exception {
    assumeFalse(Boolean.getBoolean("cds.skip"), "built with -Dcds.skip=true: no archive");
    assumeTrue(Files.exists(archive), "the build's JVM could not write a dynamic CDS archive");
    Path config = dir.resolve("transmit-mock.yaml");
    Files.writeString(
        config,
        "clients:\n  - clientId: demo-app\n    clientSecret: demo-app-secret\n"
            + "    resources: [https://api.example.test]\n"
            + "resources:\n  - uri: https://api.example.test\n");

    URI tokenEndpoint =
        start(
            List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info,cds=warning"),
            List.of("--config", config.toString()));

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    synchronized (output) {
      assertThat(output)
          .as("the YAML parser and the config reader come from the archive")
          .anyMatch(line -> line.contains("org.yaml.snakeyaml.parser.ParserImpl source: shared"))
          .anyMatch(
              line ->
                  line.contains("com.fasterxml.jackson.dataformat.yaml.YAMLParser source: shared"))
          .anyMatch(
              line -> line.contains("dev.transmitmock.server.config.ConfigNode source: shared"));
    }
  }

  @Test
  void the_jdk25_aot_cache_serves_a_token_with_classes_from_it() throws Exception {
    assumeFalse(
        Boolean.getBoolean("aot.skip"),
        "no AOT cache built: build on JDK 25+ or pass -Daot.java=/path/to/jdk-25/bin/java");
    String java = System.getProperty("transmit.mock.aot.java");

    URI tokenEndpoint =
        start(
            java,
            List.of("-XX:AOTCache=" + aotCache, "-Xlog:class+load=info,aot=warning,cds=warning"),
            List.of());

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    assertClassesCameFromTheArchive();
  }

  @Test
  void the_launcher_serves_a_token_from_the_archive_with_small_memory_defaults() throws Exception {
    assumeFalse(Boolean.getBoolean("cds.skip"), "built with -Dcds.skip=true: no archive");
    assumeTrue(Files.exists(archive), "the build's JVM could not write a dynamic CDS archive");

    URI tokenEndpoint =
        startLauncher("-Xlog:class+load=info,cds=warning -XX:+PrintCommandLineFlags");

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    assertClassesCameFromTheArchive();
    synchronized (output) {
      assertThat(output)
          .as("the serial collector, a heap that gives memory back, a 128 MiB heap cap")
          .anyMatch(
              line ->
                  line.contains("-XX:+UseSerialGC")
                      && line.contains("-XX:MaxHeapFreeRatio=20")
                      && line.contains("-XX:MaxHeapSize=134217728"));
    }
  }

  @Test
  void on_jdk25_the_launcher_maps_the_aot_cache() throws Exception {
    assumeFalse(
        Boolean.getBoolean("aot.skip"),
        "no AOT cache built: build on JDK 25+ or pass -Daot.java=/path/to/jdk-25/bin/java");
    Path jdk25 = Path.of(System.getProperty("transmit.mock.aot.java")).getParent().getParent();

    URI tokenEndpoint = startLauncher(jdk25, "-Xlog:class+load=info,aot=warning,cds=warning");

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    assertClassesCameFromTheArchive();
  }

  @Test
  void the_launcher_without_its_defaults_runs_the_jvm_with_its_own() throws Exception {
    URI tokenEndpoint =
        startLauncher(
            Path.of(System.getProperty("java.home")),
            "-XX:+PrintCommandLineFlags",
            Map.of("TRANSMIT_MOCK_JVM_DEFAULTS", "false"));

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    synchronized (output) {
      assertThat(output)
          .anyMatch(line -> line.contains("-XX:+PrintCommandLineFlags"))
          .noneMatch(line -> line.contains("-XX:MaxHeapFreeRatio=20"));
    }
  }

  @Test
  void java_opts_given_to_the_launcher_win_over_its_defaults() throws Exception {
    URI tokenEndpoint = startLauncher("-Xmx256m -XX:+PrintCommandLineFlags");

    assertThat(demoToken(tokenEndpoint).status()).isEqualTo(200);
    synchronized (output) {
      assertThat(output).anyMatch(line -> line.contains("-XX:MaxHeapSize=268435456"));
    }
  }

  /** The emulator's classes came from the archive or AOT cache, and the JVM accepted it. */
  private void assertClassesCameFromTheArchive() {
    synchronized (output) {
      assertThat(output)
          .as("the emulator's classes come from the archive, and the JVM accepts it")
          .anyMatch(
              line ->
                  line.contains(
                      "dev.transmitmock.server.TransmitMockServer source: shared objects"))
          .noneMatch(line -> line.contains("Unable to use") || line.contains("[error]"));
    }
  }

  /** {@code server/target/transmit-mock --port 0} on this test's JDK, with {@code JAVA_OPTS}. */
  private URI startLauncher(String javaOpts) throws IOException, InterruptedException {
    return startLauncher(Path.of(System.getProperty("java.home")), javaOpts);
  }

  private URI startLauncher(Path javaHome, String javaOpts)
      throws IOException, InterruptedException {
    return startLauncher(javaHome, javaOpts, Map.of());
  }

  private URI startLauncher(Path javaHome, String javaOpts, Map<String, String> environment)
      throws IOException, InterruptedException {
    String launcher = System.getProperty("transmit.mock.launcher");
    assumeTrue(Files.isExecutable(Path.of(launcher)), "no executable launcher (not a Unix build)");
    Map<String, String> all = new HashMap<>(environment);
    all.put("JAVA_HOME", javaHome.toString());
    all.put("JAVA_OPTS", javaOpts);
    return start(List.of(launcher, "--port", "0"), all);
  }

  private URI start(List<String> jvmFlags) throws IOException, InterruptedException {
    return start(thisJava, jvmFlags, List.of());
  }

  private URI start(List<String> jvmFlags, List<String> arguments)
      throws IOException, InterruptedException {
    return start(thisJava, jvmFlags, arguments);
  }

  private URI start(String java, List<String> jvmFlags, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0"));
    command.addAll(arguments);
    return start(command, Map.of());
  }

  private URI start(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    process = builder.start();
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  Matcher matcher = TOKEN_ENDPOINT.matcher(line);
                  if (matcher.find()) {
                    endpoint.complete(URI.create(matcher.group(1)));
                  }
                }
              } catch (IOException e) {
                endpoint.completeExceptionally(e);
              }
              endpoint.completeExceptionally(new IllegalStateException("the jar exited"));
            },
            "jar-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      synchronized (output) {
        throw new AssertionError("the jar did not print its token endpoint; output: " + output, e);
      }
    }
  }

  private static Reply demoToken(URI tokenEndpoint) {
    return TestHttp.to(tokenEndpoint).token("demo-app", "demo-app-secret");
  }
}
