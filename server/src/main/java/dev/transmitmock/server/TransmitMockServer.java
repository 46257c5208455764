package dev.transmitmock.server;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.http.ControlApi;
import dev.transmitmock.server.http.HttpApi;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.IntrospectionService;
import dev.transmitmock.server.token.IssuedToken;
import dev.transmitmock.server.token.RevocationService;
import dev.transmitmock.server.token.RevokedTokens;
import dev.transmitmock.server.token.TokenService;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulator of Transmit Security's client-credentials token service, on real HTTP: token, JWKS,
 * discovery, introspection and revocation endpoints under {@code /oidc} and {@code /cis/oidc}.
 *
 * <pre>{@code
 * try (TransmitMockServer server = TransmitMockServer.builder().port(0).build().start()) {
 *   URI tokenEndpoint = server.tokenEndpoint(); // http://127.0.0.1:41234/oidc/token
 *   URI jwks = server.jwksUri();
 *   server.clock().advance(Duration.ofHours(2));
 *   server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));
 *   server.journal().tokenRequests().forClient("demo-app").issued().verifyCount(1);
 *   server.reset(); // back to the configured state, cheap enough before every test
 * }
 * }</pre>
 *
 * <p>The same test controls are served over HTTP under {@code /_mock/} ({@link ControlApi}) unless
 * {@link Builder#controlApi(boolean)} turns them off; {@link Builder#controlToken(String)} protects
 * them with a bearer token.
 *
 * <p>Without a config it serves the embedded default: app client {@code demo-app} / {@code
 * demo-app-secret} and management client {@code demo-admin} / {@code demo-admin-secret}.
 */
public final class TransmitMockServer implements AutoCloseable {
  /** Default interface: loopback only, so a test emulator is never reachable from outside. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(TransmitMockServer.class);

  /**
   * Jetty sizes a padding hint ({@code MemoryUtils}) by asking the platform MBean server whether
   * compressed oops are on, which starts JMX and registers every platform MBean: about a quarter of
   * the CPU time to the first token. Given the value (64-byte lines / 4-byte references), it skips
   * that. A value set by the user wins.
   */
  private static final String JETTY_REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  static {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
    }
  }

  private final String host;
  private final int requestedPort;
  private final MockConfig config;
  private final MockClock clock;
  private final RequestJournal journal;
  private final KeyRing keys;
  private final ClientRegistry registry;
  private final ClientRegistry.Snapshot initialClients;
  private final RevokedTokens revoked;
  private final Faults faults;
  private final TokenService tokens;
  private final DefectiveTokens defectiveTokens;
  private final HttpApi httpApi;
  private final ControlApi controlApi;
  private final boolean controlEnabled;
  private volatile Javalin app;

  private TransmitMockServer(Builder builder) {
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.config = builder.config != null ? builder.config : ConfigLoader.embeddedDefault();
    this.clock = new MockClock(builder.systemClock);
    this.journal = new RequestJournal(config.journalCapacity());
    this.keys = KeyRing.fromConfig(config.keys());
    this.registry = new ClientRegistry(config.clients(), config.resources());
    this.initialClients = registry.snapshot();
    this.revoked = new RevokedTokens();
    this.faults = new Faults();
    this.tokens = new TokenService(config, registry, keys, clock, journal);
    this.defectiveTokens = new DefectiveTokens(tokens, keys, config, clock);
    this.httpApi =
        new HttpApi(
            config,
            keys,
            tokens,
            new IntrospectionService(tokens, keys, revoked, clock),
            new RevocationService(tokens, keys, revoked, clock),
            faults,
            journal,
            clock);
    this.controlEnabled = builder.controlApi;
    this.controlApi =
        ControlApi.builder(clock, journal, faults, keys, registry, config)
            .reset(this::reset)
            .enabled(builder.controlApi)
            .controlToken(Optional.ofNullable(builder.controlToken))
            .defectiveTokens(defectiveTokens)
            .build();
  }

  /** Starts configuring a server (loopback, free port, embedded default config). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening. Signing keys are generated in the background meanwhile.
   *
   * @return this server, started
   * @throws IllegalStateException when already started
   */
  public synchronized TransmitMockServer start() {
    if (app != null) {
      throw new IllegalStateException("server already started on " + baseUrl());
    }
    Javalin created = httpApi.create(controlApi::register);
    created.start(host, requestedPort);
    app = created;
    LOG.info("transmit-mock listening on {} (issuer {})", baseUrl(), config.issuer());
    return this;
  }

  /** Stops listening; a stopped server can be started again. */
  public synchronized void stop() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Whether the server is listening. */
  public boolean isRunning() {
    return app != null;
  }

  /** The port the server listens on. */
  public int port() {
    Javalin running = app;
    if (running == null) {
      throw new IllegalStateException("server not started: call start() first");
    }
    return running.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    String printableHost = host.contains(":") ? "[" + host + "]" : host;
    if (host.equals("0.0.0.0")) {
      printableHost = "127.0.0.1";
    } else if (host.equals("::")) {
      printableHost = "[::1]";
    }
    return URI.create("http://" + printableHost + ":" + port());
  }

  /** {@code POST} client-credentials requests here: {@code <base>/oidc/token}. */
  public URI tokenEndpoint() {
    return baseUrl().resolve("/oidc/token");
  }

  /** The JWKS: {@code <base>/cis/oidc/jwks}, the path Transmit documents. */
  public URI jwksUri() {
    return baseUrl().resolve("/cis/oidc/jwks");
  }

  /** OpenID discovery: {@code <base>/cis/oidc/.well-known/openid-configuration}. */
  public URI discoveryUri() {
    return baseUrl().resolve("/cis/oidc/.well-known/openid-configuration");
  }

  /** RFC 7662 introspection: {@code <base>/cis/oidc/token/introspection}. */
  public URI introspectionEndpoint() {
    return baseUrl().resolve("/cis/oidc/token/introspection");
  }

  /** RFC 7009 revocation: {@code <base>/cis/oidc/token/revocation}. */
  public URI revocationEndpoint() {
    return baseUrl().resolve("/cis/oidc/token/revocation");
  }

  /** The {@code iss} of every token. */
  public String issuer() {
    return config.issuer();
  }

  /** The configuration the server was built with. */
  public MockConfig config() {
    return config;
  }

  /** The settable clock behind every timestamp; shareable with a consumer's verifier. */
  public MockClock clock() {
    return clock;
  }

  /** The bounded record of token, introspection and revocation requests. */
  public RequestJournal journal() {
    return journal;
  }

  /** The signing keys: add, activate, retire, rotate. */
  public KeyRing keys() {
    return keys;
  }

  /** The clients and resources, changeable at runtime. */
  public ClientRegistry clients() {
    return registry;
  }

  /**
   * The fault rules applied in front of the Transmit endpoints (never the control API).
   *
   * <pre>{@code
   * server.faults().add(FaultRule.on(Endpoint.TOKEN).status(429).header("Retry-After", "1"));
   * }</pre>
   */
  public Faults faults() {
    return faults;
  }

  /** Whether the HTTP control API under {@code /_mock/} is served. */
  public boolean controlApiEnabled() {
    return controlEnabled;
  }

  /**
   * The requests rejected with an OAuth error since the last reset (wrong secret, unknown resource,
   * ...), oldest first; for strict tests.
   */
  public List<JournalEntry> rejectedRequests() {
    return journal.rejected();
  }

  /**
   * Strict mode: fails when any request was rejected since the last reset, the way WireMock fails
   * on unmatched requests.
   *
   * @throws AssertionError listing each rejected request and its reason
   */
  public void verifyNoRejectedRequests() {
    journal.verifyNoRejectedRequests();
  }

  /**
   * A token for a registered client, minted as the token endpoint would but without HTTP.
   *
   * @throws dev.transmitmock.server.token.OAuthException when the client is unknown
   */
  public String tokenFor(String clientId) {
    return issueToken(clientId, Optional.empty(), Optional.empty()).accessToken();
  }

  /** A token for a registered client and one of its resources. */
  public String tokenFor(String clientId, String resource) {
    return issueToken(clientId, Optional.of(resource), Optional.empty()).accessToken();
  }

  /** Mints a token and returns it with its metadata. */
  public IssuedToken issueToken(
      String clientId, Optional<String> resource, Optional<String> scope) {
    return tokens.issueFor(clientId, resource, scope);
  }

  /**
   * A token a correct consumer must reject, for the first configured client.
   *
   * <pre>{@code
   * String token = server.defectiveToken(Defect.ALG_NONE);
   * // call your API with "Bearer " + token: it must answer 401
   * }</pre>
   */
  public String defectiveToken(Defect defect) {
    return defectiveTokens.mint(defect);
  }

  /**
   * A token a correct consumer must reject, for the client, resource and overrides of {@code spec}.
   *
   * @throws dev.transmitmock.server.token.OAuthException when the client is unknown or the resource
   *     or scope is refused, as the token endpoint would
   */
  public String defectiveToken(Defect defect, TokenSpec spec) {
    return defectiveTokens.mint(defect, spec);
  }

  /**
   * A valid token with any claim or header overridden, signed by the active key (for the cases the
   * defect catalog does not cover).
   *
   * <pre>{@code
   * String admin = server.mintToken(TokenSpec.builder().clientId("demo-app")
   *     .claim("roles", List.of("Admin")).build());
   * }</pre>
   */
  public String mintToken(TokenSpec spec) {
    return defectiveTokens.mintValid(spec);
  }

  /** The minting behind {@link #defectiveToken(Defect)} and {@link #mintToken(TokenSpec)}. */
  public DefectiveTokens defectiveTokens() {
    return defectiveTokens;
  }

  /**
   * Back to exactly the configured state: clients and resources, keys (no key is generated), clock,
   * journal, faults and revocations. Cheap enough to call before every test (microseconds).
   */
  public void reset() {
    faults.clear();
    registry.restore(initialClients);
    keys.resetToInitial();
    clock.reset();
    revoked.clear();
    journal.clear();
  }

  @Override
  public String toString() {
    return "TransmitMockServer[" + (app == null ? "stopped" : baseUrl().toString()) + "]";
  }

  /** Configures a {@link TransmitMockServer}. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private MockConfig config;
    private Clock systemClock = Clock.systemUTC();
    private boolean controlApi = true;
    private String controlToken;

    private Builder() {}

    /**
     * Whether the HTTP control API under {@code /_mock/} is served (default true). Off, every
     * {@code /_mock/} route but {@code /_mock/health} answers 404; the Java API is unaffected.
     */
    public Builder controlApi(boolean enabled) {
      this.controlApi = enabled;
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <controlToken>} on every control route but {@code
     * /_mock/health}; others get 401. The Transmit endpoints never depend on it.
     */
    public Builder controlToken(String controlToken) {
      requireNonNull(controlToken, "controlToken must not be null");
      if (controlToken.isBlank()) {
        throw new IllegalArgumentException("controlToken must not be blank");
      }
      this.controlToken = controlToken;
      return this;
    }

    /** The interface to bind; default {@value #DEFAULT_HOST}. */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host must not be null");
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The configuration; default the embedded one. */
    public Builder config(MockConfig config) {
      this.config = requireNonNull(config, "config must not be null");
      return this;
    }

    /** Reads the configuration from a YAML or JSON file. */
    public Builder configFile(Path file) {
      this.config = ConfigLoader.load(requireNonNull(file, "file must not be null"));
      return this;
    }

    /** The clock the emulator's {@link MockClock} follows until moved; default system UTC. */
    public Builder systemClock(Clock systemClock) {
      this.systemClock = requireNonNull(systemClock, "systemClock must not be null");
      return this;
    }

    /** Builds a server, not yet started. */
    public TransmitMockServer build() {
      return new TransmitMockServer(this);
    }
  }
}
