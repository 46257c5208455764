package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 *
 * <p>With HTTPS on ({@link TransmitMock#https()}), the {@code transmit.mock.https-*} properties
 * carry the HTTPS URLs and {@link #CA_CERTIFICATE_FILE} a PEM file with the CA to trust, written to
 * the temp directory and deleted when the server stops; e.g. for a Spring Boot client with an SSL
 * bundle:
 *
 * <pre>{@code
 * spring.ssl.bundle.pem.transmit.truststore.certificate=file:${transmit.mock.ca-certificate-file}
 * spring.security.oauth2.client.provider.transmit.token-uri=${transmit.mock.https-token-endpoint}
 * }</pre>
 *
 * With {@link TransmitMock#httpsOnly()}, the plain properties ({@link #BASE_URL}, {@link
 * #TOKEN_ENDPOINT}, ...) carry the HTTPS URLs too.
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

  /** {@code transmit.mock.https-base-url}: e.g. {@code https://127.0.0.1:41235}; HTTPS only. */
  public static final String HTTPS_BASE_URL = "transmit.mock.https-base-url";

  /** {@code transmit.mock.https-token-endpoint}: {@code <https base>/oidc/token}; HTTPS only. */
  public static final String HTTPS_TOKEN_ENDPOINT = "transmit.mock.https-token-endpoint";

  /** {@code transmit.mock.https-jwks-uri}: {@code <https base>/cis/oidc/jwks}; HTTPS only. */
  public static final String HTTPS_JWKS_URI = "transmit.mock.https-jwks-uri";

  /**
   * {@code transmit.mock.https-discovery-uri}: {@code <https
   * base>/cis/oidc/.well-known/openid-configuration}; HTTPS only.
   */
  public static final String HTTPS_DISCOVERY_URI = "transmit.mock.https-discovery-uri";

  /** {@code transmit.mock.https-port}: the HTTPS port; HTTPS only. */
  public static final String HTTPS_PORT = "transmit.mock.https-port";

  /**
   * {@code transmit.mock.ca-certificate-file}: absolute path of a PEM file holding the CA
   * certificate that signed the emulator's TLS certificate; HTTPS only. Set by the extension (not
   * by {@link #of(TransmitMockServer)}, which writes no file).
   */
  public static final String CA_CERTIFICATE_FILE = "transmit.mock.ca-certificate-file";

  private TransmitMockProperties() {}

  /**
   * The properties describing a running server, in a stable order; the {@code https-*} ones when it
   * serves HTTPS. Without {@link #CA_CERTIFICATE_FILE}: read that from {@link
   * TransmitMockHandle#properties()}.
   */
  public static Map<String, String> of(TransmitMockServer server) {
    return of(server, Optional.empty());
  }

  static Map<String, String> of(TransmitMockServer server, Optional<Path> caCertificateFile) {
    requireNonNull(server, "server must not be null");
    Map<String, String> values = new LinkedHashMap<>();
    values.put(BASE_URL, server.baseUrl().toString());
    values.put(TOKEN_ENDPOINT, server.tokenEndpoint().toString());
    values.put(JWKS_URI, server.jwksUri().toString());
    values.put(DISCOVERY_URI, server.discoveryUri().toString());
    values.put(ISSUER, server.issuer());
    values.put(PORT, Integer.toString(server.port()));
    if (server.httpsEnabled()) {
      values.put(HTTPS_BASE_URL, server.httpsBaseUrl().toString());
      values.put(HTTPS_TOKEN_ENDPOINT, server.httpsTokenEndpoint().toString());
      values.put(HTTPS_JWKS_URI, server.httpsJwksUri().toString());
      values.put(HTTPS_DISCOVERY_URI, server.httpsDiscoveryUri().toString());
      values.put(HTTPS_PORT, Integer.toString(server.httpsPort()));
      caCertificateFile.ifPresent(file -> values.put(CA_CERTIFICATE_FILE, file.toString()));
    }
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
