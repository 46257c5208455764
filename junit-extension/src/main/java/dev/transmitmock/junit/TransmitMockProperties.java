package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system properties a {@link TransmitMock} / {@link TransmitMockExtension} sets when its server
 * starts, so that any framework can pick the emulator up without code: a Spring Boot test can write
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri: ${transmit.mock.jwks-uri}} in its
 * test configuration, or in one line of a {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
 *     () -> System.getProperty(TransmitMockProperties.JWKS_URI));
 * }</pre>
 *
 * <p>System properties are global to the JVM: when several emulators run at once (test classes in
 * parallel, or several extensions in one class), the last one started wins, and a property is
 * cleared only when the server that set it stops. Under parallel execution, read the values from
 * the handle instead ({@link TransmitMockHandle#properties()}, {@link
 * TransmitMockHandle#jwksUri()}, ...).
 */
public final class TransmitMockProperties {
  /** {@code transmit.mock.base-url}: e.g. {@code http://127.0.0.1:41234}. */
  public static final String BASE_URL = "transmit.mock.base-url";

  /** {@code transmit.mock.token-endpoint}: {@code <base>/oidc/token}. */
  public static final String TOKEN_ENDPOINT = "transmit.mock.token-endpoint";

  /** {@code transmit.mock.jwks-uri}: {@code <base>/cis/oidc/jwks}. */
  public static final String JWKS_URI = "transmit.mock.jwks-uri";

  /**
   * {@code transmit.mock.discovery-uri}: {@code <base>/cis/oidc/.well-known/openid-configuration}.
   */
  public static final String DISCOVERY_URI = "transmit.mock.discovery-uri";

  /**
   * {@code transmit.mock.issuer}: the {@code iss} of the tokens, e.g. {@code
   * https://userid.security}.
   */
  public static final String ISSUER = "transmit.mock.issuer";

  /** {@code transmit.mock.port}: the port the emulator listens on. */
  public static final String PORT = "transmit.mock.port";

  private TransmitMockProperties() {}

  /** The properties describing a running server, in a stable order. */
  public static Map<String, String> of(TransmitMockServer server) {
    requireNonNull(server, "server must not be null");
    Map<String, String> values = new LinkedHashMap<>();
    values.put(BASE_URL, server.baseUrl().toString());
    values.put(TOKEN_ENDPOINT, server.tokenEndpoint().toString());
    values.put(JWKS_URI, server.jwksUri().toString());
    values.put(DISCOVERY_URI, server.discoveryUri().toString());
    values.put(ISSUER, server.issuer());
    values.put(PORT, Integer.toString(server.port()));
    return Collections.unmodifiableMap(values);
  }

  static void publish(Map<String, String> values) {
    values.forEach(System::setProperty);
  }

  /** Clears the properties that still hold these values (another server may have replaced them). */
  static void withdraw(Map<String, String> values) {
    synchronized (System.getProperties()) {
      values.forEach(
          (name, value) -> {
            if (value.equals(System.getProperty(name))) {
              System.clearProperty(name);
            }
          });
    }
  }
}
