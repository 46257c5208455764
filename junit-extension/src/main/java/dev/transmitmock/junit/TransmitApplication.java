package dev.transmitmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application of a {@link TransmitMock} test class that signs its tokens with its own keys
 * (Transmit's "app-specific token signing keys"): the tokens of the clients whose {@link
 * TransmitClient#appId()} names it carry its {@link #issuer()} and are signed by a key generated
 * for it, published at {@link TransmitMockHandle#applicationJwksUri(String)}.
 *
 * <pre>{@code
 * @TransmitMock(
 *     applications = @TransmitApplication(id = "app-orders",
 *         issuer = "https://orders.app.transmitsecurity.io"),
 *     clients = @TransmitClient(id = "orders-svc", appId = "app-orders"))
 * class AppSigningTest {
 *   @Test
 *   void verifies_against_the_apps_jwks(TransmitMockHandle mock) {
 *     URI jwks = mock.applicationJwksUri("app-orders");   // .../apps/app-orders/oidc/jwks
 *     String token = mock.tokenFor("orders-svc");           // iss: the app's domain
 *   }
 * }
 * }</pre>
 *
 * <p>Tokens the app's clients got with the global key before the switch (mint one with {@code
 * TokenSpec.builder().globalKey()}) stay valid for {@link #globalKeyAcceptedFor()}, during which
 * the app's JWKS publishes the global keys too.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TransmitApplication {
  /** The application id: the {@code app_id} of its clients' tokens and {@code appId} of clients. */
  String id();

  /**
   * The app's own domain, the {@code iss} of its tokens, e.g. {@code
   * https://acme.app.transmitsecurity.io}.
   */
  String issuer();

  /**
   * Where the emulator serves the app's JWKS; empty (the default): {@code /apps/<id>/oidc/jwks}.
   * Transmit does not document where the app's JWKS lives, only that it is derived from its domain.
   */
  String jwksPath() default "";

  /**
   * How long after the start tokens signed with the global key stay valid, as an ISO-8601 duration;
   * empty (the default): {@code P14D}, Transmit's "~14 days".
   */
  String globalKeyAcceptedFor() default "";
}
