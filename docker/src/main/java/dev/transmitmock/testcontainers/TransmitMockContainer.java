package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import com.github.dockerjava.api.DockerClient;
import dev.transmitmock.protocol.ClientFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.EnvironmentVariables;
import dev.transmitmock.protocol.TransmitPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs the transmit-mock emulator (a stand-in for Transmit Security's OAuth 2.0 client-credentials
 * token service) in a container, for integration tests on the JVM.
 *
 * <pre>{@code
 * try (TransmitMockContainer<?> mock = new TransmitMockContainer<>()
 *     .withClient("orders-svc", "orders-secret", "https://api.orders.example")
 *     .withTokenLifetime(Duration.ofMinutes(5))) {
 *   mock.start();
 *   String token = mock.getClientCredentialsToken("orders-svc", "orders-secret",
 *       "https://api.orders.example");
 *   // point the code under test at mock.getTokenEndpoint() and mock.getJwksUri()
 *   mock.control().clock().advance(Duration.ofMinutes(6));   // now that token has expired
 * }
 * }</pre>
 *
 * <p>Without any {@code with...} call the emulator serves its embedded default configuration
 * (clients {@code demo-app}/{@code demo-app-secret} and {@code demo-admin}/{@code
 * demo-admin-secret}). {@link #withConfig(Path)} or {@link #withConfig(String)} supply a whole
 * config file; {@link #withClient} and {@link #withResource} instead build one from the declared
 * clients and resources only (the two ways cannot be mixed). {@link #withIssuer} and {@link
 * #withTokenLifetime} combine with either. Everything is applied when the container starts.
 *
 * <p>HTTPS: {@link #withHttps()} adds an HTTPS listener on {@value #HTTPS_PORT} (beside HTTP;
 * {@link #withHttpsOnly()} instead of it) with a certificate the emulator generates at start, valid
 * for {@code localhost}, the host Testcontainers reaches the container by and the container's
 * network aliases. {@link #createSslContext()} trusts exactly its CA:
 *
 * <pre>{@code
 * try (TransmitMockContainer<?> mock = new TransmitMockContainer<>().withHttps()) {
 *   mock.start();
 *   HttpClient client = HttpClient.newBuilder().sslContext(mock.createSslContext()).build();
 *   // POST to mock.getHttpsTokenEndpoint(); consumers verify against mock.getHttpsJwksUri()
 *   String caPem = mock.getCaCertificatePem();   // for non-JVM clients: curl --cacert, ...
 * }
 * }</pre>
 *
 * <p>Readiness: {@link #start()} returns once {@code GET /_mock/health} answers 200 on every
 * listener, and fails at once, quoting the emulator's log, when the emulator exits instead (e.g. a
 * bad config). Before anything starts it checks that the engine can obtain the images it needs, and
 * fails in seconds with an {@link ImagesUnavailableException} saying what to set where no registry
 * is reachable, instead of Testcontainers' minutes of pull retries.
 *
 * @param <SELF> the concrete container type, so that {@code with...} calls chain
 */
public class TransmitMockContainer<SELF extends TransmitMockContainer<SELF>>
    extends GenericContainer<SELF> {

  /** The repository of the images {@code docker/build-image.sh} tags. */
  static final String IMAGE_REPOSITORY = "transmit-mock";

  /** The image used by the no-argument constructor: what {@code docker/build-image.sh} builds. */
  public static final String DEFAULT_IMAGE = IMAGE_REPOSITORY + ":local";

  /** The port the emulator listens on inside the container. */
  public static final int PORT = 8080;

  /** The HTTPS port inside the container, once {@link #withHttps()} turns HTTPS on. */
  public static final int HTTPS_PORT = 8443;

  /** Where the emulator writes its CA certificate (PEM) inside the container when HTTPS is on. */
  public static final String CA_CERTIFICATE_PATH = "/tmp/transmit-mock-ca.pem";

  /** Where a config file is placed inside the container. */
  public static final String CONFIG_PATH = "/config/transmit-mock.yaml";

  /** How long {@link #start()} waits for the emulator to answer. */
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  static final String TOKEN_PATH = TransmitPaths.TOKEN;
  static final String JWKS_PATH = TransmitPaths.JWKS;
  static final String DISCOVERY_PATH = TransmitPaths.DISCOVERY;

  static final String CLIENT_AUTH_NEED = "need";
  static final String CA_PEM_PATH = ControlPaths.TLS_CA_PEM;

  private static final int CONFIG_FILE_MODE = 0644;

  /** The image's name, checked before start; empty for an image built on the fly. */
  private final Optional<String> imageName;

  private final List<ClientDefinition> clients = new ArrayList<>();
  private final List<ResourceDefinition> resources = new ArrayList<>();
  private final List<ApplicationDefinition> applications = new ArrayList<>();
  private boolean verboseErrors;
  private final EmulatorHttp http =
      new EmulatorHttp(
          this::emulatorBaseUrl,
          () -> Optional.ofNullable(this.controlToken),
          () -> trustMaterial().sslContext());
  private MountableFile configFile;
  private Transferable configText;
  private String issuer;
  private Duration tokenLifetime;
  private String controlToken;
  private boolean controlEnabled = true;
  private boolean https;
  private boolean httpEnabled = true;
  private volatile TrustMaterial trust;

  /** The CA of one started container and an SSL context trusting it. */
  private record TrustMaterial(String containerId, String pem, SSLContext sslContext) {}

  /** A container of {@value #DEFAULT_IMAGE}. */
  public TransmitMockContainer() {
    this(DockerImageName.parse(DEFAULT_IMAGE));
  }

  /** A container of the given image name, e.g. {@code "transmit-mock:0.1.0"}. */
  public TransmitMockContainer(String image) {
    this(DockerImageName.parse(requireNonNull(image, "image must not be null")));
  }

  /** A container of the given image. */
  public TransmitMockContainer(DockerImageName image) {
    super(requireNonNull(image, "image must not be null"));
    this.imageName = Optional.of(image.asCanonicalNameString());
    init();
  }

  /**
   * A container of an image built on the fly, e.g. an {@code ImageFromDockerfile} of {@code
   * docker/Dockerfile}.
   */
  public TransmitMockContainer(Future<String> image) {
    super(requireNonNull(image, "image must not be null"));
    this.imageName = Optional.empty();
    init();
  }

  /**
   * Starts the container, after checking within seconds that the Docker engine has, or can pull,
   * the images the start needs: Testcontainers' Ryuk image (unless {@code
   * TESTCONTAINERS_RYUK_DISABLED=true}) and this container's image. Where no registry is reachable,
   * Testcontainers would otherwise retry each pull for minutes.
   *
   * @throws ImagesUnavailableException when an image is neither in the engine nor pullable; the
   *     message says what to set ({@code TESTCONTAINERS_RYUK_DISABLED=true}, {@code
   *     TESTCONTAINERS_HOST_OVERRIDE}) or how to build the image offline
   */
  @Override
  public void start() {
    StartPreflight.verify(imageName);
    super.start();
  }

  private void init() {
    addExposedPort(PORT);
    waitingFor(new HealthWaitStrategy(this::listeners).withStartupTimeout(DEFAULT_STARTUP_TIMEOUT));
    withStartupCheckStrategy(new ExitsAreReportedByTheWaitStrategy());
  }

  /** Serves the given YAML or JSON config file (mounted at {@value #CONFIG_PATH}). */
  public SELF withConfig(Path configFile) {
    requireNonNull(configFile, "configFile must not be null");
    if (!Files.isRegularFile(configFile)) {
      throw new IllegalArgumentException("config file " + configFile + " does not exist");
    }
    this.configFile = MountableFile.forHostPath(configFile, CONFIG_FILE_MODE);
    this.configText = null;
    return self();
  }

  /** Serves the given YAML or JSON config text (written to {@value #CONFIG_PATH}). */
  public SELF withConfig(String configYaml) {
    requireNonNull(configYaml, "configYaml must not be null");
    if (configYaml.isBlank()) {
      throw new IllegalArgumentException("configYaml must not be blank");
    }
    this.configText =
        Transferable.of(configYaml.getBytes(StandardCharsets.UTF_8), CONFIG_FILE_MODE);
    this.configFile = null;
    return self();
  }

  /**
   * Adds an application client allowed to request tokens for the given resources (which are
   * declared as resources too).
   */
  public SELF withClient(String clientId, String clientSecret, String... resourceUris) {
    return withClient(ClientDefinition.app(clientId, clientSecret).resources(resourceUris).build());
  }

  /** Adds a client; see {@link ClientDefinition#app} and {@link ClientDefinition#management}. */
  public SELF withClient(ClientDefinition client) {
    requireNonNull(client, "client must not be null");
    clients.add(client);
    return self();
  }

  /**
   * Declares an application whose clients' tokens are signed with its own keys; name it in a client
   * with {@link ClientDefinition.Builder#appId}.
   *
   * <pre>{@code
   * mock.withApplication(ApplicationDefinition
   *         .builder("app-orders", "https://orders.app.transmitsecurity.io").build())
   *     .withClient(ClientDefinition.app("orders-svc", "s").appId("app-orders").build());
   * // verify against mock.getApplicationJwksUri("app-orders") and the app's issuer
   * }</pre>
   */
  public SELF withApplication(ApplicationDefinition application) {
    requireNonNull(application, "application must not be null");
    applications.add(application);
    return self();
  }

  /**
   * Adds the reason of every refusal ("invalid secret provided", which assertion or certificate
   * check failed) to error bodies as {@code error_detail} ({@code TRANSMIT_MOCK_VERBOSE_ERRORS});
   * by default the body is the one Transmit sends, and the reason is in the journal ({@link
   * RecordedRequest#errorDetail()}).
   */
  public SELF withVerboseErrors() {
    this.verboseErrors = true;
    return self();
  }

  /** Declares a resource (API audience) with the default token lifetime. */
  public SELF withResource(String resourceUri) {
    resources.add(new ResourceDefinition(resourceUri, Optional.empty()));
    return self();
  }

  /** Declares a resource (API audience) whose tokens live for the given time. */
  public SELF withResource(String resourceUri, Duration tokenLifetime) {
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    resources.add(new ResourceDefinition(resourceUri, Optional.of(tokenLifetime)));
    return self();
  }

  /**
   * Sets the issuer ({@code iss}) of the tokens, e.g. {@code
   * https://api.eu.transmitsecurity.io/cis}.
   */
  public SELF withIssuer(String issuer) {
    requireNonNull(issuer, "issuer must not be null");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer must not be blank");
    }
    this.issuer = issuer;
    return self();
  }

  /** Sets the default lifetime of the tokens. */
  public SELF withTokenLifetime(Duration tokenLifetime) {
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
    }
    this.tokenLifetime = tokenLifetime;
    return self();
  }

  /**
   * Makes the {@code /_mock/} control API require this bearer token; {@link #control()} sends it.
   */
  public SELF withControlToken(String controlToken) {
    requireNonNull(controlToken, "controlToken must not be null");
    if (controlToken.isBlank()) {
      throw new IllegalArgumentException("controlToken must not be blank");
    }
    this.controlToken = controlToken;
    return self();
  }

  /** Turns the {@code /_mock/} control API off (the health endpoint stays on). */
  public SELF withoutControlApi() {
    this.controlEnabled = false;
    return self();
  }

  /**
   * Turns HTTPS on beside HTTP: the emulator listens on {@value #HTTPS_PORT} too, with a server
   * certificate signed by a CA it generates at start. The certificate names {@code localhost},
   * {@code 127.0.0.1}, the host Testcontainers reaches the container by ({@link #getHost()}) and
   * the container's network aliases, so it is valid both from the test and from other containers on
   * the same network ({@code https://<alias>:8443}). Client certificates are asked for but not
   * required ({@code want}), so {@code tls_client_auth} clients work.
   *
   * <pre>{@code
   * TransmitMockContainer<?> mock = new TransmitMockContainer<>()
   *     .withNetwork(network).withNetworkAliases("transmit-mock").withHttps();
   * }</pre>
   */
  public SELF withHttps() {
    this.https = true;
    this.httpEnabled = true;
    return self();
  }

  /**
   * Serves HTTPS only ({@value #HTTPS_PORT}; port {@value #PORT} is not exposed), as {@link
   * #withHttps()} otherwise. {@link #getBaseUrl()} and the other plain-HTTP URLs are then refused;
   * {@link #getClientCredentialsToken} and {@link #control()} go over HTTPS, trusting the CA that
   * {@link #getCaCertificatePem()} reads from the container's file {@value #CA_CERTIFICATE_PATH}.
   */
  public SELF withHttpsOnly() {
    this.https = true;
    this.httpEnabled = false;
    return self();
  }

  /**
   * The listeners to wait for: HTTP, HTTPS or both. An HTTPS listener that requires client
   * certificates ({@code TRANSMIT_MOCK_TLS_CLIENT_AUTH=need}) refuses the readiness check's
   * handshake, so only HTTP is waited for then.
   */
  List<HealthWaitStrategy.Listener> listeners() {
    List<HealthWaitStrategy.Listener> listeners = new ArrayList<>();
    if (httpEnabled) {
      listeners.add(new HealthWaitStrategy.Listener(false, PORT));
    }
    if (https && !(httpEnabled && clientCertificatesRequired())) {
      listeners.add(new HealthWaitStrategy.Listener(true, HTTPS_PORT));
    }
    return listeners;
  }

  @Override
  protected void configure() {
    boolean declared = !clients.isEmpty() || !resources.isEmpty() || !applications.isEmpty();
    if (declared && (configFile != null || configText != null)) {
      throw new IllegalStateException(
          "withClient/withResource/withApplication build the whole config and cannot be combined"
              + " with withConfig(...): declare those clients, resources and applications in the"
              + " config instead");
    }
    if (configFile != null) {
      withCopyFileToContainer(configFile, CONFIG_PATH);
      withEnv(EnvironmentVariables.CONFIG, CONFIG_PATH);
    } else {
      configToCopy()
          .ifPresent(
              config -> {
                withCopyToContainer(config, CONFIG_PATH);
                withEnv(EnvironmentVariables.CONFIG, CONFIG_PATH);
              });
    }
    if (issuer != null) {
      withEnv(EnvironmentVariables.ISSUER, issuer);
    }
    if (tokenLifetime != null) {
      withEnv(EnvironmentVariables.TOKEN_LIFETIME, tokenLifetime.toString());
    }
    if (verboseErrors) {
      withEnv(EnvironmentVariables.VERBOSE_ERRORS, "true");
    }
    if (!controlEnabled) {
      withEnv(EnvironmentVariables.CONTROL_ENABLED, "false");
    }
    if (controlToken != null) {
      withEnv(EnvironmentVariables.CONTROL_TOKEN, controlToken);
    }
    if (https) {
      configureHttps(getHost());
    }
  }

  private boolean clientCertificatesRequired() {
    return CLIENT_AUTH_NEED.equalsIgnoreCase(
        getEnvMap().getOrDefault(EnvironmentVariables.TLS_CLIENT_AUTH, "").trim());
  }

  /** Exposes the HTTPS port and sets its variables; {@code host} is where the test reaches it. */
  void configureHttps(String host) {
    if (!httpEnabled && clientCertificatesRequired()) {
      throw new IllegalStateException(
          "withHttpsOnly() with "
              + EnvironmentVariables.TLS_CLIENT_AUTH
              + "=need cannot be checked for readiness (the health checks have no client"
              + " certificate): use withHttps() to keep plain HTTP, or client auth 'want'");
    }
    List<Integer> ports = new ArrayList<>(getExposedPorts());
    if (!httpEnabled) {
      ports.remove(Integer.valueOf(PORT));
      withEnv(EnvironmentVariables.HTTP_ENABLED, "false");
    }
    if (!ports.contains(HTTPS_PORT)) {
      ports.add(HTTPS_PORT);
    }
    setExposedPorts(ports);
    withEnv(EnvironmentVariables.HTTPS_PORT, Integer.toString(HTTPS_PORT));
    withEnv(EnvironmentVariables.TLS_SUBJECT_ALT_NAMES, String.join(",", subjectAltNames(host)));
    withEnv(EnvironmentVariables.TLS_CA_OUT, CA_CERTIFICATE_PATH);
  }

  /**
   * The names the generated server certificate must carry: localhost, the host the test reaches the
   * container by, the network aliases, and any names already given with {@code withEnv}.
   */
  private Set<String> subjectAltNames(String host) {
    Set<String> names = new LinkedHashSet<>();
    names.add("localhost");
    names.add(host);
    names.addAll(getNetworkAliases());
    String given = getEnvMap().get(EnvironmentVariables.TLS_SUBJECT_ALT_NAMES);
    if (given != null) {
      Arrays.stream(given.split(","))
          .map(String::trim)
          .filter(name -> !name.isEmpty())
          .forEach(names::add);
    }
    return names;
  }

  /**
   * The config text to place at {@value #CONFIG_PATH}: the one given, or one generated from the
   * declared clients and resources (a file rather than an environment variable, so that secrets
   * stay out of {@code docker inspect}); empty for a config file or the embedded default.
   */
  Optional<Transferable> configToCopy() {
    if (configText != null) {
      return Optional.of(configText);
    }
    if (clients.isEmpty() && resources.isEmpty() && applications.isEmpty()) {
      return Optional.empty();
    }
    byte[] generated = Json.write(declaredConfig()).getBytes(StandardCharsets.UTF_8);
    return Optional.of(Transferable.of(generated, CONFIG_FILE_MODE));
  }

  private Map<String, Object> declaredConfig() {
    Map<String, ResourceDefinition> allResources = new LinkedHashMap<>();
    resources.forEach(resource -> allResources.put(resource.uri(), resource));
    clients.stream()
        .flatMap(client -> client.resources().stream())
        .forEach(
            uri -> allResources.putIfAbsent(uri, new ResourceDefinition(uri, Optional.empty())));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        ClientFields.RESOURCES,
        allResources.values().stream().map(ResourceDefinition::toConfig).toList());
    config.put(ClientFields.CLIENTS, clients.stream().map(ClientDefinition::toConfig).toList());
    if (!applications.isEmpty()) {
      config.put(
          ClientFields.APPLICATIONS,
          applications.stream().map(ApplicationDefinition::toConfig).toList());
    }
    return config;
  }

  /** The emulator's base URL as seen from the test, e.g. {@code http://localhost:32768}. */
  public String getBaseUrl() {
    if (!httpEnabled) {
      throw new IllegalStateException(
          "plain HTTP is off (withHttpsOnly()); use getHttpsBaseUrl() and the getHttps... URLs");
    }
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /**
   * The emulator's HTTPS base URL as seen from the test, e.g. {@code https://localhost:32769}; its
   * certificate is valid for that host name.
   *
   * @throws IllegalStateException when HTTPS was not turned on with {@link #withHttps()}
   */
  public String getHttpsBaseUrl() {
    requireHttps();
    return "https://" + getHost() + ":" + getMappedPort(HTTPS_PORT);
  }

  /**
   * The token endpoint over HTTPS (also the {@code aud} of a {@code private_key_jwt} assertion).
   */
  public String getHttpsTokenEndpoint() {
    return getHttpsBaseUrl() + TOKEN_PATH;
  }

  /** The JSON Web Key Set over HTTPS. */
  public String getHttpsJwksUri() {
    return getHttpsBaseUrl() + JWKS_PATH;
  }

  /** The OpenID discovery document over HTTPS; the endpoints it lists are HTTPS URLs. */
  public String getHttpsDiscoveryUri() {
    return getHttpsBaseUrl() + DISCOVERY_PATH;
  }

  /**
   * The certificate to trust for the HTTPS listener, PEM: the CA the emulator generated at start
   * (or the last certificate of a configured chain). Read once per started container from {@code
   * GET /_mock/tls/ca.pem}, or, when plain HTTP or the control API is off, from the file the
   * emulator wrote at {@value #CA_CERTIFICATE_PATH} (copied out over the Docker API).
   *
   * <pre>{@code
   * Files.writeString(dir.resolve("ca.pem"), mock.getCaCertificatePem());  // curl --cacert ca.pem
   * }</pre>
   */
  public String getCaCertificatePem() {
    return trustMaterial().pem();
  }

  /** {@link #getCaCertificatePem()} as a certificate, e.g. for a trust store. */
  public X509Certificate getCaCertificate() {
    return TlsTrust.certificate(getCaCertificatePem());
  }

  /**
   * A new SSL context that trusts the emulator's CA only (not the JVM's default CAs).
   *
   * <pre>{@code
   * HttpClient client = HttpClient.newBuilder().sslContext(mock.createSslContext()).build();
   * }</pre>
   */
  public SSLContext createSslContext() {
    return TlsTrust.sslContext(getCaCertificate(), null);
  }

  /**
   * A new SSL context that trusts the emulator's CA and presents a client certificate, for {@code
   * tls_client_auth} and {@code self_signed_tls_client_auth} clients (mTLS).
   *
   * <pre>{@code
   * SSLContext mtls = mock.createSslContext(clientPrivateKey, clientCertificate);
   * HttpClient client = HttpClient.newBuilder().sslContext(mtls).build();
   * // POST grant_type=client_credentials&client_id=edge-svc to mock.getHttpsTokenEndpoint()
   * }</pre>
   *
   * @param clientKey the client's private key
   * @param clientCertificateChain its certificate, then any intermediate certificates
   */
  public SSLContext createSslContext(
      PrivateKey clientKey, X509Certificate... clientCertificateChain) {
    requireNonNull(clientKey, "clientKey must not be null");
    requireNonNull(clientCertificateChain, "clientCertificateChain must not be null");
    if (clientCertificateChain.length == 0) {
      throw new IllegalArgumentException("clientCertificateChain needs at least the certificate");
    }
    return TlsTrust.sslContext(getCaCertificate(), clientKey, clientCertificateChain);
  }

  /**
   * A new SSL context that trusts the emulator's CA and presents a client certificate the emulator
   * issued ({@link TlsControl#issueClientCertificate}), for {@code tls_client_auth} clients.
   *
   * <pre>{@code
   * IssuedClientCertificate issued =
   *     mock.control().tls().issueClientCertificate("CN=payments-svc,O=Acme");
   * HttpClient mtls = HttpClient.newBuilder().sslContext(mock.createSslContext(issued)).build();
   * }</pre>
   *
   * @param clientCertificate the issued certificate, with its chain and private key
   */
  public SSLContext createSslContext(IssuedClientCertificate clientCertificate) {
    requireNonNull(clientCertificate, "clientCertificate must not be null");
    return createSslContext(
        clientCertificate.privateKey(), clientCertificate.chain().toArray(new X509Certificate[0]));
  }

  private TrustMaterial trustMaterial() {
    requireHttps();
    if (!isRunning()) {
      throw new IllegalStateException("the container is not running; call start() first");
    }
    String containerId = getContainerId();
    TrustMaterial current = trust;
    if (current != null && current.containerId().equals(containerId)) {
      return current;
    }
    String pem = readCaCertificatePem();
    TrustMaterial fresh =
        new TrustMaterial(containerId, pem, TlsTrust.sslContext(TlsTrust.certificate(pem), null));
    trust = fresh;
    return fresh;
  }

  private String readCaCertificatePem() {
    if (httpEnabled && controlEnabled) {
      return http.controlGetText(CA_PEM_PATH);
    }
    return copyFileFromContainer(
        CA_CERTIFICATE_PATH, in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
  }

  private void requireHttps() {
    if (!https) {
      throw new IllegalStateException(
          "HTTPS is off: call withHttps() (or withHttpsOnly()) before start()");
    }
  }

  /** Where this module's own requests go: HTTP, or HTTPS when plain HTTP is off. */
  private String emulatorBaseUrl() {
    return httpEnabled ? getBaseUrl() : getHttpsBaseUrl();
  }

  /** The token endpoint ({@code POST}, client credentials). */
  public String getTokenEndpoint() {
    return getBaseUrl() + TOKEN_PATH;
  }

  /** The JSON Web Key Set that verifies the tokens. */
  public String getJwksUri() {
    return getBaseUrl() + JWKS_PATH;
  }

  /** The OpenID discovery document. */
  public String getDiscoveryUri() {
    return getBaseUrl() + DISCOVERY_PATH;
  }

  /**
   * The JWKS of an application declared with {@link #withApplication}: its keys, and the global
   * ones during its transition window.
   *
   * @throws IllegalArgumentException when no application with this id was declared
   */
  public String getApplicationJwksUri(String appId) {
    String path = application(appId).effectiveJwksPath();
    return getBaseUrl() + path;
  }

  /**
   * The discovery document of an application declared with {@link #withApplication}: its issuer and
   * JWKS, the emulator's endpoints.
   *
   * @throws IllegalArgumentException when no application with this id was declared
   */
  public String getApplicationDiscoveryUri(String appId) {
    String path = application(appId).discoveryPath();
    return getBaseUrl() + path;
  }

  private ApplicationDefinition application(String appId) {
    requireNonNull(appId, "appId must not be null");
    return applications.stream()
        .filter(app -> app.appId().equals(appId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no application " + appId + " was declared with withApplication(...)"));
  }

  /** The {@code iss} of the tokens, as the running emulator's discovery document states it. */
  public String getIssuer() {
    Object discovery = http.get(DISCOVERY_PATH);
    if (discovery instanceof Map && ((Map<?, ?>) discovery).get("issuer") instanceof String) {
      return (String) ((Map<?, ?>) discovery).get("issuer");
    }
    throw new TransmitMockException(
        "the discovery document at " + DISCOVERY_PATH + " has no issuer", 200, "");
  }

  /** Fetches an access token with the client-credentials grant, without a resource. */
  public String getClientCredentialsToken(String clientId, String clientSecret) {
    return requestToken(clientId, clientSecret, null);
  }

  /** Fetches an access token with the client-credentials grant for the given resource. */
  public String getClientCredentialsToken(String clientId, String clientSecret, String resource) {
    requireNonNull(resource, "resource must not be null");
    return requestToken(clientId, clientSecret, resource);
  }

  private String requestToken(String clientId, String clientSecret, String resource) {
    return http.clientCredentialsToken(TOKEN_PATH, clientId, clientSecret, resource);
  }

  /** The secret of a client declared with {@code withClient(...)}, if it has one. */
  Optional<String> declaredSecret(String clientId) {
    return clients.stream()
        .filter(client -> client.clientId().equals(clientId))
        .reduce((first, last) -> last)
        .flatMap(ClientDefinition::clientSecret);
  }

  /**
   * The test-control API of the running emulator: clock, request journal, faults, keys, defective
   * tokens and reset, over HTTP.
   */
  public TransmitMockControl control() {
    if (!controlEnabled) {
      throw new IllegalStateException(
          "the control API was turned off with withoutControlApi(); remove that call to use it");
    }
    return new TransmitMockControl(http);
  }

  /**
   * Leaves an early exit to {@link HealthWaitStrategy}, which reports it with the emulator's log
   * (Testcontainers' default check would only say the container "did not start correctly").
   */
  private static final class ExitsAreReportedByTheWaitStrategy extends StartupCheckStrategy {
    @Override
    public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
      return StartupStatus.SUCCESSFUL;
    }
  }
}
