package dev.transmitmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an in-process Transmit Security token emulator on a free loopback port for a test class,
 * and hands it to the tests.
 *
 * <pre>{@code
 * @TransmitMock(clients = @TransmitClient(id = "orders-svc", secret = "orders-secret",
 *     resources = "https://api.orders.example"))
 * class OrdersApiTest {
 *   @Test
 *   void accepts_a_valid_token(TransmitMockHandle mock) {
 *     String token = mock.tokenFor("orders-svc", "https://api.orders.example");
 *     // call the service under test with "Bearer " + token
 *   }
 * }
 * }</pre>
 *
 * <p>One server per test class (nested classes share it), reset before each test (clock, journal,
 * faults, runtime clients, keys). {@link #shared()} keeps one server for the whole run instead.
 * Test and lifecycle methods receive a {@code TransmitMockServer} or a {@link TransmitMockHandle}
 * as a parameter; fields annotated {@link InjectTransmitMock} are filled in too. When the server
 * starts, its URLs are published as system properties (see {@link TransmitMockProperties}).
 *
 * <p>{@link #https()} adds a TLS listener with a generated CA ({@code SSLContext} and CA
 * certificate injectable with {@link InjectTransmitMock}, HTTPS system properties); {@link
 * TransmitClient#authMethod()} declares {@code private_key_jwt} and mTLS clients whose keys and
 * certificates the extension generates ({@link TransmitClientCredentials}).
 *
 * <p>For options built in code, register a {@link TransmitMockExtension} with
 * {@code @RegisterExtension} instead; using both on the same class is an error.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TransmitMockExtension.class)
public @interface TransmitMock {
  /**
   * A YAML or JSON configuration on the test classpath, e.g. {@code "transmit-mock.yaml"} (from
   * {@code src/test/resources}). Empty (the default): the emulator's embedded default configuration
   * with app client {@code demo-app} / {@code demo-app-secret} and management client {@code
   * demo-admin} / {@code demo-admin-secret}.
   */
  String config() default "";

  /** The {@code iss} of every token; empty: the configuration's (or the region's) issuer. */
  String issuer() default "";

  /**
   * A Transmit region ({@code US}, {@code EU}, {@code CA}, {@code AU}, any case) whose issuer the
   * tokens carry; ignored when {@link #issuer()} is set. Empty: the configuration's.
   */
  String region() default "";

  /**
   * Default token lifetime as an ISO-8601 duration ({@code "PT5M"}); empty: the configuration's.
   */
  String tokenLifetime() default "";

  /** Clients added to the configuration; one with an existing id replaces it. */
  TransmitClient[] clients() default {};

  /**
   * Applications with app-specific token signing keys, added to the configuration; their clients
   * name them with {@link TransmitClient#appId()}.
   */
  TransmitApplication[] applications() default {};

  /**
   * Add the reason of every refusal ("invalid secret provided", which assertion or certificate
   * check failed) to error bodies as {@code error_detail}; default false, the body Transmit sends.
   * The journal and strict mode name the reason either way.
   */
  boolean verboseErrors() default false;

  /**
   * Fail a test, after it ran, when the emulator rejected one of its token requests (wrong secret,
   * unknown resource, ...), naming each rejection and its reason ("invalid secret provided", the
   * failed assertion check, ...), which the wire never says.
   */
  boolean strict() default false;

  /**
   * One server for the whole test run, shared by every class with the same settings (its secret
   * clients aside): the fastest mode for large suites. Each test class gets a workspace of its own
   * on it ({@link WorkspaceHandle}): the class's secret clients are registered there (clients with
   * generated keys or certificates are made with the server), the injected handle's URLs, clock,
   * journal, faults and clients are the workspace's, the reset before each test covers the
   * workspace only, and the workspace is deleted after the class. Classes running in parallel on
   * the shared server therefore do not undo each other's set-up. Keys, issuer and TLS are the
   * server's; the {@code transmit.mock.*} system properties name the server's root, so hand the
   * code under test the handle's URLs ({@link TransmitMockHandle#tokenEndpoint()}, {@link
   * TransmitMockHandle#properties()}).
   */
  boolean shared() default false;

  /**
   * Reset the server before each test (clock, journal, faults, runtime clients, keys); default
   * true.
   */
  boolean resetBeforeEach() default true;

  /** The port; 0 (the default) picks a free one. */
  int port() default 0;

  /**
   * Serve HTTPS too, on its own free port, with a certificate for {@code localhost}, {@code
   * 127.0.0.1} and {@code ::1} signed by a CA generated at start; default false. Client
   * certificates are requested but optional, so mTLS clients ({@link TransmitClient#authMethod()})
   * work too. Tests then get the HTTPS URLs and the CA from the handle ({@link
   * TransmitMockHandle#httpsTokenEndpoint()}, {@link TransmitMockHandle#sslContext()}, ...), can
   * inject a {@code javax.net.ssl.SSLContext} that trusts the CA (a parameter or field annotated
   * {@link InjectTransmitMock}: these JDK types are left to other resolvers without it), and the
   * HTTPS system properties are published (see {@link
   * TransmitMockProperties#HTTPS_TOKEN_ENDPOINT}).
   *
   * <pre>{@code
   * @TransmitMock(https = true)
   * class TlsClientTest {
   *   @Test
   *   void fetches_a_token_over_tls(
   *       TransmitMockHandle mock, @InjectTransmitMock SSLContext trustsTheEmulator) {
   *     HttpClient http = HttpClient.newBuilder().sslContext(trustsTheEmulator).build();
   *     // POST to mock.httpsTokenEndpoint() ...
   *   }
   * }
   * }</pre>
   */
  boolean https() default false;

  /**
   * Serve HTTPS only, no plain HTTP; implies {@link #https()}. {@link
   * TransmitMockHandle#baseUrl()}, {@link TransmitMockHandle#tokenEndpoint()} and the plain system
   * properties then carry {@code https} URLs too: use it to check that the code under test really
   * speaks TLS.
   */
  boolean httpsOnly() default false;
}
