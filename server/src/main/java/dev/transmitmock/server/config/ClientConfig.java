package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.ClientAuthenticationRules;
import dev.transmitmock.protocol.GrantTypes;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client registered with the emulator: the credentials an application presents at the token
 * endpoint, and what its tokens carry.
 *
 * <pre>{@code
 * ClientConfig orders = ClientConfig.builder("orders-svc")
 *     .secret("orders-secret")
 *     .appName("Orders")
 *     .resources("https://api.orders.example")
 *     .build();
 * ClientConfig admin = ClientConfig.builder("ops-admin").secret("admin-secret")
 *     .type(ClientType.MANAGEMENT).build();
 * }</pre>
 *
 * @param clientId the {@code client_id}, also the token's {@code sub}
 * @param clientSecret the shared secret; never printed by {@link #toString()}
 * @param type app or management client
 * @param appId the {@code app_id} claim; empty means a stable value derived from the client id
 * @param appName the {@code app_name} claim; empty means the client id
 * @param resources resource URIs assigned to this client
 * @param scopes scopes this client may request; empty means any scope
 * @param tokenLifetime lifetime overriding the resource and server defaults
 * @param claims extra claims added to every token of this client
 * @param authentication how the client authenticates ({@code tokenEndpointAuthMethod}); secret
 *     based by default
 * @param grantTypes the grant types the client may use ({@code grant_types}); a request for another
 *     is 400 "requested grant type is not allowed for this client"
 */
public record ClientConfig(
    String clientId,
    String clientSecret,
    ClientType type,
    Optional<String> appId,
    Optional<String> appName,
    List<URI> resources,
    List<String> scopes,
    Optional<Duration> tokenLifetime,
    Map<String, Object> claims,
    ClientAuthConfig authentication,
    List<String> grantTypes) {

  /** A client with its method's default grant types (the shape before {@code grantTypes}). */
  public ClientConfig(
      String clientId,
      String clientSecret,
      ClientType type,
      Optional<String> appId,
      Optional<String> appName,
      List<URI> resources,
      List<String> scopes,
      Optional<Duration> tokenLifetime,
      Map<String, Object> claims,
      ClientAuthConfig authentication) {
    this(
        clientId,
        clientSecret,
        type,
        appId,
        appName,
        resources,
        scopes,
        tokenLifetime,
        claims,
        authentication,
        GrantTypes.defaultsFor(authentication.method()));
  }

  /** A secret-based client (the shape before {@code tokenEndpointAuthMethod} existed). */
  public ClientConfig(
      String clientId,
      String clientSecret,
      ClientType type,
      Optional<String> appId,
      Optional<String> appName,
      List<URI> resources,
      List<String> scopes,
      Optional<Duration> tokenLifetime,
      Map<String, Object> claims) {
    this(
        clientId,
        clientSecret,
        type,
        appId,
        appName,
        resources,
        scopes,
        tokenLifetime,
        claims,
        ClientAuthConfig.SECRET);
  }

  public ClientConfig {
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(clientSecret, "clientSecret must not be null");
    requireNonNull(type, "type must not be null");
    requireNonNull(appId, "appId must not be null");
    requireNonNull(appName, "appName must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    resources = List.copyOf(requireNonNull(resources, "resources must not be null"));
    scopes = List.copyOf(requireNonNull(scopes, "scopes must not be null"));
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(claims, "claims")));
    requireNonNull(authentication, "authentication must not be null");
    grantTypes = List.copyOf(requireNonNull(grantTypes, "grantTypes must not be null"));
    ClientAuthenticationRules.checkGrantTypes(authentication.method(), grantTypes);
  }

  /** Whether the client may use this grant type. */
  public boolean allowsGrant(String grantType) {
    return grantTypes.contains(grantType);
  }

  /** Starts a client with the given {@code client_id}. */
  public static Builder builder(String clientId) {
    return new Builder(requireNonNull(clientId, "clientId must not be null"));
  }

  /** A builder holding this client's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder builder =
        builder(clientId)
            .type(type)
            .resources(resources)
            .scopes(scopes)
            .claims(claims)
            .authentication(authentication)
            .grantTypes(grantTypes);
    if (authentication.method().usesSecret()) {
      builder.secret(clientSecret);
    }
    appId.ifPresent(builder::appId);
    appName.ifPresent(builder::appName);
    tokenLifetime.ifPresent(builder::tokenLifetime);
    return builder;
  }

  /** The {@code token_endpoint_auth_method} this client must use. */
  public AuthMethod authMethod() {
    return authentication.method();
  }

  /** Whether this is a management-application client (admin tokens). */
  public boolean isManagement() {
    return type == ClientType.MANAGEMENT;
  }

  @Override
  public String toString() {
    return "ClientConfig[clientId="
        + clientId
        + ", type="
        + type.configName()
        + ", resources="
        + resources
        + ", scopes="
        + scopes
        + ", tokenLifetime="
        + tokenLifetime.map(Duration::toString).orElse("default")
        + ", tokenEndpointAuthMethod="
        + authentication.method().wireName()
        + ", grantTypes="
        + grantTypes
        + ", clientSecret=(hidden)]";
  }

  /** Builds {@link ClientConfig}s. */
  public static final class Builder {
    private final String clientId;
    private String clientSecret;
    private ClientType type = ClientType.APP;
    private String appId;
    private String appName;
    private final List<URI> resources = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private Duration tokenLifetime;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private ClientAuthConfig authentication = ClientAuthConfig.SECRET;
    private List<String> grantTypes;

    private Builder(String clientId) {
      this.clientId = clientId;
    }

    /** The client secret (required). */
    public Builder secret(String clientSecret) {
      this.clientSecret = requireNonNull(clientSecret, "clientSecret must not be null");
      return this;
    }

    /** App (default) or management client. */
    public Builder type(ClientType type) {
      this.type = requireNonNull(type, "type must not be null");
      return this;
    }

    /** The {@code app_id} claim. */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /** The {@code app_name} claim. */
    public Builder appName(String appName) {
      this.appName = appName;
      return this;
    }

    /** Assigns resources (absolute URIs) to the client, in addition to those already assigned. */
    public Builder resources(String... uris) {
      Arrays.stream(uris).map(URI::create).forEach(resources::add);
      return this;
    }

    /** Assigns resources to the client, in addition to those already assigned. */
    public Builder resources(List<URI> uris) {
      resources.addAll(uris);
      return this;
    }

    /** Restricts the scopes the client may request (none given: any scope is granted). */
    public Builder scopes(String... scopes) {
      this.scopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /** Restricts the scopes the client may request. */
    public Builder scopes(List<String> scopes) {
      this.scopes.addAll(scopes);
      return this;
    }

    /** Token lifetime for this client; overrides resource and server defaults. */
    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /** Adds an extra claim to every token of this client. */
    public Builder claim(String name, Object value) {
      claims.put(requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /** Adds extra claims to every token of this client. */
    public Builder claims(Map<String, Object> claims) {
      this.claims.putAll(claims);
      return this;
    }

    /**
     * How the client authenticates (default: its secret, Basic or form body).
     *
     * <pre>{@code
     * ClientConfig.builder("orders-svc").authentication(ClientAuthConfig
     *     .builder(AuthMethod.PRIVATE_KEY_JWT).jwks(jwksJson).build()).build();
     * }</pre>
     */
    public Builder authentication(ClientAuthConfig authentication) {
      this.authentication = requireNonNull(authentication, "authentication must not be null");
      return this;
    }

    /**
     * The grant types the client may use ({@code grant_types}); default {@code client_credentials},
     * or {@code authorization_code} for a {@code none} (public) client, which cannot use client
     * credentials. A client without {@code client_credentials} gets 400 {@code invalid_request}
     * "requested grant type is not allowed for this client" from the token endpoint, as at
     * Transmit.
     *
     * <pre>{@code
     * ClientConfig.builder("spa").authentication(ClientAuthConfig.builder(AuthMethod.NONE).build())
     *     .build();                                   // grantTypes: [authorization_code]
     * ClientConfig.builder("web").secret("s").grantTypes("authorization_code").build();
     * }</pre>
     */
    public Builder grantTypes(String... grantTypes) {
      return grantTypes(Arrays.asList(grantTypes));
    }

    /** The grant types the client may use; see {@link #grantTypes(String...)}. */
    public Builder grantTypes(List<String> grantTypes) {
      this.grantTypes = List.copyOf(grantTypes);
      return this;
    }

    /** Builds the client; a secret is required unless another authentication method is set. */
    public ClientConfig build() {
      List<String> grants =
          grantTypes != null ? grantTypes : GrantTypes.defaultsFor(authentication.method());
      if (!authentication.method().usesSecret()) {
        if (clientSecret != null) {
          throw new IllegalStateException(
              "client "
                  + clientId
                  + " authenticates with "
                  + authentication.method().wireName()
                  + ": it has no secret");
        }
        ClientKeyMaterial.check(authentication);
        return new ClientConfig(
            clientId,
            "",
            type,
            Optional.ofNullable(appId),
            Optional.ofNullable(appName),
            resources,
            scopes,
            Optional.ofNullable(tokenLifetime),
            claims,
            authentication,
            grants);
      }
      if (clientSecret == null) {
        throw new IllegalStateException("client " + clientId + " needs a secret");
      }
      return new ClientConfig(
          clientId,
          clientSecret,
          type,
          Optional.ofNullable(appId),
          Optional.ofNullable(appName),
          resources,
          scopes,
          Optional.ofNullable(tokenLifetime),
          claims,
          authentication,
          grants);
    }
  }
}
