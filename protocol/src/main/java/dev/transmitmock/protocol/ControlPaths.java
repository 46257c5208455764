package dev.transmitmock.protocol;

/**
 * The paths of the emulator's test-control API, all under {@value #PREFIX}. A path with an id (a
 * rule id, a {@code kid}, a client id) is the constant plus {@code "/"} plus the id.
 *
 * <pre>{@code
 * http.post(baseUrl + ControlPaths.FAULTS, ruleJson);
 * http.delete(baseUrl + ControlPaths.FAULTS + "/" + ruleId);
 * }</pre>
 *
 * <p>Every path is documented in {@code docs/CONTROL_API.md} and the emulator's OpenAPI description
 * ({@value #OPENAPI}).
 */
public final class ControlPaths {
  /** The prefix of every control route. */
  public static final String PREFIX = "/_mock";

  /** {@code GET}: the health probe; answers even with the control API off. */
  public static final String HEALTH = PREFIX + "/health";

  /** {@code GET, POST, DELETE}: the emulator's clock. */
  public static final String CLOCK = PREFIX + "/clock";

  /** {@code GET, DELETE}: the request journal. */
  public static final String JOURNAL = PREFIX + "/journal";

  /** {@code GET, POST, DELETE}; {@code DELETE /<id>}: fault rules. */
  public static final String FAULTS = PREFIX + "/faults";

  /** {@code GET, POST}; {@code POST /<kid>/activate}, {@code DELETE /<kid>}: signing keys. */
  public static final String KEYS = PREFIX + "/keys";

  /** {@code POST}: rotates the signing keys. */
  public static final String KEYS_ROTATE = KEYS + "/rotate";

  /** The suffix of {@code POST /_mock/keys/<kid>/activate}. */
  public static final String ACTIVATE_SUFFIX = "/activate";

  /** {@code GET, POST}; {@code DELETE /<clientId>}: clients. */
  public static final String CLIENTS = PREFIX + "/clients";

  /** {@code GET, POST, DELETE}: resources. */
  public static final String RESOURCES = PREFIX + "/resources";

  /** {@code POST}: back to the configured state. */
  public static final String RESET = PREFIX + "/reset";

  /** {@code GET}: the catalog of defective tokens and client assertions. */
  public static final String DEFECTS = PREFIX + "/defects";

  /** {@code POST}: mints a token, valid or defective. */
  public static final String TOKENS = PREFIX + "/tokens";

  /** {@code POST}: inspects a token the way a careful verifier would. */
  public static final String TOKENS_INSPECT = TOKENS + "/inspect";

  /** {@code GET}: the CA certificate of the HTTPS listener, PEM. */
  public static final String TLS_CA_PEM = PREFIX + "/tls/ca.pem";

  /** {@code POST}: issues a client certificate from the emulator's CA. */
  public static final String TLS_CLIENT_CERTIFICATES = PREFIX + "/tls/client-certificates";

  /** {@code GET}: the web console's page. */
  public static final String UI = PREFIX + "/ui";

  /** {@code GET, POST, DELETE}: rules shaping the next tokens issued. */
  public static final String NEXT_TOKEN = PREFIX + "/next-token";

  /** {@code GET, POST}: runtime settings of the emulator. */
  public static final String SETTINGS = PREFIX + "/settings";

  /** {@code GET, POST}; {@code DELETE /<id>}: isolated workspaces. */
  public static final String WORKSPACES = PREFIX + "/workspaces";

  /**
   * The prefix of a workspace's routes: {@code /_ws/<id>} followed by any Transmit or control path.
   */
  public static final String WORKSPACE_PREFIX = "/_ws/";

  /** {@code GET}: the OpenAPI description of the control API. */
  public static final String OPENAPI = PREFIX + "/openapi.json";

  private ControlPaths() {}

  /** The base path of a workspace's routes: {@code /_ws/<id>}. */
  public static String workspace(String id) {
    return WORKSPACE_PREFIX + id;
  }

  /** Whether a request path lies under the control API ({@value #PREFIX} or below). */
  public static boolean isControlPath(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }
}
