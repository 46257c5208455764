package dev.transmitmock.server.workspace;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.NextTokenRule;
import dev.transmitmock.server.control.NextTokenRules;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.ShapedTokens;
import dev.transmitmock.server.defects.TokenInspector;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.keys.AppSigningKeys;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.pki.ClientCaTrust;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.IntrospectionService;
import dev.transmitmock.server.token.IssuedToken;
import dev.transmitmock.server.token.RevocationService;
import dev.transmitmock.server.token.RevokedTokens;
import dev.transmitmock.server.token.TokenService;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The test-controllable state one set of tests sees: clients and resources, clock, request journal,
 * fault rules, revocations and remembered client-assertion {@code jti}s. The server's own state is
 * the <em>root</em> workspace; {@link Workspaces#create()} ({@code POST /_mock/workspaces}) makes
 * more, each served under {@code /_ws/<id>/} (its token endpoint is {@code /_ws/<id>/oidc/token},
 * its control routes {@code /_ws/<id>/_mock/...}), so that test classes running in parallel on one
 * server do not undo each other's set-up.
 *
 * <pre>{@code
 * Workspace ws = server.createWorkspace();
 * ws.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1)); // only ws's clients see it
 * ws.clock().advance(Duration.ofHours(2));                            // only ws's tokens move
 * URI tokenUrl = ws.tokenEndpoint(); // http://127.0.0.1:41234/_ws/ws-0a1b2c3d4e5f/oidc/token
 * ws.reset();  // touches nothing outside ws
 * ws.delete();
 * }</pre>
 *
 * <p>Signing keys, the issuer, the applications' keys, TLS and the console are server-wide: a token
 * from a workspace carries the server's {@code iss} and verifies against the server's JWKS exactly
 * like one from the root (the workspace's JWKS and discovery routes serve the same keys, with the
 * workspace's endpoint URLs in the discovery document).
 */
public final class Workspace {
  /** The id of the root workspace: the server's own state, served without a prefix. */
  public static final String ROOT_ID = "root";

  /** The path every workspace's routes are served under: {@code /_ws/<id>}. */
  public static final String PATH_PREFIX = ControlPaths.WORKSPACE_PREFIX;

  private final String id;
  private final MockClock clock;
  private final RequestJournal journal;
  private final ClientRegistry registry;
  private volatile ClientRegistry.Snapshot initialClients;
  private final RevokedTokens revoked;
  private final Faults faults;
  private final TokenService tokens;
  private final IntrospectionService introspection;
  private final RevocationService revocation;
  private final DefectiveTokens defectiveTokens;
  private final TokenInspector tokenInspector;
  private final Supplier<URI> serverBaseUrl;
  private final Runnable onDelete;

  Workspace(
      String id,
      MockConfig config,
      KeyRing keys,
      AppSigningKeys signing,
      Settings settings,
      Clock systemClock,
      ClientCaTrust clientCaTrust,
      Supplier<URI> serverBaseUrl,
      Runnable onDelete) {
    this.id = requireNonNull(id, "id must not be null");
    this.clock = new MockClock(systemClock);
    this.journal = new RequestJournal(config.journalCapacity());
    this.registry = new ClientRegistry(config.clients(), config.resources());
    this.initialClients = registry.snapshot();
    this.revoked = new RevokedTokens();
    this.faults = new Faults();
    ShapedTokens shaped = new ShapedTokens(clock);
    this.tokens =
        new TokenService(
            config, registry, signing, clock, journal, settings, clientCaTrust, shaped);
    this.introspection = new IntrospectionService(tokens, revoked, clock);
    this.revocation = new RevocationService(tokens, revoked, clock);
    this.defectiveTokens = new DefectiveTokens(tokens, keys, config, clock, shaped);
    this.tokenInspector = new TokenInspector(keys, config, registry, clock, revoked, settings);
    this.serverBaseUrl = serverBaseUrl;
    this.onDelete = onDelete;
  }

  /**
   * The server's own state (no path prefix). Used by {@code TransmitMockServer}; tests create
   * workspaces through {@link Workspaces#create()}.
   */
  public static Workspace root(
      MockConfig config,
      KeyRing keys,
      AppSigningKeys signing,
      Settings settings,
      Clock systemClock,
      ClientCaTrust clientCaTrust,
      Supplier<URI> serverBaseUrl) {
    return new Workspace(
        ROOT_ID,
        config,
        keys,
        signing,
        settings,
        systemClock,
        clientCaTrust,
        serverBaseUrl,
        () -> {
          throw new IllegalStateException("the root workspace cannot be deleted");
        });
  }

  /** {@code ws-} and 12 hex digits, or {@value #ROOT_ID} for the server's own state. */
  public String id() {
    return id;
  }

  /** Whether this is the server's own state rather than a created workspace. */
  public boolean isRoot() {
    return id.equals(ROOT_ID);
  }

  /** {@code /_ws/<id>}, or the empty string for the root. */
  public String pathPrefix() {
    return isRoot() ? "" : PATH_PREFIX + id;
  }

  /** The workspace's base URL on the server's base URL: {@code http://host:port/_ws/<id>}. */
  public URI baseUrl() {
    return baseUrlOn(serverBaseUrl.get());
  }

  /**
   * The workspace's base URL on another of the server's base URLs (its HTTPS one, or the address a
   * container is reached at).
   */
  public URI baseUrlOn(URI serverBase) {
    String base = serverBase.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + pathPrefix());
  }

  /** {@code <workspace base>/oidc/token}: token requests here use this workspace's state. */
  public URI tokenEndpoint() {
    return URI.create(baseUrl() + "/oidc/token");
  }

  /** {@code <workspace base>/cis/oidc/jwks}: the server's keys (keys are server-wide). */
  public URI jwksUri() {
    return URI.create(baseUrl() + "/cis/oidc/jwks");
  }

  /** {@code <workspace base>/cis/oidc/.well-known/openid-configuration}, naming its endpoints. */
  public URI discoveryUri() {
    return URI.create(baseUrl() + "/cis/oidc/.well-known/openid-configuration");
  }

  /** {@code <workspace base>/cis/oidc/token/introspection}. */
  public URI introspectionEndpoint() {
    return URI.create(baseUrl() + "/cis/oidc/token/introspection");
  }

  /** {@code <workspace base>/cis/oidc/token/revocation}. */
  public URI revocationEndpoint() {
    return URI.create(baseUrl() + "/cis/oidc/token/revocation");
  }

  /** {@code <workspace base>/_mock}: this workspace's control routes. */
  public URI controlUrl() {
    return URI.create(baseUrl() + "/_mock");
  }

  /** This workspace's clock: an offset or freeze here moves only its tokens and journal. */
  public MockClock clock() {
    return clock;
  }

  /** The requests this workspace's endpoints received. */
  public RequestJournal journal() {
    return journal;
  }

  /** This workspace's clients and resources (it starts with the configured ones). */
  public ClientRegistry clients() {
    return registry;
  }

  /** The fault rules applied to requests under this workspace's prefix only. */
  public Faults faults() {
    return faults;
  }

  /**
   * Starts a rule shaping what this workspace's token endpoint answers the client's next successful
   * request (claims, header, {@code expires_in}, fields, a defect, or an OAuth error); the same as
   * {@code POST /_ws/<id>/_mock/next-token}. Other workspaces and the root are not affected.
   *
   * <pre>{@code
   * ws.nextToken("demo-app").expiresIn(Duration.ofSeconds(5)).install();
   * }</pre>
   */
  public NextTokenRule.Builder nextToken(String clientId) {
    return tokens.nextTokenRules().forClient(clientId);
  }

  /** This workspace's pending next-token rules; cleared by {@link #reset()}. */
  public NextTokenRules nextTokenRules() {
    return tokens.nextTokenRules();
  }

  /** The revocations made at this workspace's revocation endpoint. */
  public RevokedTokens revocations() {
    return revoked;
  }

  /** The token endpoint's domain for this workspace. */
  public TokenService tokenService() {
    return tokens;
  }

  /** The introspection endpoint's domain for this workspace. */
  public IntrospectionService introspection() {
    return introspection;
  }

  /** The revocation endpoint's domain for this workspace. */
  public RevocationService revocation() {
    return revocation;
  }

  /** Mints defective or overridden tokens for this workspace's clients, on its clock. */
  public DefectiveTokens defectiveTokens() {
    return defectiveTokens;
  }

  /** Judges tokens against the server's keys and issuer and this workspace's clients and clock. */
  public TokenInspector tokenInspector() {
    return tokenInspector;
  }

  /** A token for one of this workspace's clients, minted without HTTP. */
  public String tokenFor(String clientId) {
    return issueToken(clientId, Optional.empty(), Optional.empty()).accessToken();
  }

  /** A token for one of this workspace's clients and one of its resources. */
  public String tokenFor(String clientId, String resource) {
    return issueToken(clientId, Optional.of(resource), Optional.empty()).accessToken();
  }

  /** Mints a token for one of this workspace's clients and returns it with its metadata. */
  public IssuedToken issueToken(
      String clientId, Optional<String> resource, Optional<String> scope) {
    return tokens.issueFor(clientId, resource, scope);
  }

  /** A token a correct consumer must reject, for this workspace's client and resource. */
  public String defectiveToken(Defect defect, TokenSpec spec) {
    return defectiveTokens.mint(defect, spec);
  }

  /** A valid token with claims or headers overridden, on this workspace's clock. */
  public String mintToken(TokenSpec spec) {
    return defectiveTokens.mintValid(spec);
  }

  /** The requests rejected with an OAuth error since this workspace's last reset. */
  public List<JournalEntry> rejectedRequests() {
    return journal.rejected();
  }

  /**
   * Strict mode for this workspace.
   *
   * @throws AssertionError listing each rejected request and its reason
   */
  public void verifyNoRejectedRequests() {
    journal.verifyNoRejectedRequests();
  }

  /**
   * Makes the clients and resources registered now what {@link #reset()} restores, for a test class
   * that registers its own clients once and resets the rest before each test.
   *
   * <pre>{@code
   * Workspace ws = server.createWorkspace();
   * ws.clients().putClient(ordersClient, server.config().serviceResources());
   * ws.markClientsAsBaseline();
   * ws.reset(); // orders-svc stays
   * }</pre>
   */
  public void markClientsAsBaseline() {
    initialClients = registry.snapshot();
  }

  /**
   * Back to the configured clients and resources (or those of {@link #markClientsAsBaseline()}),
   * system time, an empty journal, no faults, no next-token rules, no revocations; nothing outside
   * this workspace changes (keys and settings are server-wide and not touched).
   */
  public void reset() {
    faults.clear();
    tokens.nextTokenRules().clear();
    tokens.resetClientAuthentication();
    registry.restore(initialClients);
    clock.reset();
    revoked.clear();
    journal.clear();
  }

  /**
   * Removes this workspace from its server: its prefix answers 404 from then on.
   *
   * @throws IllegalStateException for the root workspace
   */
  public void delete() {
    onDelete.run();
  }

  @Override
  public String toString() {
    return "Workspace[" + id + "]";
  }
}
