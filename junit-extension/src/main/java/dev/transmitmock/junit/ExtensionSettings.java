package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.Region;
import dev.transmitmock.server.config.TlsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that decides which emulator a test gets, from {@link TransmitMock} or from {@link
 * TransmitMockExtension.Builder}. A value: two classes with equal settings in {@code shared} mode
 * share one server.
 *
 * @param configResource a YAML/JSON configuration on the classpath
 * @param config a configuration given in code (ignored when {@code configResource} is present)
 * @param issuer the issuer to force
 * @param region the region whose issuer to use when no issuer is forced
 * @param tokenLifetime the default lifetime to force
 * @param clients clients added to (or replacing those of) the configuration
 * @param strict fail tests whose token requests the emulator rejected
 * @param shared one server for the whole run
 * @param resetBeforeEach reset the server before each test
 * @param port the port, 0 for a free one
 * @param tls the HTTPS listener to force (empty: the configuration's, off by default)
 * @param generatedClients clients whose keys or certificates are generated at start
 * @param verboseErrors force {@code verboseErrors} on (false: the configuration's)
 * @param applications applications with app-specific signing keys added to the configuration
 */
record ExtensionSettings(
    Optional<String> configResource,
    Optional<MockConfig> config,
    Optional<String> issuer,
    Optional<Region> region,
    Optional<Duration> tokenLifetime,
    List<ClientConfig> clients,
    boolean strict,
    boolean shared,
    boolean resetBeforeEach,
    int port,
    Optional<TlsConfig> tls,
    List<GeneratedClient> generatedClients,
    boolean verboseErrors,
    List<ApplicationConfig> applications) {

  /** What a bare {@code @TransmitMock} means. */
  static final ExtensionSettings DEFAULTS =
      new ExtensionSettings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          false,
          false,
          true,
          0,
          Optional.empty(),
          List.of(),
          false,
          List.of());

  ExtensionSettings {
    requireNonNull(configResource, "configResource must not be null");
    requireNonNull(config, "config must not be null");
    requireNonNull(issuer, "issuer must not be null");
    requireNonNull(region, "region must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    clients = List.copyOf(requireNonNull(clients, "clients must not be null"));
    requireNonNull(tls, "tls must not be null");
    generatedClients =
        List.copyOf(requireNonNull(generatedClients, "generatedClients must not be null"));
    applications = List.copyOf(requireNonNull(applications, "applications must not be null"));
  }

  /** These settings without the declared clients (generated ones stay: the server makes them). */
  ExtensionSettings withoutClients() {
    return new ExtensionSettings(
        configResource,
        config,
        issuer,
        region,
        tokenLifetime,
        List.of(),
        strict,
        shared,
        resetBeforeEach,
        port,
        tls,
        generatedClients,
        verboseErrors,
        applications);
  }
}
