package dev.transmitmock.server.config;

import java.time.Duration;

/**
 * The configuration {@code java -jar transmit-mock-server.jar} serves when given none: tenant
 * {@code tnt-demo}, the app client {@code demo-app} / {@code demo-app-secret} with the resource
 * {@code https://api.example.test}, and the management client {@code demo-admin} / {@code
 * demo-admin-secret}.
 *
 * <p>Built in code rather than parsed from the YAML document {@link ConfigLoader#EMBEDDED_DEFAULT}
 * (which stays in the jar as its readable form, and which a test keeps equal to this), so that a
 * start without a config file loads no YAML or JSON parser.
 *
 * <pre>{@code
 * MockConfig config = EmbeddedDefaultConfig.config();
 * TransmitMockServer server = TransmitMockServer.builder().config(config).build().start();
 * }</pre>
 */
public final class EmbeddedDefaultConfig {
  /** The resource the demo app client may ask for. */
  public static final String DEMO_RESOURCE = "https://api.example.test";

  private static final MockConfig CONFIG =
      MockConfig.builder()
          .issuer("https://userid.security")
          .tenantId("tnt-demo")
          .tokenLifetime(Duration.ofHours(1))
          .resource(ResourceConfig.builder(DEMO_RESOURCE).build())
          .client(
              ClientConfig.builder("demo-app")
                  .secret("demo-app-secret")
                  .appId("app-demo")
                  .appName("Demo App")
                  .resources(DEMO_RESOURCE)
                  .build())
          .client(
              ClientConfig.builder("demo-admin")
                  .secret("demo-admin-secret")
                  .type(ClientType.MANAGEMENT)
                  .appId("app-demo-admin")
                  .appName("Demo Management App")
                  .build())
          .build();

  private EmbeddedDefaultConfig() {}

  /** The embedded default configuration (immutable; derive variants with {@code toBuilder()}). */
  public static MockConfig config() {
    return CONFIG;
  }
}
