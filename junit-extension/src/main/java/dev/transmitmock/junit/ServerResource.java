package dev.transmitmock.junit;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A running emulator as kept in JUnit's {@code ExtensionContext.Store}, with what the extension
 * made for it: the CA certificate file and trusting {@link SSLContext} (HTTPS), and the credentials
 * of its clients (generated keys and certificates).
 *
 * <p>The extension closes it itself, in the after-callback of the test or class whose store holds
 * it: the Store's own closing differs between the JUnit versions the extension supports ({@code
 * CloseableResource}, deprecated since 5.13, is the only kind JUnit 5.10 to 5.12 close; {@link
 * AutoCloseable} only 5.13 and later). A server shared by the whole run lives in the root store,
 * which no callback follows: JUnit 5.13 and later close it as an {@link AutoCloseable} when the run
 * ends, and {@link #closeAtJvmExit()} covers older versions. Closing is idempotent.
 */
final class ServerResource implements AutoCloseable {
  private static final String CA_FILE_PREFIX = "transmit-mock-ca-";
  private static final String CA_FILE_SUFFIX = ".pem";

  private final TransmitMockServer server;
  private final Optional<Path> caCertificateFile;
  private final Optional<SSLContext> sslContext;
  private final Map<String, TransmitClientCredentials> credentials;
  private final Map<String, String> properties;
  private final CopyOnWriteArrayList<Runnable> closeListeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<Thread> exitHook = new AtomicReference<>();

  private ServerResource(
      TransmitMockServer server,
      Optional<Path> caCertificateFile,
      Map<String, TransmitClientCredentials> credentials) {
    this.server = server;
    this.caCertificateFile = caCertificateFile;
    this.sslContext =
        server.httpsEnabled()
            ? Optional.of(TlsIdentity.trusting(server.caCertificate()))
            : Optional.empty();
    this.credentials = credentials;
    this.properties = TransmitMockProperties.of(server, caCertificateFile);
  }

  /**
   * Generates the declared clients' credentials, starts a server, issues the {@code
   * tls_client_auth} client certificates ({@link ClientCertificateIssuer}) and publishes its system
   * properties.
   */
  static ServerResource start(ExtensionSettings settings, ConfigAssembler assembler, String where) {
    return start(settings, assembler, where, true);
  }

  /**
   * {@link #start(ExtensionSettings, ConfigAssembler, String)}, optionally without the JVM-global
   * system properties: a framework that hands the URLs to the code under test itself (Spring's test
   * context, through its Environment) keeps concurrent servers apart that way.
   */
  static ServerResource start(
      ExtensionSettings settings,
      ConfigAssembler assembler,
      String where,
      boolean publishSystemProperties) {
    List<GeneratedCredentials> generated =
        GeneratedCredentials.generate(settings.generatedClients());
    MockConfig config = assembler.assemble(settings, generated);
    TlsConfig tls = settings.tls().orElse(config.tls());
    ClientCertificateIssuer issuer = ClientCertificateIssuer.forServer(tls, generated);
    int port = settings.port();
    TransmitMockServer.Builder builder = TransmitMockServer.builder().port(port).config(config);
    if (settings.tls().isPresent() || issuer.changesTrust()) {
      builder.https(issuer.serverTls(tls, where));
    }
    TransmitMockServer server = builder.build();
    try {
      server.start();
    } catch (RuntimeException e) {
      server.close();
      if (port != 0) {
        throw new ExtensionConfigurationException(
            where
                + ": cannot start transmit-mock on port "
                + port
                + " ("
                + e.getMessage()
                + "); is the port in use? Use port 0 to get a free one",
            e);
      }
      throw new IllegalStateException(where + ": cannot start transmit-mock: " + e.getMessage(), e);
    }
    ServerResource resource;
    try {
      List<GeneratedCredentials> issued = issuer.issue(generated, server);
      resource =
          new ServerResource(server, writeCaFile(server), credentials(server, config, issued));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    if (publishSystemProperties) {
      TransmitMockProperties.publish(resource.properties);
    }
    return resource;
  }

  private static Optional<Path> writeCaFile(TransmitMockServer server) {
    if (!server.httpsEnabled()) {
      return Optional.empty();
    }
    try {
      Path file = Files.createTempFile(CA_FILE_PREFIX, CA_FILE_SUFFIX);
      file.toFile().deleteOnExit();
      Files.writeString(file, server.caCertificatePem(), StandardCharsets.US_ASCII);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the emulator's CA certificate to a file", e);
    }
  }

  private static Map<String, TransmitClientCredentials> credentials(
      TransmitMockServer server, MockConfig config, List<GeneratedCredentials> generated) {
    Map<String, TransmitClientCredentials> all = new LinkedHashMap<>();
    for (ClientConfig client : config.clients()) {
      if (client.authMethod().usesSecret()) {
        all.put(
            client.clientId(),
            TransmitClientCredentials.secret(
                client.clientId(), client.authMethod(), client.clientSecret(), server));
      }
    }
    for (GeneratedCredentials client : generated) {
      all.put(client.declaration().clientId(), client.credentials(server));
    }
    return Map.copyOf(all);
  }

  TransmitMockServer server() {
    return server;
  }

  Map<String, String> properties() {
    return properties;
  }

  /** The CA certificate in a PEM file; empty without HTTPS. */
  Optional<Path> caCertificateFile() {
    return caCertificateFile;
  }

  /** An SSL context that trusts the CA; empty without HTTPS. */
  Optional<SSLContext> sslContext() {
    return sslContext;
  }

  /**
   * The credentials of a client.
   *
   * @throws IllegalArgumentException naming the clients that have some, for an unknown one
   */
  TransmitClientCredentials credentials(String clientId) {
    TransmitClientCredentials found = credentials.get(clientId);
    if (found != null) {
      return found;
    }
    Optional<ClientConfig> configured =
        server.config().clients().stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    if (configured.isPresent()) {
      throw new IllegalArgumentException(
          "client "
              + clientId
              + " authenticates with "
              + configured.get().authMethod().wireName()
              + " using keys from the configuration, which the extension does not hold; declare"
              + " it with @TransmitClient(authMethod = ...) to have them generated, or use your"
              + " own private key with ClientAssertions");
    }
    throw new IllegalArgumentException(
        "no client "
            + clientId
            + " is configured; clients with credentials: "
            + credentials.keySet().stream().sorted().collect(Collectors.joining(", ")));
  }

  /** Runs when this resource is closed; used by the programmatic handle to detach. */
  void onClose(Runnable listener) {
    closeListeners.add(listener);
  }

  /**
   * Closes this resource when the JVM exits, unless it was closed before: the fallback for a server
   * in the root store on JUnit versions that do not close {@link AutoCloseable} values there.
   */
  void closeAtJvmExit() {
    Thread hook = new Thread(this::close, "transmit-mock-exit-" + server.port());
    if (exitHook.compareAndSet(null, hook)) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** The hook {@link #closeAtJvmExit()} registered, until {@link #close()} removed it. */
  Optional<Thread> exitHook() {
    return Optional.ofNullable(exitHook.get());
  }

  /** True once {@link #close()} ran. */
  boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      TransmitMockProperties.withdraw(properties);
      server.close();
      caCertificateFile.ifPresent(ServerResource::deleteQuietly);
    } finally {
      closeListeners.forEach(Runnable::run);
      removeExitHook();
    }
  }

  private void removeExitHook() {
    Thread hook = exitHook.getAndSet(null);
    if (hook == null || hook == Thread.currentThread()) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (and finds this resource closed) or already ran
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temp file; deleteOnExit retries
    }
  }

  @Override
  public String toString() {
    return "ServerResource[" + server + "]";
  }
}
