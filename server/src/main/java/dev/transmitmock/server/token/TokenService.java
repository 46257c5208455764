package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.UnassignedResourcePolicy;
import dev.transmitmock.server.control.AuthMethod;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.keys.KeyRing;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint's domain logic, free of HTTP: parse the form, authenticate the client, check
 * the grant, scope and resource in node-oidc-provider's order, build the claims and sign. Every
 * request is recorded in the journal, without secrets.
 *
 * <pre>{@code
 * EndpointResponse response = tokens.handle(RawRequest.form(
 *     "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret",
 *     Optional.empty()));
 * }</pre>
 */
public final class TokenService {
  /** The only grant the emulator serves. */
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  /** Grants Transmit's token endpoint knows but that no emulated client may use. */
  public static final Set<String> OTHER_TRANSMIT_GRANTS =
      Set.of(
          "authorization_code",
          "refresh_token",
          "password",
          "urn:openid:params:grant-type:ciba",
          "urn:ietf:params:oauth:grant-type:device_code",
          "urn:transmit:grant-type:delegated-access");

  private final MockConfig config;
  private final ClientRegistry registry;
  private final ClientAuthenticator authenticator;
  private final KeyRing keys;
  private final MockClock clock;
  private final RequestJournal journal;

  public TokenService(
      MockConfig config,
      ClientRegistry registry,
      KeyRing keys,
      MockClock clock,
      RequestJournal journal) {
    this.config = requireNonNull(config, "config must not be null");
    this.registry = requireNonNull(registry, "registry must not be null");
    this.authenticator = new ClientAuthenticator(registry, clock, config.issuer());
    this.keys = requireNonNull(keys, "keys must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
    this.journal = requireNonNull(journal, "journal must not be null");
  }

  /**
   * The CAs {@code tls_client_auth} client certificates must chain to, here and at introspection
   * and revocation.
   */
  public void clientCaTrust(dev.transmitmock.server.tls.ClientCaTrust trust) {
    authenticator.clientCaTrust(trust);
  }

  /** Answers a token request as {@code POST /oidc/token} does. */
  public EndpointResponse handle(RawRequest request) {
    JournalDraft draft = new JournalDraft(Endpoint.TOKEN);
    try {
      if (request.bodyTooLarge()) {
        throw OAuthError.bodyTooLarge(config.maxRequestBodyBytes()).exception();
      }
      FormParameters form =
          FormParser.parse(request.contentType(), request.body(), "/token")
              .rejectDuplicates(Set.of("resource"));
      draft.resource = form.all("resource").stream().findFirst().filter(r -> !r.isEmpty());
      draft.scope = form.get("scope");
      PresentedCredentials credentials = PresentedCredentials.read(form, request.authorization());
      draft.clientId = Optional.of(credentials.clientId());
      draft.authMethod = credentials.method();
      AuthenticatedClient authenticated = authenticator.authenticate(credentials, request.origin());
      draft.authMethod = authenticated.method();
      ClientConfig client = authenticated.client();

      String grantType =
          form.get("grant_type")
              .orElseThrow(
                  () ->
                      OAuthError.invalidRequest("missing required parameter 'grant_type'")
                          .exception());
      if (!grantType.equals(CLIENT_CREDENTIALS)) {
        throw (OTHER_TRANSMIT_GRANTS.contains(grantType)
                ? OAuthError.invalidRequest("requested grant type is not allowed for this client")
                : OAuthError.unsupportedGrantType())
            .exception();
      }
      IssuedToken token =
          issue(client, form.all("resource"), form.get("scope"), boundCertificate(authenticated));
      draft.jti = Optional.of(token.jti());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", token.accessToken());
      body.put("token_type", "Bearer");
      body.put("expires_in", token.expiresIn());
      if (token.scope().isPresent() || config.alwaysIncludeScope()) {
        body.put("scope", token.scope().orElse(""));
      }
      draft.record(200, null);
      return new EndpointResponse(200, EndpointResponse.NO_STORE, ErrorRenderer.json(body));
    } catch (OAuthException e) {
      draft.record(e.error().status(), e.error());
      return render(e.error());
    }
  }

  /**
   * Mints a token for a registered client as the token endpoint would, without HTTP and without the
   * secret (for tests that need a token directly). Resource and scope are checked as on the wire.
   *
   * @throws OAuthException when the client is unknown or the resource or scope is refused
   */
  public IssuedToken issueFor(String clientId, Optional<String> resource, Optional<String> scope) {
    ClientConfig client = registered(clientId);
    return issue(client, resource.map(List::of).orElse(List.of()), scope, Optional.empty());
  }

  private ClientConfig registered(String clientId) {
    return registry
        .client(requireNonNull(clientId, "clientId must not be null"))
        .orElseThrow(() -> OAuthError.invalidRequest("unknown client " + clientId).exception());
  }

  /**
   * The certificate the token is bound to: the client's TLS certificate when it {@link
   * dev.transmitmock.server.config.ClientAuthConfig#bindsTokens() binds tokens}, none otherwise.
   *
   * @throws OAuthException 400 {@code invalid_grant} when binding is required and no certificate
   *     was presented (node-oidc-provider's wording)
   */
  private static Optional<java.security.cert.X509Certificate> boundCertificate(
      AuthenticatedClient authenticated) {
    if (!authenticated.client().authentication().bindsTokens()) {
      return Optional.empty();
    }
    if (authenticated.certificate().isEmpty()) {
      throw OAuthError.invalidGrant(
              "mutual TLS client certificate not provided: the client's tokens are bound to its"
                  + " certificate (certificateBoundAccessTokens); call the HTTPS token endpoint"
                  + " presenting a client certificate")
          .exception();
    }
    return authenticated.certificate();
  }

  private IssuedToken issue(
      ClientConfig client,
      List<String> resources,
      Optional<String> scope,
      Optional<java.security.cert.X509Certificate> boundCertificate) {
    Map<String, Object> claims = claims(client, resources, scope);
    boundCertificate.ifPresent(
        certificate ->
            claims.put(
                "cnf",
                dev.transmitmock.server.tls.CertificateThumbprint.confirmation(certificate)));
    String token = TokenMinter.sign(claims, keys.active(), config.tokenTyp());
    Instant issuedAt = Instant.ofEpochSecond((Long) claims.get("iat"));
    Instant expiresAt = Instant.ofEpochSecond((Long) claims.get("exp"));
    return new IssuedToken(
        token,
        (String) claims.get("jti"),
        issuedAt,
        expiresAt,
        expiresAt.getEpochSecond() - issuedAt.getEpochSecond(),
        Optional.ofNullable((String) claims.get("scope")),
        (String) claims.get("aud"));
  }

  /**
   * The claims, in Transmit's order, that a token for a registered client would carry now, checked
   * as on the wire but not signed. The base for defective tokens and claim overrides.
   *
   * @throws OAuthException when the client is unknown or the resource or scope is refused
   */
  public Map<String, Object> claimsFor(
      String clientId, Optional<String> resource, Optional<String> scope) {
    ClientConfig client = registered(clientId);
    return claims(client, resource.map(List::of).orElse(List.of()), scope);
  }

  private Map<String, Object> claims(
      ClientConfig client, List<String> resources, Optional<String> requestedScope) {
    Optional<String> scope = checkScope(client, requestedScope);
    Optional<ResourceChoice> resource = checkResource(client, resources);
    Duration lifetime =
        client
            .tokenLifetime()
            .or(() -> resource.flatMap(ResourceChoice::lifetime))
            .orElse(config.tokenLifetime());
    String audience = resource.map(ResourceChoice::audience).orElse(config.defaultAudience());
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plusSeconds(lifetime.getSeconds());
    String jti = JtiGenerator.next();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("tid", config.tenantId());
    claims.put("app_name", config.appNameOf(client));
    claims.put("app_id", config.appIdOf(client));
    claims.put("roles", client.isManagement() ? List.of("Admin") : List.of());
    claims.putAll(client.claims());
    claims.put("jti", jti);
    claims.put("sub", client.clientId());
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", expiresAt.getEpochSecond());
    scope.ifPresent(s -> claims.put("scope", s));
    claims.put("client_id", client.clientId());
    claims.put("iss", config.issuer());
    claims.put("aud", audience);
    return claims;
  }

  private Optional<String> checkScope(ClientConfig client, Optional<String> scope) {
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    List<String> requested =
        Arrays.stream(scope.get().split(" ")).filter(s -> !s.isEmpty()).distinct().toList();
    if (!client.scopes().isEmpty()) {
      for (String s : requested) {
        if (!client.scopes().contains(s)) {
          throw OAuthError.invalidScope(s).exception();
        }
      }
    }
    return requested.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", requested));
  }

  private Optional<ResourceChoice> checkResource(ClientConfig client, List<String> resources) {
    List<String> given = resources.stream().filter(r -> !r.isEmpty()).toList();
    if (given.isEmpty()) {
      return Optional.empty();
    }
    if (given.size() > 1) {
      throw OAuthError.invalidTarget(
              "only a single resource indicator value is supported for this grant type")
          .exception();
    }
    URI uri;
    try {
      uri = new URI(given.get(0));
    } catch (URISyntaxException e) {
      throw OAuthError.invalidTarget("resource indicator must be an absolute URI").exception();
    }
    if (!uri.isAbsolute()) {
      throw OAuthError.invalidTarget("resource indicator must be an absolute URI").exception();
    }
    if (uri.getRawFragment() != null) {
      throw OAuthError.invalidTarget("resource indicator must not contain a fragment component")
          .exception();
    }
    if (config.serviceResources().contains(uri)) {
      return Optional.of(new ResourceChoice(uri.toString(), Optional.empty()));
    }
    Optional<ResourceConfig> defined = registry.resource(uri);
    if (defined.isPresent() && client.resources().contains(uri)) {
      return Optional.of(new ResourceChoice(uri.toString(), defined.get().tokenLifetime()));
    }
    if (config.unassignedResourcePolicy() == UnassignedResourcePolicy.DEFAULT_AUDIENCE) {
      return Optional.empty();
    }
    throw OAuthError.invalidTarget("resource indicator is missing, or unknown").exception();
  }

  private record ResourceChoice(String audience, Optional<Duration> lifetime) {}

  /** What the journal records of one request, filled in as handling proceeds. */
  final class JournalDraft {
    private final long sequence = journal.nextSequence();
    private final Instant time = clock.instant();
    private final Endpoint endpoint;
    Optional<String> clientId = Optional.empty();
    AuthMethod authMethod = AuthMethod.NONE;
    Optional<String> resource = Optional.empty();
    Optional<String> scope = Optional.empty();
    Optional<String> jti = Optional.empty();

    JournalDraft(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    void record(int status, OAuthError error) {
      journal.record(
          new JournalEntry(
              sequence,
              time,
              endpoint,
              clientId,
              authMethod,
              resource,
              scope,
              status,
              Optional.ofNullable(error).map(OAuthError::error),
              Optional.ofNullable(error).map(OAuthError::description),
              jti));
    }
  }

  /**
   * The common start of the introspection and revocation endpoints: size limit, form parsing,
   * duplicate check and client authentication, recorded into {@code draft}.
   */
  AuthenticatedForm authenticatedForm(RawRequest request, JournalDraft draft, String path) {
    if (request.bodyTooLarge()) {
      throw OAuthError.bodyTooLarge(config.maxRequestBodyBytes()).exception();
    }
    FormParameters form =
        FormParser.parse(request.contentType(), request.body(), path).rejectDuplicates(Set.of());
    PresentedCredentials credentials = PresentedCredentials.read(form, request.authorization());
    draft.clientId = Optional.of(credentials.clientId());
    draft.authMethod = credentials.method();
    AuthenticatedClient authenticated = authenticator.authenticate(credentials, request.origin());
    draft.authMethod = authenticated.method();
    ClientConfig client = authenticated.client();
    String token =
        form.get("token")
            .orElseThrow(
                () -> OAuthError.invalidRequest("missing required parameter 'token'").exception());
    return new AuthenticatedForm(client, token);
  }

  /** An authenticated caller and the token it asks about. */
  record AuthenticatedForm(ClientConfig caller, String token) {}

  /** Renders an error in the configured style. */
  public EndpointResponse render(OAuthError error) {
    return ErrorRenderer.render(error, config.errorStyle(), config.issuer());
  }

  /** Starts a journal record for another endpoint sharing this service's journal and clock. */
  JournalDraft draft(Endpoint endpoint) {
    return new JournalDraft(endpoint);
  }

  MockConfig config() {
    return config;
  }

  ClientAuthenticator authenticator() {
    return authenticator;
  }

  /** Forgets used client-assertion {@code jti}s and fetched client key sets (emulator reset). */
  public void resetClientAuthentication() {
    authenticator.reset();
  }
}
