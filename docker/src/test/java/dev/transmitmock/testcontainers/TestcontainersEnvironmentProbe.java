package dev.transmitmock.testcontainers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientConfigUtils;

/**
 * Run by the build before the container tests (maven-antrun-plugin, phase {@code
 * pre-integration-test}): decides how Testcontainers must run on this machine and writes it as
 * properties that failsafe turns into the test JVM's environment and system properties.
 * Testcontainers reads {@code TESTCONTAINERS_RYUK_DISABLED} and {@code
 * TESTCONTAINERS_HOST_OVERRIDE} from the environment only, so the decision has to be made before
 * that JVM starts.
 *
 * <ul>
 *   <li>{@code probed.docker.problem}: empty when Testcontainers finds an engine, else why not;
 *   <li>{@code probed.ryuk.disabled}: {@code -Dtc.ryuk.disabled} when given, else the environment's
 *       {@code TESTCONTAINERS_RYUK_DISABLED}, else {@code true} only when the engine can neither
 *       find nor pull the Ryuk image (machines that can keep Ryuk);
 *   <li>{@code probed.host.override}: {@code -Dtc.host.override}, else the environment's, else
 *       {@code localhost} when the JVM runs inside a container ({@code /.dockerenv}) whose engine
 *       runs in this very network namespace (its bridge gateway is a local address), where
 *       Testcontainers would otherwise reach mapped ports through that gateway;
 *   <li>{@code probed.base.image} / {@code probed.base.image.problem}: the base for {@code
 *       docker/Dockerfile}: {@code -Dbase.image} when given, else the Dockerfile's default when the
 *       engine has or can pull it, else the offline base ({@code docker/make-base-image.sh}, built
 *       here when missing); or why none can be had.
 * </ul>
 *
 * <p>Arguments are {@code key=value}: {@code out}, {@code skip} (comma-separated flags, any {@code
 * true} skips probing), {@code ryuk.disabled}, {@code host.override}, {@code base.image}, {@code
 * dockerfile}, {@code offline.base}, {@code make.base}. Never fails the build: whatever goes wrong
 * becomes a problem property, which the tests report as their skip reason (or failure, with {@code
 * -Ddocker.required=true}).
 */
public final class TestcontainersEnvironmentProbe {

  private static final Pattern BASE_ARG = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)\\s*$");
  private static final Duration MAKE_BASE_TIMEOUT = Duration.ofMinutes(10);

  private final Map<String, String> args;
  private final Map<String, String> result = new LinkedHashMap<>();
  private final long started = System.nanoTime();

  private TestcontainersEnvironmentProbe(Map<String, String> args) {
    this.args = args;
  }

  public static void main(String[] argv) throws IOException {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : argv) {
      int eq = arg.indexOf('=');
      if (eq > 0) {
        args.put(arg.substring(0, eq), arg.substring(eq + 1).trim());
      }
    }
    TestcontainersEnvironmentProbe probe = new TestcontainersEnvironmentProbe(args);
    try {
      probe.decide();
    } catch (RuntimeException e) {
      probe.result.put("probed.docker.problem", "the environment probe failed: " + e);
    }
    probe.write(Path.of(args.getOrDefault("out", "testcontainers-environment.properties")));
  }

  private void decide() {
    result.put("probed.docker.problem", "");
    result.put(
        "probed.ryuk.disabled",
        explicitOrEnvironment("ryuk.disabled", "TESTCONTAINERS_RYUK_DISABLED").orElse("false"));
    result.put(
        "probed.host.override",
        explicitOrEnvironment("host.override", "TESTCONTAINERS_HOST_OVERRIDE").orElse(""));
    result.put("probed.base.image", arg("base.image"));
    result.put("probed.base.image.problem", "");
    if (List.of(arg("skip").split(",")).contains("true")) {
      log("tests skipped: nothing probed");
      return;
    }
    Optional<RegistryCheck> check = RegistryCheck.onTestcontainersEngine();
    if (check.isEmpty()) {
      result.put(
          "probed.docker.problem",
          "no Docker engine answers (Testcontainers found none; DOCKER_HOST="
              + Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unset")
              + ")");
      log(result.get("probed.docker.problem"));
      return;
    }
    URI dockerHost = DockerClientFactory.instance().getTransportConfig().getDockerHost();
    log("Docker engine at " + dockerHost);
    decideRyuk(check.get());
    decideHost(check.get(), dockerHost);
    decideBaseImage(check.get());
    log("done in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
  }

  private void decideRyuk(RegistryCheck check) {
    if (explicitOrEnvironment("ryuk.disabled", "TESTCONTAINERS_RYUK_DISABLED").isPresent()) {
      log("Ryuk: TESTCONTAINERS_RYUK_DISABLED=" + result.get("probed.ryuk.disabled") + " (given)");
      return;
    }
    ImageAvailability ryuk =
        check.availability(RegistryCheck.substituted(RegistryCheck.RYUK_IMAGE), "Ryuk");
    result.put("probed.ryuk.disabled", String.valueOf(!ryuk.obtainable()));
    log(
        "Ryuk: "
            + ryuk.image()
            + " "
            + ryuk.detail()
            + " ["
            + ryuk.took().toMillis()
            + " ms] -> TESTCONTAINERS_RYUK_DISABLED="
            + result.get("probed.ryuk.disabled"));
  }

  private void decideHost(RegistryCheck check, URI dockerHost) {
    if (explicitOrEnvironment("host.override", "TESTCONTAINERS_HOST_OVERRIDE").isPresent()) {
      log("host: TESTCONTAINERS_HOST_OVERRIDE=" + result.get("probed.host.override") + " (given)");
      return;
    }
    boolean localSocket =
        "unix".equals(dockerHost.getScheme()) || "npipe".equals(dockerHost.getScheme());
    if (!DockerClientConfigUtils.IN_A_CONTAINER || !localSocket) {
      log("host: Testcontainers' own choice (not inside a container, or a remote engine)");
      return;
    }
    if (check.bridgeIsLocal()) {
      result.put("probed.host.override", "localhost");
      log(
          "host: /.dockerenv, and the engine's bridge network is attached to this machine (the"
              + " engine runs here) -> TESTCONTAINERS_HOST_OVERRIDE=localhost");
    } else {
      log(
          "host: /.dockerenv, the engine runs elsewhere: Testcontainers' own choice (the bridge"
              + " gateway "
              + check.bridgeGateway().orElse("it would look up with " + RegistryCheck.GATEWAY_IMAGE)
              + ")");
    }
  }

  private void decideBaseImage(RegistryCheck check) {
    String requested = arg("base.image");
    String offline = arg("offline.base");
    List<String> candidates = new ArrayList<>();
    if (!requested.isBlank()) {
      candidates.add(requested);
    } else {
      dockerfileDefault().ifPresent(candidates::add);
      if (!offline.isBlank()) {
        candidates.add(offline);
      }
    }
    List<String> problems = new ArrayList<>();
    for (String candidate : candidates) {
      ImageAvailability base = check.availability(candidate, "base image");
      if (!base.obtainable() && candidate.equals(offline)) {
        base = makeOfflineBase(check, offline).orElse(base);
      }
      log(
          "base image: "
              + candidate
              + " "
              + base.detail()
              + " ["
              + base.took().toMillis()
              + " ms]");
      if (base.obtainable()) {
        result.put("probed.base.image", candidate);
        return;
      }
      problems.add(candidate + ": " + base.detail());
    }
    result.put("probed.base.image", "");
    result.put("probed.base.image.problem", String.join("; ", problems));
  }

  /** Runs {@code make-base-image.sh} (no registry needed), then asks the engine again. */
  private Optional<ImageAvailability> makeOfflineBase(RegistryCheck check, String tag) {
    String script = arg("make.base");
    if (script.isBlank() || !Files.isRegularFile(Path.of(script))) {
      return Optional.empty();
    }
    log("base image: building " + tag + " with " + script + " (a JRE from the local JDK)");
    Optional<String> failure = run(script, tag);
    if (failure.isPresent()) {
      return Optional.of(
          new ImageAvailability(tag, "base image", false, failure.get(), Duration.ZERO));
    }
    return Optional.of(check.availability(tag, "base image"));
  }

  /** Runs a bash script with its output in the build log; empty when it succeeded. */
  private static Optional<String> run(String script, String argument) {
    try {
      Process process = new ProcessBuilder("bash", script, argument).inheritIO().start();
      if (!process.waitFor(MAKE_BASE_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return Optional.of(
            script + " did not finish within " + MAKE_BASE_TIMEOUT.toMinutes() + " min");
      }
      return process.exitValue() == 0
          ? Optional.empty()
          : Optional.of(script + " exited with " + process.exitValue() + " (see its output above)");
    } catch (IOException e) {
      return Optional.of("cannot run " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while running " + script);
    }
  }

  /** The {@code ARG BASE_IMAGE=} default of the Dockerfile: the one source of that name. */
  private Optional<String> dockerfileDefault() {
    String dockerfile = arg("dockerfile");
    try {
      Matcher matcher = BASE_ARG.matcher(Files.readString(Path.of(dockerfile)));
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      log("cannot read the Dockerfile " + dockerfile + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The value given to the build ({@code -D...}), else the environment's, else empty. */
  private Optional<String> explicitOrEnvironment(String arg, String variable) {
    String given = arg(arg);
    if (!given.isBlank()) {
      return Optional.of(given);
    }
    String environment = System.getenv(variable);
    return environment == null || environment.isBlank()
        ? Optional.empty()
        : Optional.of(environment.trim());
  }

  /** An argument; Maven leaves an unset property as {@code ${name}}, read as empty. */
  private String arg(String name) {
    String value = args.getOrDefault(name, "");
    return value.startsWith("${") ? "" : value;
  }

  private void write(Path out) throws IOException {
    Properties properties = new Properties();
    properties.putAll(result);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream stream = Files.newOutputStream(out)) {
      properties.store(stream, "written by " + getClass().getSimpleName());
    }
  }

  private static void log(String line) {
    System.out.println("[testcontainers probe] " + line);
  }
}
