package dev.transmitmock.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Obtains client-credentials access tokens from Transmit Security's token endpoint and caches them
 * per resource, the way a calling service should.
 *
 * <ul>
 *   <li>Tokens are cached per resource until their expiry minus a refresh margin ({@link
 *       Builder#refreshMargin(Duration)}), then refreshed ahead of expiry: while one thread
 *       refreshes, the others keep using the still-valid token.
 *   <li>Exactly one request per resource is in flight, however many threads ask (single-flight).
 *   <li>HTTP 5xx, 408, 429 (honouring {@code Retry-After}) and connection failures are retried with
 *       exponential backoff and jitter ({@link RetryPolicy}); other errors, such as {@code
 *       invalid_client}, fail at once with a {@link TokenRequestException} carrying the OAuth
 *       {@code error} and {@code error_description}.
 *   <li>{@code java.net.http.HttpClient} underneath, with connect and request timeouts.
 *   <li>The secret and tokens never appear in logs, exception messages or {@code toString()}.
 * </ul>
 *
 * <p>Production, Transmit US region:
 *
 * <pre>{@code
 * TransmitTokenClient tokens = TransmitTokenClient.builder()
 *     .region(TransmitRegion.US)
 *     .clientId(System.getenv("TRANSMIT_CLIENT_ID"))
 *     .clientSecret(System.getenv("TRANSMIT_CLIENT_SECRET"))
 *     .build();
 *
 * AccessToken token = tokens.accessToken("https://risk.identity.security");
 * httpRequest.header("Authorization", token.authorizationHeader());
 * }</pre>
 *
 * <p>Against the transmit-mock emulator: {@code .tokenEndpoint(server.tokenEndpoint())} and {@code
 * .clock(server.clock())}. Instances are thread-safe; share one per client id.
 */
public final class TransmitTokenClient {

  /** Tokens are replaced this long before they expire (at most half their lifetime, though). */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

  /** TCP connect timeout of the default {@link HttpClient}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Timeout of each token request, from sending to the end of the response headers. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Cache key for tokens requested without a resource (Transmit's default audience). */
  private static final String NO_RESOURCE = "";

  private final TokenEndpointCall call;
  private final Clock clock;
  private final Duration refreshMargin;
  private final URI tokenEndpoint;
  private final String clientId;
  private final ConcurrentMap<String, TokenSlot> slots = new ConcurrentHashMap<>();

  private TransmitTokenClient(Builder builder, HttpClient http) {
    this.clock = builder.clock;
    this.refreshMargin = builder.refreshMargin;
    this.tokenEndpoint = builder.tokenEndpoint;
    this.clientId = builder.clientId;
    this.call =
        new TokenEndpointCall(
            http,
            builder.tokenEndpoint,
            builder.clientId,
            builder.clientSecret,
            builder.authentication,
            builder.scope,
            builder.requestTimeout,
            builder.retryPolicy,
            builder.clock);
  }

  /**
   * Starts configuring a client: set {@link Builder#tokenEndpoint} (or {@link Builder#region}),
   * {@link Builder#clientId} and {@link Builder#clientSecret}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A token for Transmit's default audience ({@code userid-api}): the one to call Transmit's own
   * APIs with.
   *
   * @return a cached or freshly obtained token
   * @throws TokenRequestException when no token could be obtained
   */
  public AccessToken accessToken() {
    return tokenFor(NO_RESOURCE, null);
  }

  /**
   * A token whose audience is {@code resource}, e.g. {@code https://risk.identity.security} or your
   * own API's resource URI (it must be assigned to the client's application in Transmit).
   *
   * @param resource the resource URI, sent as the {@code resource} parameter
   * @return a cached or freshly obtained token
   * @throws TokenRequestException when no token could be obtained ({@code invalid_target} when the
   *     resource is not assigned to the application)
   */
  public AccessToken accessToken(String resource) {
    requireNonNull(resource, "resource must not be null");
    if (resource.isBlank()) {
      throw new IllegalArgumentException("resource must not be blank; use accessToken() instead");
    }
    return tokenFor(resource, resource);
  }

  /**
   * Drops the cached token of one resource, e.g. after the API it was sent to answered 401; the
   * next call fetches a new one.
   *
   * @param resource the resource URI
   */
  public void invalidate(String resource) {
    TokenSlot slot = slots.get(requireNonNull(resource, "resource must not be null"));
    if (slot != null) {
      slot.invalidate();
    }
  }

  /** Drops every cached token. */
  public void invalidateAll() {
    slots.values().forEach(TokenSlot::invalidate);
  }

  private AccessToken tokenFor(String key, String resource) {
    TokenSlot slot = slots.computeIfAbsent(key, ignored -> new TokenSlot());
    return slot.get(clock.instant(), () -> fetch(resource));
  }

  private TokenSlot.Cached fetch(String resource) {
    Instant requestedAt = clock.instant();
    AccessToken token = call.request(resource);
    Duration lifetime = Duration.between(requestedAt, token.expiresAt());
    Duration margin = refreshMargin;
    Duration half = lifetime.dividedBy(2);
    if (margin.compareTo(half) > 0) {
      margin = half; // short-lived tokens: refresh at half-life instead of immediately
    }
    return new TokenSlot.Cached(token, token.expiresAt().minus(margin));
  }

  @Override
  public String toString() {
    return "TransmitTokenClient[tokenEndpoint="
        + tokenEndpoint
        + ", clientId="
        + clientId
        + ", clientSecret=(redacted)]";
  }

  /** Configures a {@link TransmitTokenClient}. Not thread-safe. */
  public static final class Builder {

    private URI tokenEndpoint;
    private String clientId;
    private String clientSecret;
    private ClientAuthentication authentication = ClientAuthentication.CLIENT_SECRET_POST;
    private String scope;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;

    private Builder() {}

    /**
     * Uses a Transmit region's token endpoint, e.g. {@code
     * https://api.eu.transmitsecurity.io/oidc/token}.
     *
     * @param region your tenant's region
     * @return this builder
     */
    public Builder region(TransmitRegion region) {
      this.tokenEndpoint = requireNonNull(region, "region must not be null").tokenEndpoint();
      return this;
    }

    /**
     * The token endpoint URL.
     *
     * @param tokenEndpoint an absolute http(s) URI
     * @return this builder
     */
    public Builder tokenEndpoint(URI tokenEndpoint) {
      requireNonNull(tokenEndpoint, "tokenEndpoint must not be null");
      String scheme = tokenEndpoint.getScheme();
      if (!tokenEndpoint.isAbsolute()
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException(
            "tokenEndpoint must be an absolute http(s) URI: " + tokenEndpoint);
      }
      this.tokenEndpoint = tokenEndpoint;
      return this;
    }

    /**
     * The application's client id.
     *
     * @param clientId not blank
     * @return this builder
     */
    public Builder clientId(String clientId) {
      requireNonNull(clientId, "clientId must not be null");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      this.clientId = clientId;
      return this;
    }

    /**
     * The application's client secret. Kept in memory only, never printed.
     *
     * @param clientSecret not blank
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      requireNonNull(clientSecret, "clientSecret must not be null");
      if (clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientSecret must not be blank");
      }
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * How the credentials are sent: in the form body (default, as Transmit documents) or as HTTP
     * Basic.
     *
     * @param authentication the method
     * @return this builder
     */
    public Builder authentication(ClientAuthentication authentication) {
      this.authentication = requireNonNull(authentication, "authentication must not be null");
      return this;
    }

    /**
     * A space-delimited scope sent with every request (none by default).
     *
     * @param scope the scope
     * @return this builder
     */
    public Builder scope(String scope) {
      requireNonNull(scope, "scope must not be null");
      this.scope = scope.isBlank() ? null : scope;
      return this;
    }

    /**
     * How long before expiry a cached token is replaced ({@link #DEFAULT_REFRESH_MARGIN}); capped
     * at half the token's lifetime, so short-lived tokens are still reused.
     *
     * @param refreshMargin zero or positive
     * @return this builder
     */
    public Builder refreshMargin(Duration refreshMargin) {
      requireNonNull(refreshMargin, "refreshMargin must not be null");
      if (refreshMargin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative: " + refreshMargin);
      }
      this.refreshMargin = refreshMargin;
      return this;
    }

    /**
     * Connect timeout of the default HTTP client ({@link #DEFAULT_CONNECT_TIMEOUT}); ignored when
     * {@link #httpClient(HttpClient)} is set.
     *
     * @param connectTimeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Timeout of each request attempt ({@link #DEFAULT_REQUEST_TIMEOUT}).
     *
     * @param requestTimeout positive
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * The retry policy ({@link RetryPolicy#DEFAULT}; {@link RetryPolicy#NONE} disables retries).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy must not be null");
      return this;
    }

    /**
     * The clock expiry is computed with. Tests share the emulator's clock here.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * An HTTP client to use instead of the default one (for proxies, custom TLS, executors).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient must not be null");
      return this;
    }

    /**
     * Builds the client. No request is sent until a token is asked for.
     *
     * @return a thread-safe client
     * @throws IllegalStateException when endpoint, client id or secret is missing
     */
    public TransmitTokenClient build() {
      if (tokenEndpoint == null) {
        throw new IllegalStateException(
            "set tokenEndpoint(URI) (e.g. https://api.transmitsecurity.io/oidc/token) or"
                + " region(TransmitRegion)");
      }
      if (clientId == null || clientSecret == null) {
        throw new IllegalStateException("set clientId(String) and clientSecret(String)");
      }
      HttpClient http =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(connectTimeout)
                  .build();
      return new TransmitTokenClient(this, http);
    }

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    @Override
    public String toString() {
      return "TransmitTokenClient.Builder[tokenEndpoint="
          + tokenEndpoint
          + ", clientId="
          + clientId
          + ", clientSecret=(redacted)]";
    }
  }
}
