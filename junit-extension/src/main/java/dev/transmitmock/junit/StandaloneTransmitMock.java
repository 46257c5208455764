package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * An emulator declared with the attributes of {@link TransmitMock} but owned by the caller instead
 * of JUnit: for test frameworks with a lifecycle of their own, such as Spring's test context
 * ({@code transmit-mock-spring}'s {@code @AutoConfigureTransmitMock}), which starts one per
 * application context and closes it with the context.
 *
 * <pre>{@code
 * try (StandaloneTransmitMock mock = StandaloneTransmitMock.builder("my framework's declaration")
 *     .region("EU")
 *     .clients(declaredClients)                  // @TransmitClient values
 *     .start()) {
 *   String token = mock.tokenFor("demo-app");
 * }
 * }</pre>
 *
 * <p>The attributes mean what they mean on {@link TransmitMock}, with the same checks and messages
 * (prefixed with the declaration's name). Unlike {@link TransmitMock}, it publishes no system
 * properties: the owner hands {@link #properties()} to the code under test, so emulators running at
 * the same time cannot overwrite each other's URLs. Nothing resets it by itself; call {@link
 * #reset()} between tests.
 */
public final class StandaloneTransmitMock implements TransmitMockHandle, AutoCloseable {
  private final ServerResource resource;
  private final ServerHandle handle;

  private StandaloneTransmitMock(ServerResource resource) {
    this.resource = resource;
    this.handle = new ServerHandle(resource);
  }

  /**
   * Starts describing an emulator.
   *
   * @param where names the declaration in error messages, e.g. {@code "@AutoConfigureTransmitMock
   *     on com.example.OrdersApiTest"}
   */
  public static Builder builder(String where) {
    requireNonNull(where, "where must not be null");
    return new Builder(where);
  }

  @Override
  public TransmitMockServer server() {
    return resource.server();
  }

  @Override
  public Path caCertificateFile() {
    return handle.caCertificateFile();
  }

  @Override
  public SSLContext sslContext() {
    return handle.sslContext();
  }

  @Override
  public TransmitClientCredentials credentials(String clientId) {
    return handle.credentials(clientId);
  }

  @Override
  public Map<String, String> properties() {
    return resource.properties();
  }

  /** Stops the emulator; idempotent. */
  @Override
  public void close() {
    resource.close();
  }

  @Override
  public String toString() {
    return "StandaloneTransmitMock[" + resource.server() + "]";
  }

  /** The attributes of {@link TransmitMock} that apply outside JUnit; all optional. */
  public static final class Builder {
    private final String where;
    private String config = "";
    private String issuer = "";
    private String region = "";
    private String tokenLifetime = "";
    private final List<TransmitClient> clients = new ArrayList<>();
    private boolean verboseErrors;
    private final List<TransmitApplication> applications = new ArrayList<>();

    private Builder(String where) {
      this.where = where;
    }

    /** See {@link TransmitMock#config()}: a classpath resource; empty: the embedded default. */
    public Builder config(String resource) {
      this.config = requireNonNull(resource, "resource must not be null");
      return this;
    }

    /** See {@link TransmitMock#issuer()}; empty: the configuration's. */
    public Builder issuer(String issuer) {
      this.issuer = requireNonNull(issuer, "issuer must not be null");
      return this;
    }

    /**
     * See {@link TransmitMock#region()}: {@code US}, {@code EU}, ...; empty: the configuration's.
     */
    public Builder region(String region) {
      this.region = requireNonNull(region, "region must not be null");
      return this;
    }

    /** See {@link TransmitMock#tokenLifetime()}: ISO-8601, e.g. {@code "PT5M"}. */
    public Builder tokenLifetime(String tokenLifetime) {
      this.tokenLifetime = requireNonNull(tokenLifetime, "tokenLifetime must not be null");
      return this;
    }

    /** See {@link TransmitMock#clients()}. */
    public Builder clients(TransmitClient... clients) {
      requireNonNull(clients, "clients must not be null");
      this.clients.addAll(List.of(clients));
      return this;
    }

    /** See {@link TransmitMock#applications()}: applications with their own signing keys. */
    public Builder applications(TransmitApplication... applications) {
      requireNonNull(applications, "applications must not be null");
      this.applications.addAll(List.of(applications));
      return this;
    }

    /**
     * See {@link TransmitMock#verboseErrors()}: error bodies carry the refusal's reason as {@code
     * error_detail}; default false, the body Transmit sends.
     */
    public Builder verboseErrors(boolean verboseErrors) {
      this.verboseErrors = verboseErrors;
      return this;
    }

    /**
     * Starts the emulator on a free loopback port.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for a bad attribute
     *     or configuration, naming the declaration and what to change
     */
    public StandaloneTransmitMock start() {
      DeclaredClients declared = DeclaredClients.of(clients, where);
      ExtensionSettings settings =
          new ExtensionSettings(
              nonBlank(config),
              Optional.empty(),
              nonBlank(issuer),
              nonBlank(region).map(name -> AnnotationSettings.region(name, where)),
              nonBlank(tokenLifetime)
                  .map(text -> AnnotationSettings.duration(text, where + ": tokenLifetime")),
              declared.configured(),
              false,
              false,
              true,
              0,
              Optional.empty(),
              declared.generated(),
              verboseErrors,
              AnnotationSettings.applications(applications, where));
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      ConfigAssembler assembler =
          new ConfigAssembler(
              loader != null ? loader : StandaloneTransmitMock.class.getClassLoader(), where);
      return new StandaloneTransmitMock(ServerResource.start(settings, assembler, where, false));
    }

    private static Optional<String> nonBlank(String text) {
      return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }
  }
}
