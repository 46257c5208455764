package dev.transmitmock.server;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.TransmitPaths;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.EmbeddedDefaultConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.NextTokenRule;
import dev.transmitmock.server.control.NextTokenRules;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenInspector;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.http.HttpsListener;
import dev.transmitmock.server.http.JettyPreload;
import dev.transmitmock.server.http.control.ControlApi;
import dev.transmitmock.server.http.oidc.HttpApi;
import dev.transmitmock.server.keys.AppSigningKeys;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.pki.ClientCaTrust;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.IssuedToken;
import dev.transmitmock.server.workspace.Workspace;
import dev.transmitmock.server.workspace.Workspaces;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
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
 *
 * <p>{@link Builder#https()} (or the config's {@code tls}) adds an HTTPS listener with a generated
 * certificate whose CA tests trust ({@link #caCertificate()}); clients may then authenticate with
 * {@code private_key_jwt}, {@code tls_client_auth} or {@code self_signed_tls_client_auth} as well
 * as with a secret, each per its {@code tokenEndpointAuthMethod}:
 *
 * <pre>{@code
 * try (TransmitMockServer server = TransmitMockServer.builder().config(config).https().build()
 *     .start()) {
 *   HttpClient http = HttpClient.newBuilder()
 *       .sslContext(clientIdentity.sslContext(server.caCertificate())).build();
 *   // POST grant_type=client_credentials&client_id=payments-svc to server.httpsTokenEndpoint()
 * }
 * }</pre>
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
  private final KeyRing keys;
  private final AppSigningKeys signing;
  private final Workspaces workspaces;
  private final Workspace root;
  private final Settings settings;
  private final HttpApi httpApi;
  private final ControlApi controlApi;
  private final boolean controlEnabled;
  private final HttpsListener https;
  private volatile Javalin app;

  private TransmitMockServer(Builder builder) {
    JettyPreload.begin();
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.config = builder.config != null ? builder.config : EmbeddedDefaultConfig.config();
    this.keys = KeyRing.fromConfig(config.keys());
    this.signing = new AppSigningKeys(config, keys, builder.systemClock.instant());
    this.settings = new Settings(config);
    TlsConfig tls = builder.tls != null ? builder.tls : config.tls();
    this.https = tls.enabled() ? HttpsListener.create(tls) : null;
    this.workspaces =
        new Workspaces(
            config,
            keys,
            signing,
            settings,
            builder.systemClock,
            https != null ? https.clientCaTrust() : ClientCaTrust.NONE,
            this::baseUrl);
    this.root = workspaces.root();
    this.httpApi = new HttpApi(config, keys, workspaces, this::listeningBaseUrls);
    this.controlEnabled = builder.controlApi;
    this.controlApi =
        ControlApi.builder(workspaces, keys, config)
            .reset(this::reset)
            .enabled(builder.controlApi)
            .controlToken(Optional.ofNullable(builder.controlToken))
            .defectiveTokens()
            .tokenInspector()
            .settings(settings)
            .nextTokenRules()
            .https(Optional.ofNullable(https))
            .build();
  }

  /** Starts configuring a server (loopback, free port, embedded default config). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening. Signing keys are generated in the background while Jetty starts; when this
   * returns, both are ready.
   *
   * @return this server, started
   * @throws IllegalStateException when already started
   */
  public synchronized TransmitMockServer start() {
    if (app != null) {
      throw new IllegalStateException("server already started on " + baseUrl());
    }
    Javalin created =
        httpApi.create(
            cfg -> {
              controlApi.register(cfg);
              if (https != null) {
                https.addConnectors(cfg, host, requestedPort);
              }
            });
    created.start(host, requestedPort);
    app = created;
    // Key generation ran on its own thread while Jetty started; wait for it here so that a started
    // server answers its first JWKS or token request at once (a consumer's JWKS read timeout can
    // be shorter than key generation on a busy machine).
    signing.awaitKeys();
    if (https != null) {
      LOG.info(
          "transmit-mock listening on {} and {} (issuer {})",
          https.config().httpEnabled() ? baseUrl() : "(no plain HTTP)",
          httpsBaseUrl(),
          config.issuer());
    } else {
      LOG.info("transmit-mock listening on {} (issuer {})", baseUrl(), config.issuer());
    }
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

  /** The running Javalin app, for tests that compare its routes with the OpenAPI description. */
  Javalin javalin() {
    return app;
  }

  /** Whether the server is listening. */
  public boolean isRunning() {
    return app != null;
  }

  /**
   * The port the server listens on: the plain HTTP port, or the HTTPS port when HTTPS runs without
   * plain HTTP ({@link TlsConfig#httpEnabled()} false).
   */
  public int port() {
    Javalin running = app;
    if (running == null) {
      throw new IllegalStateException("server not started: call start() first");
    }
    if (https != null) {
      return https.httpPort().orElseGet(https::httpsPort);
    }
    return running.port();
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:41234}; the HTTPS one when HTTPS runs without plain
   * HTTP.
   */
  public URI baseUrl() {
    boolean httpsOnly = https != null && !https.config().httpEnabled();
    return URI.create((httpsOnly ? "https" : "http") + "://" + printableHost() + ":" + port());
  }

  private String printableHost() {
    if (host.equals("0.0.0.0")) {
      return "127.0.0.1";
    } else if (host.equals("::")) {
      return "[::1]";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  // --- HTTPS -----------------------------------------------------------------------------------

  /** Whether an HTTPS listener is configured. */
  public boolean httpsEnabled() {
    return https != null;
  }

  /** The HTTPS port. */
  public int httpsPort() {
    requireRunning();
    return requireHttps().httpsPort();
  }

  /**
   * The HTTPS base URL, e.g. {@code https://127.0.0.1:41235}; the generated certificate is valid
   * for {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
   *
   * <pre>{@code
   * try (TransmitMockServer server = TransmitMockServer.builder().https().build().start()) {
   *   SSLContext tls = TlsIdentity.trusting(server.caCertificate());
   *   HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
   *   // POST to server.httpsTokenEndpoint() ...
   * }
   * }</pre>
   *
   * @throws IllegalStateException when HTTPS is off or the server is not started
   */
  public URI httpsBaseUrl() {
    return URI.create("https://" + printableHost() + ":" + httpsPort());
  }

  /** {@code <https base>/oidc/token}. */
  public URI httpsTokenEndpoint() {
    return httpsBaseUrl().resolve(TransmitPaths.TOKEN);
  }

  /** {@code <https base>/cis/oidc/jwks}. */
  public URI httpsJwksUri() {
    return httpsBaseUrl().resolve(TransmitPaths.JWKS);
  }

  /** {@code <https base>/cis/oidc/.well-known/openid-configuration}. */
  public URI httpsDiscoveryUri() {
    return httpsBaseUrl().resolve(TransmitPaths.DISCOVERY);
  }

  /** {@code <https base>/cis/oidc/token/introspection}. */
  public URI httpsIntrospectionEndpoint() {
    return httpsBaseUrl().resolve(TransmitPaths.CIS_PREFIX + TransmitPaths.INTROSPECTION_SUFFIX);
  }

  /** {@code <https base>/cis/oidc/token/revocation}. */
  public URI httpsRevocationEndpoint() {
    return httpsBaseUrl().resolve(TransmitPaths.CIS_PREFIX + TransmitPaths.REVOCATION_SUFFIX);
  }

  /** The server's TLS certificate (the leaf). */
  public X509Certificate tlsCertificate() {
    return requireHttps().certificate();
  }

  /** The certificate clients must trust: the generated CA, or the configured chain's last one. */
  public X509Certificate caCertificate() {
    return requireHttps().caCertificate();
  }

  /** {@link #caCertificate()} in PEM, as {@code GET /_mock/tls/ca.pem} serves it. */
  public String caCertificatePem() {
    return requireHttps().caCertificatePem();
  }

  /**
   * A new client certificate issued by the emulator's generated CA, which {@code tls_client_auth}
   * trusts unless {@code tls.clientCaCertificates} names other CAs: mTLS tests need no openssl.
   *
   * <pre>{@code
   * TlsIdentity client = server.issueClientCertificate("CN=orders-svc,O=Acme", List.of());
   * // register orders-svc with tokenEndpointAuthMethod tls_client_auth and
   * // tlsClientAuthSubjectDn "CN=orders-svc,O=Acme", then:
   * HttpClient http = HttpClient.newBuilder()
   *     .sslContext(client.sslContext(server.caCertificate())).build();
   * }</pre>
   *
   * @param subjectAltNames DNS names, IP addresses, URIs or emails; may be empty
   * @throws IllegalStateException when HTTPS is off, or the server certificate is configured (the
   *     emulator then holds no CA key)
   */
  public TlsIdentity issueClientCertificate(String subjectDn, List<String> subjectAltNames) {
    return requireHttps().issueClientCertificate(subjectDn, subjectAltNames);
  }

  /** The HTTPS listener, when HTTPS is configured. */
  public Optional<HttpsListener> https() {
    return Optional.ofNullable(https);
  }

  private HttpsListener requireHttps() {
    if (https == null) {
      throw new IllegalStateException(
          "HTTPS is off: turn it on with TransmitMockServer.builder().https() or config tls");
    }
    return https;
  }

  private void requireRunning() {
    if (app == null) {
      throw new IllegalStateException("server not started: call start() first");
    }
  }

  private List<String> listeningBaseUrls() {
    if (app == null) {
      return List.of();
    }
    List<String> urls = new ArrayList<>();
    if (https == null || https.config().httpEnabled()) {
      urls.add("http://" + printableHost() + ":" + port());
    }
    if (https != null) {
      urls.add(httpsBaseUrl().toString());
    }
    return urls;
  }

  /** {@code POST} client-credentials requests here: {@code <base>/oidc/token}. */
  public URI tokenEndpoint() {
    return baseUrl().resolve(TransmitPaths.TOKEN);
  }

  /** The JWKS: {@code <base>/cis/oidc/jwks}, the path Transmit documents. */
  public URI jwksUri() {
    return baseUrl().resolve(TransmitPaths.JWKS);
  }

  /** OpenID discovery: {@code <base>/cis/oidc/.well-known/openid-configuration}. */
  public URI discoveryUri() {
    return baseUrl().resolve(TransmitPaths.DISCOVERY);
  }

  /**
   * The JWKS of an application with app-specific signing keys: {@code
   * <base>/apps/<appId>/oidc/jwks} unless its {@code jwksPath} says otherwise. It publishes the
   * app's keys, and the global ones during the app's transition window.
   *
   * <pre>{@code
   * TransmitTokenVerifier verifier = TransmitTokenVerifier.builder()
   *     .issuer("https://orders.app.transmitsecurity.io")
   *     .jwksUri(server.applicationJwksUri("app-orders"))
   *     .build();
   * }</pre>
   *
   * @throws IllegalArgumentException when no application with this id has its own keys
   */
  public URI applicationJwksUri(String appId) {
    return baseUrl().resolve(application(appId).jwksPath());
  }

  /**
   * The discovery document of an application with app-specific signing keys: {@code
   * <base>/apps/<appId>/.well-known/openid-configuration}, with the app's issuer and JWKS.
   *
   * @throws IllegalArgumentException when no application with this id has its own keys
   */
  public URI applicationDiscoveryUri(String appId) {
    return baseUrl().resolve(application(appId).discoveryPath());
  }

  private ApplicationConfig application(String appId) {
    return config.applications().stream()
        .filter(app -> app.appId().equals(appId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no application "
                        + appId
                        + " with app-specific signing keys is configured (applications)"));
  }

  /** RFC 7662 introspection: {@code <base>/cis/oidc/token/introspection}. */
  public URI introspectionEndpoint() {
    return baseUrl().resolve(TransmitPaths.CIS_PREFIX + TransmitPaths.INTROSPECTION_SUFFIX);
  }

  /** RFC 7009 revocation: {@code <base>/cis/oidc/token/revocation}. */
  public URI revocationEndpoint() {
    return baseUrl().resolve(TransmitPaths.CIS_PREFIX + TransmitPaths.REVOCATION_SUFFIX);
  }

  /**
   * The {@code iss} of the tenant's tokens now: the configured issuer unless {@link #settings()}
   * changed it.
   */
  public String issuer() {
    return settings.current().issuer();
  }

  /**
   * The settings tests may change at runtime: {@code typ}, error style, issuer, default token
   * lifetime, {@code verboseErrors}, {@code alwaysIncludeScope}; {@link #reset()} restores them.
   * The same as {@code GET/PATCH /_mock/settings}.
   *
   * <pre>{@code
   * server.settings().tokenTyp(TokenTyp.JWT).tokenLifetime(Duration.ofMinutes(5));
   * }</pre>
   */
  public Settings settings() {
    return settings;
  }

  /**
   * Starts a rule shaping what the real token endpoint answers this client's next successful
   * request: claims and header overrides, {@code expires_in}, response fields left out or added, a
   * catalog defect, or an OAuth error. {@link NextTokenRule.Builder#install()} installs it; the
   * same as {@code POST /_mock/next-token}.
   *
   * <pre>{@code
   * server.nextToken("demo-app").expiresIn(Duration.ofSeconds(5)).times(2).install();
   * server.nextToken("demo-app").omit("scope").header("typ", "JWT").install();
   * server.nextToken("demo-app").error(503, "temporarily_unavailable").retryAfter(2).install();
   * }</pre>
   */
  public NextTokenRule.Builder nextToken(String clientId) {
    return root.nextToken(clientId);
  }

  /** The pending next-token rules: list, remove, clear. */
  public NextTokenRules nextTokenRules() {
    return root.nextTokenRules();
  }

  /** The configuration the server was built with. */
  public MockConfig config() {
    return config;
  }

  /** The settable clock behind every timestamp; shareable with a consumer's verifier. */
  public MockClock clock() {
    return root.clock();
  }

  /** The bounded record of token, introspection and revocation requests. */
  public RequestJournal journal() {
    return root.journal();
  }

  /** The tenant's global signing keys: add, activate, retire, rotate. */
  public KeyRing keys() {
    return keys;
  }

  /** Who signs each client's tokens: the global keys, or an application's own (its key ring). */
  public AppSigningKeys signingKeys() {
    return signing;
  }

  /** The clients and resources, changeable at runtime. */
  public ClientRegistry clients() {
    return root.clients();
  }

  /**
   * The fault rules applied in front of the Transmit endpoints (never the control API).
   *
   * <pre>{@code
   * server.faults().add(FaultRule.on(Endpoint.TOKEN).status(429).header("Retry-After", "1"));
   * }</pre>
   */
  public Faults faults() {
    return root.faults();
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
    return root.rejectedRequests();
  }

  /**
   * Strict mode: fails when any request was rejected since the last reset, the way WireMock fails
   * on unmatched requests.
   *
   * @throws AssertionError listing each rejected request and its reason
   */
  public void verifyNoRejectedRequests() {
    root.verifyNoRejectedRequests();
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
    return root.issueToken(clientId, resource, scope);
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
    return root.defectiveTokens().mint(defect);
  }

  /**
   * A token a correct consumer must reject, for the client, resource and overrides of {@code spec}.
   *
   * @throws dev.transmitmock.server.token.OAuthException when the client is unknown or the resource
   *     or scope is refused, as the token endpoint would
   */
  public String defectiveToken(Defect defect, TokenSpec spec) {
    return root.defectiveToken(defect, spec);
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
    return root.mintToken(spec);
  }

  /** The minting behind {@link #defectiveToken(Defect)} and {@link #mintToken(TokenSpec)}. */
  public DefectiveTokens defectiveTokens() {
    return root.defectiveTokens();
  }

  /**
   * Explains every reason a careful consumer rejects a token, judged against this emulator's keys,
   * issuer, audiences and clock; the same as {@code POST /_mock/tokens/inspect}.
   *
   * <pre>{@code
   * TokenInspection why = server.tokenInspector().inspect(server.defectiveToken(Defect.ALG_NONE));
   * // why.firstReason() == Optional.of(RejectionCategory.UNSUPPORTED_ALGORITHM)
   * }</pre>
   */
  public TokenInspector tokenInspector() {
    return root.tokenInspector();
  }

  /**
   * Back to exactly the configured state: clients and resources, keys (no key is generated), clock,
   * journal, faults, next-token rules, settings and revocations. Cheap enough to call before every
   * test (microseconds). Workspaces are left alone (each has its own {@link Workspace#reset()}),
   * except that the keys and settings they share with the root come back too.
   */
  public void reset() {
    root.reset();
    settings.reset();
    keys.resetToInitial();
    signing.resetApplications();
  }

  // --- workspaces ------------------------------------------------------------------------------

  /**
   * A new workspace on this server: its own clients (starting from the configured ones), clock,
   * journal, faults and revocations, served under {@code /_ws/<id>/}; the same as {@code POST
   * /_mock/workspaces}. Test classes running in parallel against one server each take one, and none
   * undoes another's set-up.
   *
   * <pre>{@code
   * Workspace ws = server.createWorkspace();
   * ws.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));
   * // point the code under test at ws.tokenEndpoint(); tokens verify against server.jwksUri()
   * ws.reset();   // before each test: touches nothing outside ws
   * ws.delete();  // after the class
   * }</pre>
   *
   * @throws dev.transmitmock.server.workspace.WorkspaceException when {@value
   *     Workspaces#MAX_WORKSPACES} workspaces exist
   */
  public Workspace createWorkspace() {
    return workspaces.create();
  }

  /** The workspace with this id, if it exists. */
  public Optional<Workspace> workspace(String id) {
    return workspaces.find(id);
  }

  /** Every workspace of this server: the root and the created ones. */
  public Workspaces workspaces() {
    return workspaces;
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
    private TlsConfig tls;

    private Builder() {}

    /**
     * Serves HTTPS beside HTTP on a free port, with a certificate for {@code localhost}, {@code
     * 127.0.0.1} and {@code ::1} signed by a CA generated at start ({@link #caCertificate()});
     * client certificates are requested but optional.
     */
    public Builder https() {
      return https(TlsConfig.builder().build());
    }

    /**
     * Serves HTTPS as configured; overrides the config's {@code tls}.
     *
     * <pre>{@code
     * TransmitMockServer.builder().https(TlsConfig.builder().port(8443)
     *     .clientAuth(ClientAuthMode.NEED).caCertificateOut(Path.of("target/ca.pem")).build());
     * }</pre>
     */
    public Builder https(TlsConfig tls) {
      this.tls = requireNonNull(tls, "tls must not be null");
      return this;
    }

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
