package dev.transmitmock.spring.test;

import dev.transmitmock.junit.TransmitApplication;
import dev.transmitmock.junit.TransmitClient;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a transmit-mock emulator for a Spring test's application context and points the
 * application at it: Spring Security's resource server and the {@code transmit} OAuth2 client
 * provider use the emulator's JWKS, issuer and token endpoint, every {@link
 * dev.transmitmock.spring.TransmitJwtDecoder} bean verifies against the emulator's keys on the
 * emulator's clock, and the emulator is injectable.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockMvc
 * @AutoConfigureTransmitMock(clients = @TransmitClient(id = "storefront",
 *     resources = "https://api.orders.example"))
 * class OrdersApiTest {
 *   @Autowired MockMvc mvc;
 *
 *   @Test
 *   void accepts_a_transmit_token() throws Exception {
 *     mvc.perform(get("/orders/42")
 *             .with(transmitToken("storefront").resource("https://api.orders.example")))
 *         .andExpect(status().isOk());
 *   }
 *
 *   @Test
 *   void refuses_it_once_expired(TransmitMockHandle mock) throws Exception {
 *     RequestPostProcessor token = transmitToken("storefront").resource("https://api.orders.example");
 *     mock.clock().advance(Duration.ofHours(2));      // the application checks exp on this clock
 *     mvc.perform(get("/orders/42").with(token)).andExpect(status().isUnauthorized());
 *   }
 * }
 * }</pre>
 *
 * <p><b>The application context.</b> The emulator is started when Spring builds the context and
 * stopped when the context is closed. Its URLs go into that context's {@code Environment} only (no
 * system properties), ahead of {@code application.yml} and behind properties the test itself sets
 * ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource}, {@code
 * DynamicPropertySource}):
 *
 * <ul>
 *   <li>{@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri};
 *   <li>{@code spring.security.oauth2.client.provider.transmit.token-uri} and {@code jwk-set-uri};
 *   <li>for each of {@link #registrations()}: {@code
 *       spring.security.oauth2.client.registration.<id>.provider} ({@code transmit}), {@code
 *       client-id}, {@code client-secret}, {@code authorization-grant-type} ({@code
 *       client_credentials}) and, unless the application sets it, {@code
 *       client-authentication-method};
 *   <li>{@code transmit.mock.base-url}, {@code transmit.mock.token-endpoint}, ... (as {@code
 *       TransmitMockProperties}), for {@code ${...}} placeholders of your own.
 * </ul>
 *
 * Spring caches application contexts: test classes with equal attributes (and otherwise equal
 * configuration) share one context and so one emulator, which is reset before each test ({@link
 * #resetBeforeEach()}). Classes whose attributes differ get their own.
 *
 * <p><b>Injection.</b> The context holds the emulator as beans of type {@code TransmitMockHandle}
 * and {@code TransmitMockServer} ({@code @Autowired}); test and lifecycle method parameters of
 * these types are resolved without {@code @Autowired} too. Do not add {@code @TransmitMock} to the
 * same class: it would start a second emulator the application does not know (refused).
 *
 * <p>The emulator needs {@code dev.transmitmock:transmit-mock-junit} on the test classpath.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TransmitMockSpringExtension.class)
public @interface AutoConfigureTransmitMock {
  /**
   * A YAML or JSON configuration of the emulator on the test classpath, e.g. {@code
   * "transmit-mock.yaml"}. Empty (the default): the embedded default configuration, with app client
   * {@code demo-app} / {@code demo-app-secret} and management client {@code demo-admin} / {@code
   * demo-admin-secret}.
   */
  String config() default "";

  /** The {@code iss} of every token; empty: the configuration's (or the region's) issuer. */
  String issuer() default "";

  /**
   * A Transmit region ({@code US}, {@code EU}, {@code CA}, {@code AU}, any case) whose issuer the
   * tokens carry; ignored when {@link #issuer()} is set. Use the region your production decoder is
   * built for: a {@code TransmitJwtDecoder} whose issuer differs from the emulator's fails the
   * context start, naming both.
   */
  String region() default "";

  /** The default token lifetime as an ISO-8601 duration ({@code "PT5M"}). */
  String tokenLifetime() default "";

  /**
   * Clients added to the configuration, as on {@code @TransmitMock}; one with an existing id
   * replaces it. Clients authenticating with a TLS client certificate need HTTPS, which this
   * annotation does not serve: use {@code @TransmitMock(https = true)} for those tests.
   */
  TransmitClient[] clients() default {};

  /**
   * Applications with app-specific token signing keys, as on {@code @TransmitMock}; their clients
   * name them with {@link TransmitClient#appId()} and get tokens with the application's issuer,
   * signed by its keys. The resource server properties above keep naming the tenant's issuer and
   * JWKS: a test of an application's own API points its decoder at {@code
   * mock.applicationJwksUri(appId)} and the application's issuer (e.g. {@code
   * TransmitJwtDecoders.forIssuer(issuer, jwksUri)}).
   */
  TransmitApplication[] applications() default {};

  /**
   * Add the reason of every refusal to the emulator's error bodies as {@code error_detail}, as on
   * {@code @TransmitMock}; default false, the body Transmit sends.
   */
  boolean verboseErrors() default false;

  /**
   * OAuth2 client registrations of the application that obtain tokens from the emulator, each with
   * the emulator client whose credentials it uses.
   */
  TransmitRegistration[] registrations() default {};

  /**
   * Reset the emulator before each test method (clock, journal, faults, runtime clients, keys);
   * default true. Test classes that share a context, and so the emulator, and run in parallel
   * should say false: a reset before one test would undo what a concurrent one set up.
   */
  boolean resetBeforeEach() default true;

  /**
   * Share the emulator's clock with the application, default true: it becomes the clock of every
   * {@code TransmitJwtDecoder} bean and the primary {@code java.time.Clock} bean, so that {@code
   * mock.clock().advance(...)} expires tokens in the application too. False leaves the application
   * on its own clocks.
   */
  boolean shareClock() default true;
}
