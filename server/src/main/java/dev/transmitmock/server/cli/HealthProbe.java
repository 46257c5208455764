package dev.transmitmock.server.cli;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.EnvironmentVariables;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code --probe} health check: GET {@code /_mock/health} of a running emulator, exit 0 when it
 * answers 200, 1 otherwise. Docker runs it every few seconds, so it has a fast path that parses the
 * arguments ({@link CommandLineOptions}, no framework) but skips the config parser and the server
 * classes and uses only {@link HttpURLConnection}: taken when the arguments are only {@code
 * --probe}, {@code --host} and {@code --port} and no {@code TRANSMIT_MOCK_CONFIG}, {@code
 * TRANSMIT_MOCK_CONFIG_INLINE} or {@code TRANSMIT_MOCK_HTTP_ENABLED} is set. Otherwise {@link
 * TransmitMockCli} resolves the effective configuration (file, environment, flags) like the server
 * and probes HTTPS through {@link HttpsProbe} when plain HTTP is off.
 */
final class HealthProbe {
  private static final int TIMEOUT_MILLIS = 2_000;

  private HealthProbe() {}

  /**
   * Runs the probe without resolving the configuration when the arguments are only {@code --probe}
   * and {@code --host}/{@code --port} values; empty when anything else needs the full path (which
   * then reports usage errors as usual).
   */
  static OptionalInt tryFastPath(
      String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLineOptions options;
    try {
      options = CommandLineOptions.parse(args);
    } catch (CommandLineOptions.UsageException e) {
      return OptionalInt.empty(); // the full path reports it
    }
    if (!options.probe() || !onlyProbeHostAndPort(options) || mayTurnPlainHttpOff(env)) {
      return OptionalInt.empty(); // the full path resolves the config, and may probe HTTPS
    }
    String effectiveHost =
        options
            .host()
            .orElseGet(
                () -> EnvironmentConfig.value(env, EnvironmentVariables.HOST).orElse("127.0.0.1"));
    int effectivePort;
    try {
      effectivePort =
          options.port().isPresent()
              ? options.port().get()
              : EnvironmentConfig.value(env, EnvironmentVariables.PORT)
                  .map(Integer::parseInt)
                  .orElse(TransmitMockCli.DEFAULT_PORT);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    if (effectivePort < 1 || effectivePort > 65_535) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(check(effectiveHost, effectivePort, out, err));
  }

  /** Whether nothing but {@code --probe}, {@code --host} and {@code --port} was given. */
  private static boolean onlyProbeHostAndPort(CommandLineOptions options) {
    return options.config().isEmpty()
        && !options.noControl()
        && options.controlToken().isEmpty()
        && options.httpsPort().isEmpty()
        && options.tlsCertOut().isEmpty()
        && options.tlsClientAuth().isEmpty()
        && !options.help()
        && !options.version();
  }

  /**
   * Whether the environment names a configuration or a plain-HTTP setting, either of which may
   * serve HTTPS only ({@code tls.httpEnabled: false}, {@code TRANSMIT_MOCK_HTTP_ENABLED=false}).
   * Then the probe must resolve the effective settings the way the server does, which takes the
   * config parser; without any of them plain HTTP is on and the fast path applies.
   */
  static boolean mayTurnPlainHttpOff(Map<String, String> env) {
    return EnvironmentConfig.value(env, EnvironmentVariables.CONFIG).isPresent()
        || EnvironmentConfig.value(env, EnvironmentVariables.CONFIG_INLINE).isPresent()
        || EnvironmentConfig.value(env, EnvironmentVariables.HTTP_ENABLED).isPresent();
  }

  /** Asks the emulator at host:port whether it is healthy. */
  static int check(String host, int port, PrintWriter out, PrintWriter err) {
    String target = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    if (target.contains(":") && !target.startsWith("[")) {
      target = "[" + target + "]";
    }
    String health = "http://" + target + ":" + port + ControlPaths.HEALTH;
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) new URL(health).openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setUseCaches(false);
      int status = connection.getResponseCode();
      if (status == 200) {
        out.println("healthy: " + health);
        return TransmitMockCli.EXIT_OK;
      }
      err.println("unhealthy: " + health + " answered " + status);
    } catch (IOException | IllegalArgumentException e) {
      err.println("unhealthy: " + health + ": " + e.getClass().getSimpleName());
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
    return TransmitMockCli.EXIT_FAILURE;
  }
}
