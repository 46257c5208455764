package dev.transmitmock.server.testing;

/**
 * The clients and resource of the embedded default configuration, the one {@link
 * TestEmulator#start()} serves.
 */
public final class DemoConfig {
  /** An application client. */
  public static final String APP = "demo-app";

  public static final String APP_SECRET = "demo-app-secret";

  /** A management client. */
  public static final String ADMIN = "demo-admin";

  public static final String ADMIN_SECRET = "demo-admin-secret";

  /** The resource (audience) the demo app may ask for. */
  public static final String RESOURCE = "https://api.example.test";

  private DemoConfig() {}
}
