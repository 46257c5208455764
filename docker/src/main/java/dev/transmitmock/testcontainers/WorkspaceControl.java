package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlPaths;
import java.util.Map;

/**
 * One workspace of an emulator in a container: the control API of {@link TransmitMockControl}
 * (clock, journal, faults, next-token rules, clients, tokens, reset) acting on this workspace only,
 * and the URLs of its Transmit endpoints under {@code /_ws/<id>}. Made by {@link
 * TransmitMockControl#createWorkspace()}; closing it deletes the workspace.
 *
 * <pre>{@code
 * try (WorkspaceControl ws = mock.control().createWorkspace()) {
 *   ws.clock().advance(Duration.ofHours(2));         // only this workspace's tokens move
 *   String token = ws.getClientCredentialsToken("demo-app", "demo-app-secret");
 *   ws.journal().issuedTo("demo-app");                // only this workspace's requests
 * }
 * }</pre>
 *
 * <p>Code under test in another container reaches the workspace at its network alias plus {@link
 * #pathPrefix()}, e.g. {@code http://transmit:8080/_ws/ws-0a1b2c3d4e5f/oidc/token}.
 */
public final class WorkspaceControl implements AutoCloseable {
  static final String PATH = ControlPaths.WORKSPACES;

  private final EmulatorHttp root;
  private final EmulatorHttp http;
  private final String id;
  private final String pathPrefix;

  private WorkspaceControl(EmulatorHttp root, String id, String pathPrefix) {
    this.root = requireNonNull(root, "root must not be null");
    this.id = requireNonNull(id, "id must not be null");
    this.pathPrefix = requireNonNull(pathPrefix, "pathPrefix must not be null");
    this.http = root.under(pathPrefix);
  }

  static WorkspaceControl of(EmulatorHttp root, Object answer) {
    if (answer instanceof Map<?, ?> json
        && json.get("id") instanceof String id
        && json.get("pathPrefix") instanceof String prefix) {
      return new WorkspaceControl(root, id, prefix);
    }
    throw new TransmitMockException(PATH + " answered without a workspace id", 200, "");
  }

  /** The workspace id, e.g. {@code ws-0a1b2c3d4e5f}. */
  public String id() {
    return id;
  }

  /** {@code /_ws/<id>}: put it after any base URL of the emulator to address this workspace. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /**
   * The workspace's base URL as seen from the test, e.g. {@code http://localhost:32768/_ws/ws-...}.
   */
  public String getBaseUrl() {
    return http.baseUrl();
  }

  /** The workspace's token endpoint: token requests here use its clients, clock and faults. */
  public String getTokenEndpoint() {
    return getBaseUrl() + TransmitMockContainer.TOKEN_PATH;
  }

  /** The JWKS under the workspace's prefix: the emulator's keys, which are server-wide. */
  public String getJwksUri() {
    return getBaseUrl() + TransmitMockContainer.JWKS_PATH;
  }

  /** The discovery document under the prefix: the emulator's issuer, this workspace's endpoints. */
  public String getDiscoveryUri() {
    return getBaseUrl() + TransmitMockContainer.DISCOVERY_PATH;
  }

  /** The workspace's introspection endpoint. */
  public String getIntrospectionEndpoint() {
    return getBaseUrl() + "/cis/oidc/token/introspection";
  }

  /** The workspace's revocation endpoint. */
  public String getRevocationEndpoint() {
    return getBaseUrl() + "/cis/oidc/token/revocation";
  }

  /** A client-credentials token from this workspace, without a resource. */
  public String getClientCredentialsToken(String clientId, String clientSecret) {
    return http.clientCredentialsToken(
        TransmitMockContainer.TOKEN_PATH, clientId, clientSecret, null);
  }

  /** A client-credentials token from this workspace for a resource. */
  public String getClientCredentialsToken(String clientId, String clientSecret, String resource) {
    requireNonNull(resource, "resource must not be null");
    return http.clientCredentialsToken(
        TransmitMockContainer.TOKEN_PATH, clientId, clientSecret, resource);
  }

  /** This workspace's clock. */
  public ClockControl clock() {
    return new ClockControl(http);
  }

  /** The requests this workspace received. */
  public JournalControl journal() {
    return new JournalControl(http);
  }

  /** Faults applied to this workspace's requests only. */
  public FaultControl faults() {
    return new FaultControl(http);
  }

  /** This workspace's clients and resources. */
  public ClientControl clients() {
    return new ClientControl(http);
  }

  /** Next-token rules shaping what this workspace's token endpoint answers; cleared by reset. */
  public NextTokenControl nextToken() {
    return new NextTokenControl(http);
  }

  /** Tokens minted for this workspace's clients, on its clock. */
  public TokenControl tokens() {
    return new TokenControl(http);
  }

  /**
   * Back to the configured clients and resources, system time, an empty journal, no faults, no
   * next-token rules, no revocations; nothing outside this workspace changes (keys and settings are
   * the container's).
   */
  public void reset() {
    http.controlPost(TransmitMockControl.RESET_PATH, Map.of());
  }

  /** Deletes the workspace; its URLs answer 404 from then on. */
  public void delete() {
    root.controlDelete(PATH + "/" + EmulatorHttp.pathSegment(id));
  }

  /** {@link #delete()}. */
  @Override
  public void close() {
    delete();
  }

  @Override
  public String toString() {
    return "WorkspaceControl[" + id + "]";
  }
}
