package dev.transmitmock.server.cli;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.EnvironmentVariables;
import dev.transmitmock.protocol.TransmitPaths;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthMode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.TlsConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The runnable jar: {@code java -jar transmit-mock-server.jar [--config FILE] [--host H] [--port
 * N]}. Exit codes: 0 normal stop (or healthy probe), 1 start failure (or unhealthy probe), 2 bad
 * command line or bad configuration. The options are listed by {@code --help} and in {@link
 * CommandLineOptions}.
 *
 * <pre>{@code
 * java -jar transmit-mock-server.jar --port 8080 --config transmit-mock.yaml
 * }</pre>
 */
public final class TransmitMockCli {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int DEFAULT_PORT = 8080;

  private Path config;
  private String host;
  private Integer port;
  private boolean noControl;
  private String controlToken;
  private Integer httpsPort;
  private Path tlsCertOut;
  private String tlsClientAuth;
  private boolean probe;

  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private TransmitMockServer server;

  TransmitMockCli(Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  private static void logDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** The jar's log levels and format; defaults only, {@code -D} settings still win. */
  static void configureLogging() {
    logDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
    logDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    logDefault("org.slf4j.simpleLogger.log.io.javalin", "warn");
    // Jetty warns once per request with a malformed authority (e.g. CONNECT): a log flood vector.
    logDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty.util.HostPort", "error");
    // Milliseconds since start: a date format would load the JDK's locale and calendar data
    // (about 100 ms of start-up); docker logs --timestamps adds wall-clock times where wanted.
    logDefault("org.slf4j.simpleLogger.showDateTime", "true");
  }

  /** Runs the emulator until the process is stopped. */
  public static void main(String[] args) {
    configureLogging();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    java.util.OptionalInt probed = HealthProbe.tryFastPath(args, System.getenv(), out, err);
    if (probed.isPresent()) {
      System.exit(probed.getAsInt());
    }
    TransmitMockCli cli = new TransmitMockCli(System.getenv(), out, err);
    int exit = cli.execute(args);
    if (exit != EXIT_OK || cli.server == null) {
      System.exit(exit);
    }
    TransmitMockServer running = cli.server;
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "transmit-mock-shutdown"));
  }

  /**
   * Parses the arguments and runs: prints help or the version, probes, or starts the emulator (and
   * returns while it keeps serving).
   *
   * @return the exit code: 0 when started (or help, version, healthy probe), 1 when the server
   *     cannot start (or the probe finds it unhealthy), 2 for a bad command line or configuration
   */
  int execute(String... args) {
    CommandLineOptions options;
    try {
      options = CommandLineOptions.parse(args);
    } catch (CommandLineOptions.UsageException e) {
      err.println(e.getMessage());
      err.print(CommandLineOptions.usage());
      err.flush();
      return EXIT_USAGE;
    }
    if (options.help()) {
      out.print(CommandLineOptions.usage());
      out.flush();
      return EXIT_OK;
    }
    if (options.version()) {
      out.println(version());
      return EXIT_OK;
    }
    config = options.config().orElse(null);
    host = options.host().orElse(null);
    port = options.port().orElse(null);
    noControl = options.noControl();
    controlToken = options.controlToken().orElse(null);
    httpsPort = options.httpsPort().orElse(null);
    tlsCertOut = options.tlsCertOut().orElse(null);
    tlsClientAuth = options.tlsClientAuth().orElse(null);
    probe = options.probe();
    return run();
  }

  /** The server started by {@link #execute}, if any. */
  TransmitMockServer server() {
    return server;
  }

  private int run() {
    String effectiveHost;
    int effectivePort;
    boolean controlEnabled;
    Optional<String> effectiveControlToken;
    try {
      effectiveHost =
          host != null
              ? host
              : EnvironmentConfig.value(env, EnvironmentVariables.HOST)
                  .orElse(TransmitMockServer.DEFAULT_HOST);
      effectivePort = port != null ? port : envPort();
      if (effectivePort < 0 || effectivePort > 65_535) {
        throw new ConfigException(
            port != null ? "--port" : EnvironmentVariables.PORT,
            null,
            "must be between 0 and 65535, was " + effectivePort);
      }
      controlEnabled = !noControl && EnvironmentConfig.controlEnabled(env).orElse(true);
      effectiveControlToken = controlToken();
      if (!controlEnabled && effectiveControlToken.isPresent()) {
        throw new ConfigException(
            controlToken != null ? "--control-token" : EnvironmentVariables.CONTROL_TOKEN,
            null,
            "has no effect when the control API is off ("
                + (noControl ? "--no-control" : EnvironmentVariables.CONTROL_ENABLED + "=false")
                + "); drop one of them");
      }
    } catch (ConfigException e) {
      err.println("transmit-mock: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (probe) {
      return probe(effectiveHost, effectivePort);
    }
    String source = configSource();
    MockConfig resolved;
    boolean embedded =
        config == null
            && !env.containsKey(EnvironmentVariables.CONFIG)
            && !env.containsKey(EnvironmentVariables.CONFIG_INLINE);
    try {
      resolved = withTlsFlags(EnvironmentConfig.resolve(Optional.ofNullable(config), env));
      TransmitMockServer.Builder builder =
          TransmitMockServer.builder()
              .host(effectiveHost)
              .port(effectivePort)
              .config(resolved)
              .controlApi(controlEnabled);
      effectiveControlToken.ifPresent(builder::controlToken);
      server = builder.build();
    } catch (ConfigException e) {
      err.println("transmit-mock: configuration error: " + e.withSource(source).getMessage());
      return EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      // The TLS key store, PEM or CA output file could not be used; the message names the file.
      err.println("transmit-mock: TLS configuration error: " + e.getMessage());
      return EXIT_USAGE;
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      err.println(
          "transmit-mock: cannot listen on "
              + effectiveHost
              + ":"
              + effectivePort
              + ": "
              + rootMessage(e));
      server = null;
      return EXIT_FAILURE;
    }
    printBanner(resolved, embedded, controlEnabled, effectiveControlToken.isPresent());
    return EXIT_OK;
  }

  /**
   * The {@code --probe} of the full path: resolves the effective configuration as the server would
   * (config file or inline config, {@code TRANSMIT_MOCK_*} variables, TLS flags) and probes plain
   * HTTP on {@code httpPort}, or HTTPS on the effective HTTPS port when plain HTTP is off.
   */
  private int probe(String effectiveHost, int httpPort) {
    TlsConfig tls;
    try {
      tls = withTlsFlags(EnvironmentConfig.resolve(Optional.ofNullable(config), env)).tls();
    } catch (ConfigException e) {
      err.println(
          "transmit-mock: configuration error: " + e.withSource(configSource()).getMessage());
      return EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      err.println("transmit-mock: TLS configuration error: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (!tls.enabled() || tls.httpEnabled()) {
      return HealthProbe.check(effectiveHost, httpPort, out, err);
    }
    if (tls.port() == 0) {
      err.println(
          "transmit-mock: cannot probe: the emulator serves HTTPS only, on a free port chosen at"
              + " start (HTTPS port 0); give it a fixed one (--https-port, "
              + EnvironmentVariables.HTTPS_PORT
              + " or tls.port) or keep plain HTTP on");
      return EXIT_USAGE;
    }
    return HttpsProbe.probe(
        effectiveHost, tls.port(), tls.clientAuth() == ClientAuthMode.NEED, out, err);
  }

  /** Applies {@code --https-port}, {@code --tls-cert-out} and {@code --tls-client-auth}. */
  private MockConfig withTlsFlags(MockConfig resolved) {
    if (httpsPort == null && tlsCertOut == null && tlsClientAuth == null) {
      return resolved;
    }
    TlsConfig.Builder tls = resolved.tls().toBuilder();
    if (httpsPort != null) {
      if (httpsPort < 0 || httpsPort > 65_535) {
        throw new ConfigException(
            "--https-port", null, "must be between 0 and 65535, was " + httpsPort);
      }
      tls.enabled(true).port(httpsPort);
    }
    if (tlsCertOut != null) {
      tls.caCertificateOut(tlsCertOut);
    }
    if (tlsClientAuth != null) {
      tls.clientAuth(
          ClientAuthMode.parse(tlsClientAuth)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "--tls-client-auth",
                          null,
                          "'" + tlsClientAuth + "' is not one of none, want, need")));
    }
    TlsConfig built = tls.build();
    if (!built.enabled()) {
      throw new ConfigException(
          tlsCertOut != null ? "--tls-cert-out" : "--tls-client-auth",
          null,
          "HTTPS is off: add --https-port PORT (or TRANSMIT_MOCK_HTTPS_PORT, or tls in the config)");
    }
    return resolved.toBuilder().tls(built).build();
  }

  private Optional<String> controlToken() {
    if (controlToken != null) {
      if (controlToken.isBlank()) {
        throw new ConfigException("--control-token", null, "must not be blank");
      }
      return Optional.of(controlToken);
    }
    return EnvironmentConfig.value(env, EnvironmentVariables.CONTROL_TOKEN);
  }

  private int envPort() {
    Optional<String> text = EnvironmentConfig.value(env, EnvironmentVariables.PORT);
    if (text.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      return Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          EnvironmentVariables.PORT, null, "not a port number: '" + text.get() + "'");
    }
  }

  private String configSource() {
    if (config != null) {
      return config.toString();
    }
    return EnvironmentConfig.value(env, EnvironmentVariables.CONFIG)
        .or(
            () ->
                EnvironmentConfig.value(env, EnvironmentVariables.CONFIG_INLINE)
                    .map(inline -> EnvironmentVariables.CONFIG_INLINE))
        .orElse("embedded default config");
  }

  private void printBanner(
      MockConfig resolved, boolean embedded, boolean controlEnabled, boolean controlProtected) {
    URI base = server.baseUrl();
    StringBuilder banner = new StringBuilder();
    banner.append("transmit-mock is running (issuer ").append(resolved.issuer()).append(")\n");
    banner.append("  token endpoint:  ").append(server.tokenEndpoint()).append('\n');
    banner
        .append("                   ")
        .append(base)
        .append(TransmitPaths.CIS_PREFIX + TransmitPaths.TOKEN_SUFFIX + "\n");
    banner.append("  JWKS:            ").append(server.jwksUri()).append('\n');
    banner.append("  discovery:       ").append(server.discoveryUri()).append('\n');
    banner.append("  introspection:   ").append(server.introspectionEndpoint()).append('\n');
    banner.append("  revocation:      ").append(server.revocationEndpoint()).append('\n');
    if (server.httpsEnabled()) {
      banner.append("  HTTPS:           ").append(server.httpsTokenEndpoint()).append('\n');
      banner.append("                   ").append(server.httpsDiscoveryUri()).append('\n');
      banner.append("  trust this CA:   ");
      banner.append(resolved.tls().caCertificateOut().map(Path::toString).orElse("(not written)"));
      if (controlEnabled) {
        banner.append(", GET ").append(base).append(ControlPaths.TLS_CA_PEM);
      }
      banner.append('\n');
    }
    banner.append("  control API:     ");
    if (controlEnabled) {
      banner.append(base).append(ControlPaths.PREFIX + "/");
      banner.append(controlProtected ? " (bearer token required)" : "").append('\n');
      banner.append("  console:         ").append(base).append(ControlPaths.UI);
      banner.append(controlProtected ? " (asks for the token)" : "").append('\n');
    } else {
      banner.append("off\n");
    }
    banner.append("  clients:\n");
    for (ClientConfig client : resolved.clients()) {
      banner.append("    ").append(client.clientId());
      if (!client.authMethod().usesSecret()) {
        banner.append(" [").append(client.authMethod().wireName()).append("]");
      } else if (embedded) {
        banner.append(" / ").append(client.clientSecret());
      }
      banner.append(" (").append(client.type().configName()).append(")");
      if (!client.resources().isEmpty()) {
        banner.append(" resources ").append(client.resources());
      }
      banner.append('\n');
    }
    if (!resolved.applications().isEmpty()) {
      banner.append("  apps with their own signing keys:\n");
      for (var app : resolved.applications()) {
        banner
            .append("    ")
            .append(app.appId())
            .append(" (issuer ")
            .append(app.issuer())
            .append(") JWKS ")
            .append(server.applicationJwksUri(app.appId()))
            .append('\n');
      }
    }
    if (embedded && !resolved.clients().isEmpty()) {
      ClientConfig first = resolved.clients().get(0);
      banner.append("  try it:\n");
      banner
          .append("    curl --location --request POST '")
          .append(server.tokenEndpoint())
          .append("' \\\n");
      banner.append("      --header 'Content-Type: application/x-www-form-urlencoded' \\\n");
      banner.append("      --data-urlencode 'grant_type=client_credentials' \\\n");
      banner.append("      --data-urlencode 'client_id=").append(first.clientId()).append("' \\\n");
      banner
          .append("      --data-urlencode 'client_secret=")
          .append(first.clientSecret())
          .append("'\n");
    }
    // JVM uptime, not the process start time from /proc: that one drifts with the VM's clock.
    banner
        .append("  started in ")
        .append(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime())
        .append(" ms\n");
    out.print(banner);
    out.flush();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  /** The version from the jar manifest. */
  static String version() {
    String version = TransmitMockCli.class.getPackage().getImplementationVersion();
    return "transmit-mock-server " + (version != null ? version : "(development)");
  }
}
