package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.protocol.GrantTypes;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.JournalDraft;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.NextTokenRule;
import dev.transmitmock.server.control.NextTokenRules;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.keys.AppSigningKeys;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import dev.transmitmock.server.pki.ClientCaTrust;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  public static final String CLIENT_CREDENTIALS = GrantTypes.CLIENT_CREDENTIALS;

  /** Grants Transmit's token endpoint knows besides client credentials. */
  public static final Set<String> OTHER_TRANSMIT_GRANTS =
      GrantTypes.TRANSMIT.stream()
          .filter(grant -> !grant.equals(CLIENT_CREDENTIALS))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The client-authentication parameters node-oidc-provider refuses when repeated, before it
   * authenticates ({@code shared/client_auth.js}).
   */
  static final List<String> AUTHENTICATION_PARAMETERS =
      List.of("client_id", "client_secret", "client_assertion", "client_assertion_type");

  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

  private final MockConfig config;
  private final ClientRegistry registry;
  private final ClientAuthenticator authenticator;
  private final AppSigningKeys signing;
  private final MockClock clock;
  private final RequestJournal journal;
  private final Settings settings;
  private final NextTokenRules nextTokens;
  private final ShapedTokenSigner shapedSigner;

  /** A token service whose clients all sign with {@code keys} unless an application has its own. */
  public TokenService(
      MockConfig config,
      ClientRegistry registry,
      KeyRing keys,
      MockClock clock,
      RequestJournal journal) {
    this(config, registry, new AppSigningKeys(config, keys, clock.instant()), clock, journal);
  }

  /**
   * A token service signing each client's tokens with {@code signing}'s choice of key and issuer.
   */
  public TokenService(
      MockConfig config,
      ClientRegistry registry,
      AppSigningKeys signing,
      MockClock clock,
      RequestJournal journal) {
    this(config, registry, signing, clock, journal, new Settings(config));
  }

  /**
   * A token service reading its runtime settings ({@code typ}, error style, issuer, default
   * lifetime, ...) from {@code settings}; it owns its own {@link NextTokenRules}.
   */
  public TokenService(
      MockConfig config,
      ClientRegistry registry,
      AppSigningKeys signing,
      MockClock clock,
      RequestJournal journal,
      Settings settings) {
    this(
        config,
        registry,
        signing,
        clock,
        journal,
        settings,
        ClientCaTrust.NONE,
        ShapedTokenSigner.PLAIN);
  }

  /**
   * A token service reading its runtime settings from {@code settings}; it owns its own {@link
   * NextTokenRules}.
   *
   * @param clientCaTrust the CAs {@code tls_client_auth} client certificates must chain to, here
   *     and at introspection and revocation (the HTTPS listener's; {@link ClientCaTrust#NONE}
   *     without HTTPS)
   * @param shapedSigner signs tokens shaped by a next-token rule (the emulator's defect catalog;
   *     {@link ShapedTokenSigner#PLAIN} refuses defects)
   */
  public TokenService(
      MockConfig config,
      ClientRegistry registry,
      AppSigningKeys signing,
      MockClock clock,
      RequestJournal journal,
      Settings settings,
      ClientCaTrust clientCaTrust,
      ShapedTokenSigner shapedSigner) {
    this.config = requireNonNull(config, "config must not be null");
    this.registry = requireNonNull(registry, "registry must not be null");
    this.settings = requireNonNull(settings, "settings must not be null");
    this.authenticator =
        new ClientAuthenticator(registry, clock, () -> settings.current().issuer(), clientCaTrust);
    this.signing = requireNonNull(signing, "signing must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
    this.journal = requireNonNull(journal, "journal must not be null");
    this.shapedSigner = requireNonNull(shapedSigner, "shapedSigner must not be null");
    this.nextTokens = new NextTokenRules(clientId -> registry.client(clientId).isPresent());
  }

  /** The settings changeable at runtime that this service reads per request. */
  public Settings settings() {
    return settings;
  }

  /** The pending next-token rules of this service's clients. */
  public NextTokenRules nextTokenRules() {
    return nextTokens;
  }

  /** Answers a token request as {@code POST /oidc/token} does. */
  public EndpointResponse handle(RawRequest request) {
    return handle(FormRequest.of(request));
  }

  /** Answers a token request, parsed once, as {@code POST /oidc/token} does. */
  public EndpointResponse handle(FormRequest request) {
    JournalDraft draft = draft(Endpoint.TOKEN);
    Settings.Values now = settings.current();
    try {
      FormParameters form = request.form("/token");
      draft.resource(form.all("resource").stream().findFirst().filter(r -> !r.isEmpty()));
      draft.scope(form.get("scope"));
      AuthenticatedClient authenticated = authenticate(form, request, draft);
      ClientConfig client = authenticated.client();
      Optional<NextTokenRule> errorRule =
          nextTokens.takeIf(client.clientId(), NextTokenRule::isError);
      if (errorRule.isPresent()) {
        return ruleError(errorRule.get(), draft, now);
      }
      form.rejectRepeated(List.of("grant_type"));
      String grantType =
          form.get("grant_type")
              .orElseThrow(
                  () ->
                      OAuthError.invalidRequest("missing required parameter 'grant_type'")
                          .exception());
      checkGrantType(client, grantType);
      // client_credentials reads grant_type, scope and resource; a repeated resource is checked
      // with the resource itself (actions/token.js, rejectDupesOptionalExcept).
      form.rejectRepeated(List.of("scope"));
      Shaped shaped =
          issueShaped(client, form.all("resource"), form.get("scope"), authenticated, now);
      IssuedToken token = shaped.token();
      draft.jti(Optional.ofNullable(token.jti()));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", token.accessToken());
      body.put("token_type", "Bearer");
      body.put("expires_in", token.expiresIn());
      if (token.scope().isPresent() || now.alwaysIncludeScope()) {
        body.put("scope", token.scope().orElse(""));
      }
      shaped
          .rule()
          .ifPresent(
              rule -> {
                draft.nextTokenRule(Optional.of(rule.id()));
                rule.omit().forEach(body::remove);
                body.putAll(rule.responseFields());
              });
      draft.succeeded();
      return new EndpointResponse(200, EndpointResponse.NO_STORE, ErrorRenderer.json(body));
    } catch (OAuthException e) {
      return refuse(draft, e.error(), now);
    }
  }

  /** The error a next-token rule answers with, journaled as {@code injected}, naming the rule. */
  private EndpointResponse ruleError(NextTokenRule rule, JournalDraft draft, Settings.Values now) {
    NextTokenRule.RuleError ruleError = rule.error().orElseThrow();
    OAuthError error =
        new OAuthError(
                ruleError.status(), ruleError.error(), ruleError.description(), Map.of(), false)
            .withDetail("answered by next-token rule " + rule.id());
    draft.nextTokenRule(Optional.of(rule.id()));
    EndpointResponse rendered = refuse(draft, error, now);
    if (ruleError.retryAfter().isEmpty()) {
      return rendered;
    }
    Map<String, String> headers = new LinkedHashMap<>(rendered.headers());
    headers.put("Retry-After", Long.toString(ruleError.retryAfter().getAsLong()));
    return new EndpointResponse(rendered.status(), headers, rendered.json());
  }

  /**
   * Whether the client may use the grant, in node-oidc-provider's order: a grant Transmit does not
   * know is {@code unsupported_grant_type}; one the client was not given is "requested grant type
   * is not allowed for this client"; one the client was given but the emulator does not serve is
   * {@code unsupported_grant_type}, with the reason in the detail.
   */
  private static void checkGrantType(ClientConfig client, String grantType) {
    if (!GrantTypes.isTransmit(grantType)) {
      throw OAuthError.unsupportedGrantType().exception();
    }
    if (!client.allowsGrant(grantType)) {
      throw OAuthError.invalidRequest("requested grant type is not allowed for this client")
          .withDetail(
              "the client's grantTypes are "
                  + client.grantTypes()
                  + (client.authMethod() == AuthMethod.NONE
                      ? "; a client with tokenEndpointAuthMethod none cannot use client_credentials"
                      : ""))
          .exception();
    }
    if (!grantType.equals(CLIENT_CREDENTIALS)) {
      throw OAuthError.unsupportedGrantType()
          .withDetail("transmit-mock emulates only client_credentials, not " + grantType)
          .exception();
    }
  }

  /**
   * Refuses repeated authentication parameters, then authenticates the client, recording who it
   * claimed to be and how.
   */
  private AuthenticatedClient authenticate(
      FormParameters form, FormRequest request, JournalDraft draft) {
    form.rejectRepeated(AUTHENTICATION_PARAMETERS);
    PresentedCredentials credentials =
        PresentedCredentials.read(form, request.raw().authorization());
    draft.clientId(Optional.of(credentials.clientId())).authMethod(credentials.method());
    AuthenticatedClient authenticated =
        authenticator.authenticate(credentials, request.raw().origin());
    draft.authMethod(authenticated.method());
    return authenticated;
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

  /**
   * The key that signs a registered client's tokens now: its application's, or the tenant's.
   *
   * @throws OAuthException when the client is unknown
   */
  public SigningKey signingKeyOf(String clientId) {
    return signing.keyFor(registered(clientId));
  }

  private ClientConfig registered(String clientId) {
    return registry
        .client(requireNonNull(clientId, "clientId must not be null"))
        .orElseThrow(() -> OAuthError.invalidRequest("unknown client " + clientId).exception());
  }

  /**
   * The certificate the token is bound to: the client's TLS certificate when it {@link
   * ClientAuthConfig#bindsTokens() binds tokens}, none otherwise.
   *
   * @throws OAuthException 400 {@code invalid_grant} "grant request is invalid" when binding is
   *     required and no certificate was presented (node-oidc-provider's {@code checkMtlsCert})
   */
  private static Optional<X509Certificate> boundCertificate(AuthenticatedClient authenticated) {
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

  /**
   * Checks resource and scope, then the certificate binding (in the engine's order), and signs.
   *
   * @param authenticated the wire request's client; empty for tokens minted in code (never bound)
   */
  private IssuedToken issue(
      ClientConfig client,
      List<String> resources,
      Optional<String> scope,
      Optional<AuthenticatedClient> authenticated) {
    Settings.Values now = settings.current();
    Map<String, Object> claims = claims(client, resources, scope, now);
    authenticated
        .flatMap(TokenService::boundCertificate)
        .ifPresent(
            certificate ->
                claims.put(
                    "cnf",
                    dev.transmitmock.server.pki.CertificateThumbprint.confirmation(certificate)));
    String token = TokenMinter.sign(claims, signing.keyFor(client), now.tokenTyp());
    return issued(token, claims, OptionalLong.empty());
  }

  /**
   * As the wire request would be issued, then shaped by the client's next-token rule if one is
   * pending: taken only once every check passed, so a refused request consumes nothing.
   */
  private Shaped issueShaped(
      ClientConfig client,
      List<String> resources,
      Optional<String> scope,
      AuthenticatedClient authenticated,
      Settings.Values now) {
    Map<String, Object> claims = claims(client, resources, scope, now);
    boundCertificate(authenticated)
        .ifPresent(
            certificate ->
                claims.put(
                    "cnf",
                    dev.transmitmock.server.pki.CertificateThumbprint.confirmation(certificate)));
    SigningKey key = signing.keyFor(client);
    Optional<NextTokenRule> rule = nextTokens.takeIf(client.clientId(), r -> !r.isError());
    if (rule.isEmpty()) {
      return new Shaped(
          issued(TokenMinter.sign(claims, key, now.tokenTyp()), claims, OptionalLong.empty()),
          rule);
    }
    NextTokenRule shaping = rule.get();
    shaping.expiresIn().ifPresent(seconds -> claims.put("exp", (Long) claims.get("iat") + seconds));
    // The response describes the grant (scope, expires_in) as issued; claim overrides change the
    // token only, expiresIn both, omit and responseFields the response only.
    IssuedToken described = issued("", claims, shaping.expiresIn());
    Map<String, Object> tokenClaims = new LinkedHashMap<>(claims);
    applyOverrides(shaping.claims(), tokenClaims);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", key.jwsAlgorithm().getName());
    header.put("kid", key.kid());
    now.tokenTyp().headerValue().ifPresent(typ -> header.put("typ", typ));
    applyOverrides(shaping.header(), header);
    String token = shapedSigner.sign(key, header, tokenClaims, shaping.defect());
    return new Shaped(
        new IssuedToken(
            token,
            tokenClaims.get("jti") instanceof String jti ? jti : null,
            described.issuedAt(),
            described.expiresAt(),
            described.expiresIn(),
            described.scope(),
            described.audience()),
        rule);
  }

  private static void applyOverrides(Map<String, Object> overrides, Map<String, Object> target) {
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            target.remove(name);
          } else {
            target.put(name, value);
          }
        });
  }

  private static IssuedToken issued(
      String token, Map<String, Object> claims, OptionalLong expiresIn) {
    long iat = (Long) claims.get("iat");
    long exp = (Long) claims.get("exp");
    return new IssuedToken(
        token,
        (String) claims.get("jti"),
        Instant.ofEpochSecond(iat),
        Instant.ofEpochSecond(exp),
        expiresIn.orElse(exp - iat),
        Optional.ofNullable((String) claims.get("scope")),
        (String) claims.get("aud"));
  }

  /** A token issued at the endpoint and the rule that shaped it, if one did. */
  private record Shaped(IssuedToken token, Optional<NextTokenRule> rule) {}

  /**
   * The claims, in Transmit's order, that a token for a registered client would carry now, checked
   * as on the wire but not signed. The base for defective tokens and claim overrides.
   *
   * @throws OAuthException when the client is unknown or the resource or scope is refused
   */
  public Map<String, Object> claimsFor(
      String clientId, Optional<String> resource, Optional<String> scope) {
    ClientConfig client = registered(clientId);
    return claims(client, resource.map(List::of).orElse(List.of()), scope, settings.current());
  }

  private Map<String, Object> claims(
      ClientConfig client,
      List<String> resources,
      Optional<String> requestedScope,
      Settings.Values now) {
    GrantedAccess access =
        GrantedAccess.decide(config, registry, client, resources, requestedScope);
    Duration lifetime = client.tokenLifetime().or(access::lifetime).orElse(now.tokenLifetime());
    String audience = access.audience().orElse(config.defaultAudience());
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
    access.scope().ifPresent(s -> claims.put("scope", s));
    claims.put("client_id", client.clientId());
    claims.put("iss", signing.issuerFor(client, now.issuer()));
    claims.put("aud", audience);
    return claims;
  }

  /**
   * Records a refused request in the journal (with the DEBUG line saying why) and renders its
   * error.
   */
  EndpointResponse refuse(JournalDraft draft, OAuthError error) {
    return refuse(draft, error, settings.current());
  }

  /** As {@link #refuse(JournalDraft, OAuthError)}, rendered with the settings of the request. */
  private EndpointResponse refuse(JournalDraft draft, OAuthError error, Settings.Values now) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} request of client {} rejected: {} {} ({})",
          draft.endpoint().wireName(),
          draft.clientId().orElse("-"),
          error.status(),
          error.error(),
          error.detail().orElse(error.description()));
    }
    draft.refused(error.status(), error.error(), error.description(), error.detail());
    return render(error, now);
  }

  /**
   * The common start of the introspection and revocation endpoints: size limit, form parsing,
   * duplicate check and client authentication, recorded into {@code draft}.
   */
  AuthenticatedForm authenticatedForm(FormRequest request, JournalDraft draft, String path) {
    FormParameters form = request.form(path);
    AuthenticatedClient authenticated = authenticate(form, request, draft);
    // introspection and revocation read token and token_type_hint (actions/introspection.js)
    form.rejectRepeated(List.of("token", "token_type_hint"));
    String token =
        form.get("token")
            .orElseThrow(
                () -> OAuthError.invalidRequest("missing required parameter 'token'").exception());
    return new AuthenticatedForm(authenticated.client(), token);
  }

  /** An authenticated caller and the token it asks about. */
  record AuthenticatedForm(ClientConfig caller, String token) {}

  /**
   * Renders an error in the configured style, with its detail as {@code error_detail} when {@code
   * verboseErrors} is on.
   */
  public EndpointResponse render(OAuthError error) {
    return render(error, settings.current());
  }

  private static EndpointResponse render(OAuthError error, Settings.Values now) {
    return ErrorRenderer.render(error, now.errorStyle(), now.issuer(), now.verboseErrors());
  }

  /** Starts a journal record for another endpoint sharing this service's journal and clock. */
  JournalDraft draft(Endpoint endpoint) {
    return JournalDraft.start(journal, clock, endpoint);
  }

  MockConfig config() {
    return config;
  }

  /** Who signs each client's tokens, and as which issuer. */
  public AppSigningKeys signingKeys() {
    return signing;
  }

  ClientAuthenticator authenticator() {
    return authenticator;
  }

  /** Forgets used client-assertion {@code jti}s and fetched client key sets (emulator reset). */
  public void resetClientAuthentication() {
    authenticator.reset();
  }
}
