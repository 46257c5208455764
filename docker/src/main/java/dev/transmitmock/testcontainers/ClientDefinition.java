package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.ClientAuthenticationRules;
import dev.transmitmock.protocol.ClientFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client the container's emulator accepts: declared before the start with {@link
 * TransmitMockContainer#withClient(ClientDefinition)}, or registered at runtime with {@link
 * ClientControl#putClient(ClientDefinition)}.
 *
 * <pre>{@code
 * ClientDefinition orders = ClientDefinition.app("orders-svc", "orders-secret")
 *     .resources("https://api.orders.example")
 *     .tokenLifetime(Duration.ofMinutes(5))
 *     .build();
 * // private_key_jwt: the client's public key as a JWK set (or jwksUri(...), publicKeyPem(...))
 * ClientDefinition signed = ClientDefinition.privateKeyJwt("reports-svc")
 *     .jwks(publicJwkSetJson).resources("https://api.orders.example").build();
 * // mTLS: a CA-issued certificate matched by subject, or a self-signed one by thumbprint
 * ClientDefinition mtls = ClientDefinition.tlsClientAuth("payments-svc")
 *     .subjectDn("CN=payments-svc,O=Acme").build();
 * ClientDefinition pinned = ClientDefinition.selfSignedTlsClientAuth("edge-svc")
 *     .certificateThumbprints(x5tS256OfItsCertificate).build();
 * // a secret client whose tokens are bound to the TLS client certificate it presents
 * ClientDefinition bound = ClientDefinition.app("ledger-svc", "ledger-secret")
 *     .certificateBoundAccessTokens(true).build();
 * // a client of an application with its own signing keys (TransmitMockContainer.withApplication)
 * ClientDefinition signedByItsApp = ClientDefinition.app("orders-svc", "orders-secret")
 *     .appId("app-orders").build();
 * // clients that may not use client credentials: Transmit's "requested grant type is not allowed"
 * ClientDefinition spa = ClientDefinition.publicClient("spa").build();
 * ClientDefinition web = ClientDefinition.app("web", "web-secret")
 *     .grantTypes("authorization_code").build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the secret or key material.
 *
 * @param clientId the OAuth client id
 * @param clientSecret the client secret; present exactly for the secret methods
 * @param type an application client or a management (admin) client
 * @param authentication the {@code tokenEndpointAuthMethod} and what it is checked against
 * @param resources the resources (audiences) the client may ask for
 * @param scopes the scopes the client may ask for
 * @param tokenLifetime the lifetime of its tokens, when it differs from the emulator's default
 * @param certificateBoundAccessTokens whether its tokens are bound to the TLS client certificate it
 *     presents ({@code cnf.x5t#S256}); empty: the method's default, see {@link #bindsTokens()}
 * @param appId the client's application ({@code app_id}); empty: derived from the client id
 * @param grantTypes the grant types the client may use; empty: {@code client_credentials}, or
 *     {@code authorization_code} for a {@link #publicClient public client}
 */
public record ClientDefinition(
    String clientId,
    Optional<String> clientSecret,
    Type type,
    ClientAuthentication authentication,
    List<String> resources,
    List<String> scopes,
    Optional<Duration> tokenLifetime,
    Optional<Boolean> certificateBoundAccessTokens,
    Optional<String> appId,
    List<String> grantTypes) {

  /** The two kinds of Transmit client. */
  public enum Type {
    /** An application client: {@code roles} is empty. */
    APP,
    /** A management (admin) client: {@code roles} is {@code ["Admin"]}. */
    MANAGEMENT
  }

  /** Validates and copies the values. */
  public ClientDefinition {
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(clientSecret, "clientSecret must not be null");
    requireNonNull(type, "type must not be null");
    requireNonNull(authentication, "authentication must not be null");
    resources = List.copyOf(requireNonNull(resources, "resources must not be null"));
    scopes = List.copyOf(requireNonNull(scopes, "scopes must not be null"));
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    requireNonNull(certificateBoundAccessTokens, "certificateBoundAccessTokens must not be null");
    requireNonNull(appId, "appId must not be null");
    grantTypes = List.copyOf(requireNonNull(grantTypes, "grantTypes must not be null"));
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    ClientAuthenticationRules.checkGrantTypes(authentication.method(), grantTypes);
    boolean hasSecret =
        authentication.method().usesSecret()
            ? clientSecret.filter(secret -> !secret.isEmpty()).isPresent()
            : clientSecret.isPresent();
    ClientAuthenticationRules.checkSecret(authentication.method(), hasSecret);
  }

  /**
   * A definition with a derived application id and the default grant types (the components before
   * {@code appId} and {@code grantTypes}).
   */
  public ClientDefinition(
      String clientId,
      Optional<String> clientSecret,
      Type type,
      ClientAuthentication authentication,
      List<String> resources,
      List<String> scopes,
      Optional<Duration> tokenLifetime,
      Optional<Boolean> certificateBoundAccessTokens) {
    this(
        clientId,
        clientSecret,
        type,
        authentication,
        resources,
        scopes,
        tokenLifetime,
        certificateBoundAccessTokens,
        Optional.empty(),
        List.of());
  }

  /**
   * A definition with the method's default certificate binding (the components before {@code
   * certificateBoundAccessTokens}).
   */
  public ClientDefinition(
      String clientId,
      Optional<String> clientSecret,
      Type type,
      ClientAuthentication authentication,
      List<String> resources,
      List<String> scopes,
      Optional<Duration> tokenLifetime) {
    this(
        clientId,
        clientSecret,
        type,
        authentication,
        resources,
        scopes,
        tokenLifetime,
        Optional.empty());
  }

  /**
   * Whether the emulator binds this client's tokens to the TLS client certificate it presents
   * ({@code cnf.x5t#S256}, RFC 8705): as set, else true for {@code tls_client_auth} and {@code
   * self_signed_tls_client_auth} and false for the other methods. A binding client that presents no
   * certificate gets 400 {@code invalid_grant}.
   */
  public boolean bindsTokens() {
    return certificateBoundAccessTokens.orElse(authentication.method().usesCertificate());
  }

  /** Starts an application client that authenticates with a secret (Basic or form body). */
  public static Builder app(String clientId, String clientSecret) {
    requireNonNull(clientSecret, "clientSecret must not be null");
    return new Builder(clientId, AuthMethod.CLIENT_SECRET_BASIC)
        .secret(clientSecret)
        .type(Type.APP);
  }

  /** Starts a management (admin) client that authenticates with a secret. */
  public static Builder management(String clientId, String clientSecret) {
    return app(clientId, clientSecret).type(Type.MANAGEMENT);
  }

  /**
   * Starts a {@code private_key_jwt} client: give its public key with {@link Builder#jwks}, {@link
   * Builder#jwksUri} or {@link Builder#publicKeyPem}.
   */
  public static Builder privateKeyJwt(String clientId) {
    return new Builder(clientId, AuthMethod.PRIVATE_KEY_JWT);
  }

  /**
   * Starts a {@code tls_client_auth} client (a CA-issued certificate, needs HTTPS): give the
   * subject with {@link Builder#subjectDn} or one of the {@code san...} methods.
   */
  public static Builder tlsClientAuth(String clientId) {
    return new Builder(clientId, AuthMethod.TLS_CLIENT_AUTH);
  }

  /**
   * Starts a {@code self_signed_tls_client_auth} client (needs HTTPS): give its certificate with
   * {@link Builder#certificateThumbprints}, {@link Builder#publicKeyPem} (the certificate) or
   * {@link Builder#jwks} (keys with {@code x5c}).
   */
  public static Builder selfSignedTlsClientAuth(String clientId) {
    return new Builder(clientId, AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH);
  }

  /**
   * Starts a public client ({@code none}): it presents only its {@code client_id} and may not use
   * client credentials, so its token requests get Transmit's 400 "requested grant type is not
   * allowed for this client".
   */
  public static Builder publicClient(String clientId) {
    return new Builder(clientId, AuthMethod.NONE);
  }

  /**
   * The client as a config-file entry and as the body of {@code POST /_mock/clients} (the
   * emulator's camelCase keys).
   */
  Map<String, Object> toConfig() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(ClientFields.CLIENT_ID, clientId);
    clientSecret.ifPresent(secret -> entry.put(ClientFields.CLIENT_SECRET, secret));
    entry.put(
        ClientFields.TYPE,
        type == Type.MANAGEMENT ? ClientFields.TYPE_MANAGEMENT : ClientFields.TYPE_APP);
    if (authentication.method() != AuthMethod.CLIENT_SECRET_BASIC) {
      authentication.addTo(entry);
    }
    if (!resources.isEmpty()) {
      entry.put(ClientFields.RESOURCES, resources);
    }
    if (!scopes.isEmpty()) {
      entry.put(ClientFields.SCOPES, scopes);
    }
    tokenLifetime.ifPresent(
        lifetime -> entry.put(ClientFields.TOKEN_LIFETIME, lifetime.toString()));
    certificateBoundAccessTokens.ifPresent(
        bound -> entry.put(ClientFields.CERTIFICATE_BOUND_ACCESS_TOKENS, bound));
    appId.ifPresent(id -> entry.put(ClientFields.APP_ID, id));
    if (!grantTypes.isEmpty()) {
      entry.put(ClientFields.GRANT_TYPES, grantTypes);
    }
    return entry;
  }

  @Override
  public String toString() {
    return "ClientDefinition[clientId="
        + clientId
        + (clientSecret.isPresent() ? ", clientSecret=***" : "")
        + ", type="
        + type
        + ", authentication="
        + authentication
        + ", resources="
        + resources
        + ", scopes="
        + scopes
        + ", tokenLifetime="
        + tokenLifetime.map(Duration::toString).orElse("default")
        + ", certificateBoundAccessTokens="
        + bindsTokens()
        + appId.map(id -> ", appId=" + id).orElse("")
        + (grantTypes.isEmpty() ? "" : ", grantTypes=" + grantTypes)
        + "]";
  }

  /**
   * Builds a {@link ClientDefinition}; start with {@link #app}, {@link #management}, {@link
   * #privateKeyJwt}, {@link #tlsClientAuth}, {@link #selfSignedTlsClientAuth} or {@link
   * #publicClient}.
   */
  public static final class Builder {
    private final String clientId;
    private AuthMethod method;
    private String secret;
    private Type type = Type.APP;
    private final List<String> resources = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private Duration tokenLifetime;
    private String jwks;
    private String jwksUri;
    private String publicKeyPem;
    private String subjectDn;
    private String sanDns;
    private String sanUri;
    private String sanIp;
    private String sanEmail;
    private final List<String> thumbprints = new ArrayList<>();
    private Boolean certificateBoundAccessTokens;
    private String appId;
    private final List<String> grantTypes = new ArrayList<>();

    private Builder(String clientId, AuthMethod method) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      this.method = method;
    }

    private Builder secret(String secret) {
      this.secret = secret;
      return this;
    }

    /** An application ({@link Type#APP}, the default) or management client. */
    public Builder type(Type type) {
      this.type = requireNonNull(type, "type must not be null");
      return this;
    }

    /**
     * Changes how a secret client sends its secret: {@link AuthMethod#CLIENT_SECRET_BASIC} (the
     * default: Basic header or form body) or {@link AuthMethod#CLIENT_SECRET_POST} (form body
     * only). The key- and certificate-based methods have their own starting points ({@link
     * #privateKeyJwt} ...).
     */
    public Builder tokenEndpointAuthMethod(AuthMethod method) {
      requireNonNull(method, "method must not be null");
      if (method.usesSecret() != this.method.usesSecret()) {
        throw new IllegalArgumentException(
            "cannot change a "
                + this.method.wireName()
                + " client to "
                + method.wireName()
                + "; start from "
                + (method.usesSecret()
                    ? "ClientDefinition.app(id, secret)"
                    : "ClientDefinition.privateKeyJwt/tlsClientAuth/selfSignedTlsClientAuth"));
      }
      this.method = method;
      return this;
    }

    /** The client's public keys as a JWK set or a single public JWK, JSON text. */
    public Builder jwks(String jwkSetJson) {
      this.jwks = nonBlank(jwkSetJson, "jwkSetJson");
      return this;
    }

    /** Where the client publishes its JWK set (reachable from the container). */
    public Builder jwksUri(String jwksUri) {
      this.jwksUri = nonBlank(jwksUri, "jwksUri");
      return this;
    }

    /** The client's public key or certificate, PEM. */
    public Builder publicKeyPem(String pem) {
      this.publicKeyPem = nonBlank(pem, "pem");
      return this;
    }

    /** {@code tls_client_auth}: the subject DN the client certificate must carry (RFC 4514). */
    public Builder subjectDn(String subjectDn) {
      this.subjectDn = nonBlank(subjectDn, "subjectDn");
      return this;
    }

    /** {@code tls_client_auth}: a dNSName SAN the client certificate must carry. */
    public Builder sanDns(String dnsName) {
      this.sanDns = nonBlank(dnsName, "dnsName");
      return this;
    }

    /** {@code tls_client_auth}: a URI SAN the client certificate must carry. */
    public Builder sanUri(String uri) {
      this.sanUri = nonBlank(uri, "uri");
      return this;
    }

    /** {@code tls_client_auth}: an IP address SAN the client certificate must carry. */
    public Builder sanIp(String ipAddress) {
      this.sanIp = nonBlank(ipAddress, "ipAddress");
      return this;
    }

    /** {@code tls_client_auth}: an email SAN the client certificate must carry. */
    public Builder sanEmail(String email) {
      this.sanEmail = nonBlank(email, "email");
      return this;
    }

    /**
     * {@code self_signed_tls_client_auth}: accepted certificates by {@code x5t#S256} thumbprint
     * (base64url of the SHA-256 of the DER certificate).
     */
    public Builder certificateThumbprints(String... x5tS256) {
      requireNonNull(x5tS256, "x5tS256 must not be null");
      Arrays.stream(x5tS256).map(t -> nonBlank(t, "thumbprint")).forEach(thumbprints::add);
      return this;
    }

    /**
     * Binds (or, for the mTLS methods, stops binding) the client's tokens to the TLS client
     * certificate it presents at the HTTPS token endpoint: the token carries {@code cnf.x5t#S256}.
     * Any method may bind; the default is true for {@code tls_client_auth} and {@code
     * self_signed_tls_client_auth}, false otherwise. A binding client without a certificate gets
     * 400 {@code invalid_grant}.
     */
    public Builder certificateBoundAccessTokens(boolean bound) {
      this.certificateBoundAccessTokens = bound;
      return this;
    }

    /**
     * The client's application ({@code app_id}): name an application declared with {@link
     * TransmitMockContainer#withApplication} to have its tokens signed with that app's own keys.
     */
    public Builder appId(String appId) {
      this.appId = nonBlank(appId, "appId");
      return this;
    }

    /**
     * The grant types the client may use, e.g. {@code authorization_code}; a client without {@code
     * client_credentials} gets Transmit's "requested grant type is not allowed for this client".
     */
    public Builder grantTypes(String... grantTypes) {
      requireNonNull(grantTypes, "grantTypes must not be null");
      Arrays.stream(grantTypes).map(g -> nonBlank(g, "grant type")).forEach(this.grantTypes::add);
      return this;
    }

    /** Adds resources (absolute URIs) the client may request tokens for. */
    public Builder resources(String... resourceUris) {
      requireNonNull(resourceUris, "resourceUris must not be null");
      Arrays.stream(resourceUris)
          .map(uri -> requireNonNull(uri, "resource URI must not be null"))
          .forEach(resources::add);
      return this;
    }

    /** Adds scopes the client may request. */
    public Builder scopes(String... scopeNames) {
      requireNonNull(scopeNames, "scopeNames must not be null");
      Arrays.stream(scopeNames)
          .map(scope -> requireNonNull(scope, "scope must not be null"))
          .forEach(scopes::add);
      return this;
    }

    /** Sets the lifetime of this client's tokens. */
    public Builder tokenLifetime(Duration lifetime) {
      requireNonNull(lifetime, "lifetime must not be null");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive, was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Builds the definition; an {@link IllegalArgumentException} says what is missing for the
     * method.
     */
    public ClientDefinition build() {
      ClientAuthentication authentication =
          new ClientAuthentication(
              method,
              Optional.ofNullable(jwks),
              Optional.ofNullable(jwksUri),
              Optional.ofNullable(publicKeyPem),
              Optional.ofNullable(subjectDn),
              Optional.ofNullable(sanDns),
              Optional.ofNullable(sanUri),
              Optional.ofNullable(sanIp),
              Optional.ofNullable(sanEmail),
              thumbprints);
      return new ClientDefinition(
          clientId,
          Optional.ofNullable(secret),
          type,
          authentication,
          resources,
          scopes,
          Optional.ofNullable(tokenLifetime),
          Optional.ofNullable(certificateBoundAccessTokens),
          Optional.ofNullable(appId),
          grantTypes);
    }

    private static String nonBlank(String value, String name) {
      requireNonNull(value, name + " must not be null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
