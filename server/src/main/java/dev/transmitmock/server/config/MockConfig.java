package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.TransmitPaths;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration of an emulator: issuer, tenant, lifetimes, resources, clients and keys.
 * Immutable; {@link Builder#build()} validates it and reports problems with their path.
 *
 * <pre>{@code
 * MockConfig config = MockConfig.builder()
 *     .region(Region.EU)
 *     .tenantId("tnt-acceptance")
 *     .resource(ResourceConfig.builder("https://api.orders.example").build())
 *     .client(ClientConfig.builder("orders-svc").secret("orders-secret")
 *         .resources("https://api.orders.example").build())
 *     .build();
 * }</pre>
 *
 * <p>The same configuration can be read from YAML or JSON with {@link ConfigLoader}.
 *
 * @param issuer the {@code iss} of every token and the discovery issuer
 * @param tenantId the {@code tid} claim
 * @param tokenLifetime the default access-token lifetime
 * @param publicBaseUrl the base URL advertised in discovery, when the emulator sits behind a proxy
 * @param tokenTyp the {@code typ} header of access tokens
 * @param errorStyle the shape of error bodies
 * @param alwaysIncludeScope whether responses carry {@code "scope": ""} when no scope was granted
 * @param unassignedResourcePolicy what to do when a client asks for a resource not assigned to it
 * @param defaultAudience the {@code aud} of tokens requested without a resource
 * @param serviceResources Transmit's built-in resources, which every client may request
 * @param resources the tenant's resources
 * @param clients the registered clients
 * @param keys the signing keys (empty: one generated RS256 key)
 * @param journalCapacity how many requests the journal keeps
 * @param maxRequestBodyBytes the largest request body accepted (413 beyond it)
 * @param tls the HTTPS listener ({@link TlsConfig#DISABLED} by default)
 * @param verboseErrors whether error bodies add the reason as {@code error_detail}
 * @param scopes the scopes granted when requested without a resource (node-oidc-provider's OIDC
 *     scopes); the same list is discovery's {@code scopes_supported}
 * @param unknownScopePolicy what happens to requested scopes outside those lists
 * @param metadataWithoutCis whether the JWKS and discovery are served under {@code /oidc} too
 * @param applications applications with app-specific token signing keys
 */
public record MockConfig(
    String issuer,
    String tenantId,
    Duration tokenLifetime,
    Optional<URI> publicBaseUrl,
    TokenTyp tokenTyp,
    ErrorStyle errorStyle,
    boolean alwaysIncludeScope,
    UnassignedResourcePolicy unassignedResourcePolicy,
    String defaultAudience,
    List<URI> serviceResources,
    List<ResourceConfig> resources,
    List<ClientConfig> clients,
    List<KeyConfig> keys,
    int journalCapacity,
    int maxRequestBodyBytes,
    TlsConfig tls,
    boolean verboseErrors,
    List<String> scopes,
    UnknownScopePolicy unknownScopePolicy,
    boolean metadataWithoutCis,
    List<ApplicationConfig> applications) {

  /** A configuration without the fidelity options of issue 15, with their defaults. */
  public MockConfig(
      String issuer,
      String tenantId,
      Duration tokenLifetime,
      Optional<URI> publicBaseUrl,
      TokenTyp tokenTyp,
      ErrorStyle errorStyle,
      boolean alwaysIncludeScope,
      UnassignedResourcePolicy unassignedResourcePolicy,
      String defaultAudience,
      List<URI> serviceResources,
      List<ResourceConfig> resources,
      List<ClientConfig> clients,
      List<KeyConfig> keys,
      int journalCapacity,
      int maxRequestBodyBytes,
      TlsConfig tls) {
    this(
        issuer,
        tenantId,
        tokenLifetime,
        publicBaseUrl,
        tokenTyp,
        errorStyle,
        alwaysIncludeScope,
        unassignedResourcePolicy,
        defaultAudience,
        serviceResources,
        resources,
        clients,
        keys,
        journalCapacity,
        maxRequestBodyBytes,
        tls,
        false,
        DEFAULT_SCOPES,
        UnknownScopePolicy.DROP,
        true,
        List.of());
  }

  /** A configuration without HTTPS (the shape before {@code tls} existed). */
  public MockConfig(
      String issuer,
      String tenantId,
      Duration tokenLifetime,
      Optional<URI> publicBaseUrl,
      TokenTyp tokenTyp,
      ErrorStyle errorStyle,
      boolean alwaysIncludeScope,
      UnassignedResourcePolicy unassignedResourcePolicy,
      String defaultAudience,
      List<URI> serviceResources,
      List<ResourceConfig> resources,
      List<ClientConfig> clients,
      List<KeyConfig> keys,
      int journalCapacity,
      int maxRequestBodyBytes) {
    this(
        issuer,
        tenantId,
        tokenLifetime,
        publicBaseUrl,
        tokenTyp,
        errorStyle,
        alwaysIncludeScope,
        unassignedResourcePolicy,
        defaultAudience,
        serviceResources,
        resources,
        clients,
        keys,
        journalCapacity,
        maxRequestBodyBytes,
        TlsConfig.DISABLED);
  }

  /** Transmit's default access-token lifetime: one hour. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

  /** The audience of tokens requested without a {@code resource}. */
  public static final String DEFAULT_AUDIENCE = "userid-api";

  /** Built-in service resources: Identity Verification, Fraud Prevention, Document Verification. */
  public static final List<URI> DEFAULT_SERVICE_RESOURCES =
      List.of(
          URI.create("https://verify.identity.security"),
          URI.create("https://risk.identity.security"),
          URI.create("https://dv.identity.security"));

  /** Claims the emulator sets itself; a client's extra claims may not replace them. */
  public static final java.util.Set<String> RESERVED_CLAIMS =
      java.util.Set.of(
          "jti", "sub", "iat", "exp", "nbf", "scope", "client_id", "iss", "aud", "cnf");

  /** Default journal size: enough for a test, bounded for a container that runs for weeks. */
  public static final int DEFAULT_JOURNAL_CAPACITY = 1_000;

  /** Default cap on control-API request bodies (413 beyond it). */
  public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

  /**
   * node-oidc-provider's hard limit on the bodies of the token, introspection and revocation
   * endpoints ({@code shared/selective_body.js}): 56 KiB; larger ones are 400 "failed to parse the
   * request body".
   */
  public static final int ENGINE_BODY_LIMIT_BYTES = 56 * 1024;

  /** The scopes Transmit's discovery lists, granted when requested without a resource. */
  public static final List<String> DEFAULT_SCOPES =
      List.of("openid", "email", "phone", "offline_access");

  public MockConfig {
    requireNonNull(issuer, "issuer must not be null");
    requireNonNull(tenantId, "tenantId must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    requireNonNull(publicBaseUrl, "publicBaseUrl must not be null");
    requireNonNull(tokenTyp, "tokenTyp must not be null");
    requireNonNull(errorStyle, "errorStyle must not be null");
    requireNonNull(unassignedResourcePolicy, "unassignedResourcePolicy must not be null");
    requireNonNull(defaultAudience, "defaultAudience must not be null");
    serviceResources = List.copyOf(serviceResources);
    resources = List.copyOf(resources);
    clients = List.copyOf(clients);
    keys = List.copyOf(keys);
    requireNonNull(tls, "tls must not be null");
    scopes = List.copyOf(scopes);
    requireNonNull(unknownScopePolicy, "unknownScopePolicy must not be null");
    applications = List.copyOf(applications);
  }

  /** Starts an empty configuration with Transmit's defaults (US issuer, one-hour tokens). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .issuer(issuer)
            .tenantId(tenantId)
            .tokenLifetime(tokenLifetime)
            .tokenTyp(tokenTyp)
            .errorStyle(errorStyle)
            .alwaysIncludeScope(alwaysIncludeScope)
            .unassignedResourcePolicy(unassignedResourcePolicy)
            .defaultAudience(defaultAudience)
            .serviceResources(serviceResources)
            .journalCapacity(journalCapacity)
            .maxRequestBodyBytes(maxRequestBodyBytes)
            .tls(tls)
            .verboseErrors(verboseErrors)
            .scopes(scopes)
            .unknownScopePolicy(unknownScopePolicy)
            .metadataWithoutCis(metadataWithoutCis);
    publicBaseUrl.ifPresent(builder::publicBaseUrl);
    applications.forEach(builder::application);
    resources.forEach(builder::resource);
    clients.forEach(builder::client);
    keys.forEach(builder::key);
    return builder;
  }

  /** The resource with this URI, if the tenant defines it. */
  public Optional<ResourceConfig> resource(URI uri) {
    return resources.stream().filter(r -> r.uri().equals(uri)).findFirst();
  }

  /** The {@code app_id} claim of a client: configured, or stable and derived from its id. */
  public String appIdOf(ClientConfig client) {
    return client.appId().orElseGet(() -> StableId.of(tenantId + "/" + client.clientId(), 20));
  }

  /** The application with app-specific signing keys this client belongs to, if any. */
  public Optional<ApplicationConfig> applicationOf(ClientConfig client) {
    String appId = appIdOf(client);
    return applications.stream().filter(a -> a.appId().equals(appId)).findFirst();
  }

  /** The {@code app_name} claim of a client: configured, or its client id. */
  public String appNameOf(ClientConfig client) {
    return client.appName().orElse(client.clientId());
  }

  /** Builds {@link MockConfig}s; {@link #build()} checks consistency. */
  public static final class Builder {
    private String issuer;
    private Region region;
    private String tenantId;
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private URI publicBaseUrl;
    private TokenTyp tokenTyp = TokenTyp.AT_JWT;
    private ErrorStyle errorStyle = ErrorStyle.OAUTH;
    private boolean alwaysIncludeScope = false;
    private UnassignedResourcePolicy unassignedResourcePolicy = UnassignedResourcePolicy.REJECT;
    private String defaultAudience = DEFAULT_AUDIENCE;
    private List<URI> serviceResources = DEFAULT_SERVICE_RESOURCES;
    private final List<ResourceConfig> resources = new ArrayList<>();
    private final List<ClientConfig> clients = new ArrayList<>();
    private final List<KeyConfig> keys = new ArrayList<>();
    private int journalCapacity = DEFAULT_JOURNAL_CAPACITY;
    private int maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
    private TlsConfig tls = TlsConfig.DISABLED;
    private boolean verboseErrors;
    private List<String> scopes = DEFAULT_SCOPES;
    private UnknownScopePolicy unknownScopePolicy = UnknownScopePolicy.DROP;
    private boolean metadataWithoutCis = true;
    private final List<ApplicationConfig> applications = new ArrayList<>();

    private Builder() {}

    /**
     * Add the reason of a failed request ("client not found", "invalid secret provided", which
     * assertion or certificate check failed, ...) to the error body as {@code error_detail};
     * default false: the body is node-oidc-provider's, which never sends it. The journal and the
     * DEBUG log have the reason either way.
     */
    public Builder verboseErrors(boolean verboseErrors) {
      this.verboseErrors = verboseErrors;
      return this;
    }

    /**
     * The scopes granted when a client requests them without a resource; default {@code openid
     * email phone offline_access} (discovery's {@code scopes_supported}). node-oidc-provider grants
     * only its OIDC scopes there, and only the resource's scopes with a resource.
     */
    public Builder scopes(List<String> scopes) {
      this.scopes = List.copyOf(scopes);
      return this;
    }

    /** What happens to requested scopes the emulator does not know; default dropped silently. */
    public Builder unknownScopePolicy(UnknownScopePolicy policy) {
      this.unknownScopePolicy = requireNonNull(policy, "policy must not be null");
      return this;
    }

    /**
     * Serve the JWKS and discovery under {@code /oidc} as well as the documented {@code /cis/oidc};
     * default true (a guess: Transmit documents only {@code /cis/oidc/jwks}).
     */
    public Builder metadataWithoutCis(boolean metadataWithoutCis) {
      this.metadataWithoutCis = metadataWithoutCis;
      return this;
    }

    /** Adds an application with app-specific token signing keys. */
    public Builder application(ApplicationConfig application) {
      applications.add(requireNonNull(application, "application must not be null"));
      return this;
    }

    /** The HTTPS listener; default {@link TlsConfig#DISABLED}. */
    public Builder tls(TlsConfig tls) {
      this.tls = requireNonNull(tls, "tls must not be null");
      return this;
    }

    /** The issuer; overrides the region's. Default {@code https://userid.security}. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** A region preset: its issuer, unless {@link #issuer(String)} is also given. */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    /** The {@code tid} claim; default a stable id derived from the issuer. */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /** Default access-token lifetime; zero means instant expiry, negative already expired. */
    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = requireNonNull(tokenLifetime, "tokenLifetime must not be null");
      return this;
    }

    /** Base URL advertised in discovery when the emulator sits behind a proxy. */
    public Builder publicBaseUrl(URI publicBaseUrl) {
      this.publicBaseUrl = publicBaseUrl;
      return this;
    }

    /** The {@code typ} header of access tokens; default {@code at+jwt}. */
    public Builder tokenTyp(TokenTyp tokenTyp) {
      this.tokenTyp = requireNonNull(tokenTyp, "tokenTyp must not be null");
      return this;
    }

    /** Shape of error bodies; default RFC 6749 JSON. */
    public Builder errorStyle(ErrorStyle errorStyle) {
      this.errorStyle = requireNonNull(errorStyle, "errorStyle must not be null");
      return this;
    }

    /**
     * Whether responses carry {@code "scope": ""} when no scope was granted; default false, as
     * node-oidc-provider omits it (Transmit's OpenAPI lists {@code scope} as required).
     */
    public Builder alwaysIncludeScope(boolean alwaysIncludeScope) {
      this.alwaysIncludeScope = alwaysIncludeScope;
      return this;
    }

    /**
     * What a request for a resource not assigned to the client gets; default {@code
     * invalid_target}.
     */
    public Builder unassignedResourcePolicy(UnassignedResourcePolicy policy) {
      this.unassignedResourcePolicy = requireNonNull(policy, "policy must not be null");
      return this;
    }

    /** The {@code aud} of tokens requested without a resource; default {@code userid-api}. */
    public Builder defaultAudience(String defaultAudience) {
      this.defaultAudience = requireNonNull(defaultAudience, "defaultAudience must not be null");
      return this;
    }

    /** Resources every client may request (Transmit's built-in services by default). */
    public Builder serviceResources(List<URI> serviceResources) {
      this.serviceResources = List.copyOf(serviceResources);
      return this;
    }

    /** Adds a tenant resource. */
    public Builder resource(ResourceConfig resource) {
      resources.add(requireNonNull(resource, "resource must not be null"));
      return this;
    }

    /** Adds a client. */
    public Builder client(ClientConfig client) {
      clients.add(requireNonNull(client, "client must not be null"));
      return this;
    }

    /** Removes every client added so far (used by overrides that replace the client list). */
    public Builder clearClients() {
      clients.clear();
      return this;
    }

    /** Adds a signing key (none: one generated RS256 key). */
    public Builder key(KeyConfig key) {
      keys.add(requireNonNull(key, "key must not be null"));
      return this;
    }

    /** How many requests the journal keeps; default 1,000. */
    public Builder journalCapacity(int journalCapacity) {
      this.journalCapacity = journalCapacity;
      return this;
    }

    /**
     * The largest control-API ({@code /_mock}) request body accepted (413 beyond it); default 64
     * KiB. The Transmit endpoints keep node-oidc-provider's 56 KiB ({@link
     * #ENGINE_BODY_LIMIT_BYTES}).
     */
    public Builder maxRequestBodyBytes(int maxRequestBodyBytes) {
      this.maxRequestBodyBytes = maxRequestBodyBytes;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws ConfigException naming the path of the first problem found
     */
    public MockConfig build() {
      String effectiveIssuer =
          issuer != null ? issuer : (region != null ? region : Region.US).issuer();
      checkAbsoluteUri("issuer", effectiveIssuer);
      if (publicBaseUrl != null) {
        checkAbsoluteUri("publicBaseUrl", publicBaseUrl.toString());
      }
      if (journalCapacity < 1) {
        throw ConfigException.at("journalCapacity", "must be at least 1, was " + journalCapacity);
      }
      if (maxRequestBodyBytes < 1024) {
        throw ConfigException.at(
            "maxRequestBodyBytes", "must be at least 1024, was " + maxRequestBodyBytes);
      }
      Set<URI> known = new HashSet<>(serviceResources);
      for (int i = 0; i < resources.size(); i++) {
        if (!known.add(resources.get(i).uri())) {
          throw ConfigException.at(
              "resources[" + i + "].uri", "duplicate resource " + resources.get(i).uri());
        }
      }
      Set<String> clientIds = new HashSet<>();
      for (int i = 0; i < clients.size(); i++) {
        ClientConfig client = clients.get(i);
        if (!clientIds.add(client.clientId())) {
          throw ConfigException.at(
              "clients[" + i + "].clientId", "duplicate client id " + client.clientId());
        }
        for (String claim : client.claims().keySet()) {
          if (RESERVED_CLAIMS.contains(claim)) {
            throw ConfigException.at(
                "clients[" + i + "].claims." + claim,
                "reserved claim, set by the emulator (reserved: "
                    + String.join(", ", new java.util.TreeSet<>(RESERVED_CLAIMS))
                    + ")");
          }
        }
        for (int r = 0; r < client.resources().size(); r++) {
          URI uri = client.resources().get(r);
          if (!known.contains(uri)) {
            throw ConfigException.at(
                "clients[" + i + "].resources[" + r + "]",
                "resource " + uri + " is not defined under resources");
          }
        }
      }
      checkKeys();
      checkApplications(effectiveIssuer);
      for (int i = 0; i < scopes.size(); i++) {
        if (scopes.get(i).isEmpty() || scopes.get(i).contains(" ")) {
          throw ConfigException.at("scopes[" + i + "]", "a scope is one non-empty word");
        }
      }
      String effectiveTenant =
          tenantId != null ? tenantId : StableId.of("tenant/" + effectiveIssuer, 21);
      if (effectiveTenant.isBlank()) {
        throw ConfigException.at("tenantId", "must not be blank");
      }
      return new MockConfig(
          effectiveIssuer,
          effectiveTenant,
          tokenLifetime,
          Optional.ofNullable(publicBaseUrl),
          tokenTyp,
          errorStyle,
          alwaysIncludeScope,
          unassignedResourcePolicy,
          defaultAudience,
          serviceResources,
          resources,
          clients,
          keys,
          journalCapacity,
          maxRequestBodyBytes,
          tls,
          verboseErrors,
          scopes,
          unknownScopePolicy,
          metadataWithoutCis,
          applications);
    }

    private void checkApplications(String globalIssuer) {
      Set<String> appIds = new HashSet<>();
      Set<String> paths = new HashSet<>();
      for (int i = 0; i < applications.size(); i++) {
        ApplicationConfig app = applications.get(i);
        String at = "applications[" + i + "]";
        if (!appIds.add(app.appId())) {
          throw ConfigException.at(at + ".appId", "duplicate application " + app.appId());
        }
        if (app.issuer().equals(globalIssuer)) {
          throw ConfigException.at(
              at + ".issuer",
              "is the tenant's issuer; an app with its own keys has its own domain as issuer");
        }
        if (!paths.add(app.jwksPath())
            || app.jwksPath().startsWith(ControlPaths.PREFIX)
            || app.jwksPath().startsWith(TransmitPaths.OIDC_PREFIX + "/")
            || app.jwksPath().startsWith(TransmitPaths.CIS_PREFIX + "/")) {
          throw ConfigException.at(
              at + ".jwksPath",
              app.jwksPath() + " is taken (by another application or the emulator's own routes)");
        }
        long active = app.keys().stream().filter(KeyConfig::active).count();
        if (!app.keys().isEmpty() && active != 1) {
          throw ConfigException.at(
              at + ".keys", "exactly one key must be active (active: true), found " + active);
        }
      }
    }

    private void checkKeys() {
      if (keys.isEmpty()) {
        return;
      }
      long active = keys.stream().filter(KeyConfig::active).count();
      if (active != 1) {
        throw ConfigException.at(
            "keys", "exactly one key must be active (active: true), found " + active);
      }
      Set<String> kids = new HashSet<>();
      for (int i = 0; i < keys.size(); i++) {
        Optional<String> kid = keys.get(i).kid();
        if (kid.isPresent() && !kids.add(kid.get())) {
          throw ConfigException.at("keys[" + i + "].kid", "duplicate kid " + kid.get());
        }
      }
    }

    private static void checkAbsoluteUri(String path, String value) {
      try {
        URI uri = new URI(value);
        if (!uri.isAbsolute() || uri.getHost() == null) {
          throw ConfigException.at(path, "not an absolute URI: " + value);
        }
      } catch (java.net.URISyntaxException e) {
        throw ConfigException.at(path, "not a valid URI: " + value);
      }
    }
  }
}
