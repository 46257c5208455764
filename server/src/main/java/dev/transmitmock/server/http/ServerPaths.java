package dev.transmitmock.server.http;

/**
 * The paths both faces of the emulator know: the Transmit face ({@code http.oidc}) leaves the
 * control prefix alone, the control face ({@code http.control}) serves under it, and the health
 * probe answers whichever is on.
 *
 * <pre>{@code
 * boolean control = path.startsWith(ServerPaths.CONTROL_PREFIX + "/");
 * }</pre>
 */
public final class ServerPaths {
  /** The prefix of the emulator's own test-control API. */
  public static final String CONTROL_PREFIX = "/_mock";

  /** Health probe path, always on, used by the Docker HEALTHCHECK and readiness waits. */
  public static final String HEALTH_PATH = CONTROL_PREFIX + "/health";

  private ServerPaths() {}
}
