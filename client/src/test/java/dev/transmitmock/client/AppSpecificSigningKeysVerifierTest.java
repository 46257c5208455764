package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.defects.TokenSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier against an application with app-specific token signing keys (TRANSMIT_FACTS 13.14):
 * set up for the app's issuer and JWKS (or its discovery document) it accepts the app's tokens, and
 * refuses those of the tenant's issuer.
 */
class AppSpecificSigningKeysVerifierTest {
  private static final String APP_ISSUER = "https://orders.app.transmitsecurity.io";
  private static final String APP = "app-orders";
  private static final String APP_CLIENT = "orders-app-svc";
  private static TransmitMockServer server;

  @BeforeAll
  static void startEmulator() {
    server =
        OrdersConfig.start(
            config ->
                config
                    .application(ApplicationConfig.builder(APP).issuer(APP_ISSUER).build())
                    .client(
                        ClientConfig.builder(APP_CLIENT)
                            .secret("app-secret")
                            .appId(APP)
                            .resources(OrdersConfig.ORDERS)
                            .tokenLifetime(Duration.ofDays(30))
                            .build()));
  }

  @AfterAll
  static void stopEmulator() {
    server.close();
  }

  @BeforeEach
  void resetEmulator() {
    server.reset();
  }

  private static TransmitTokenVerifier appVerifier() {
    return TransmitTokenVerifier.builder()
        .issuer(APP_ISSUER)
        .jwksUri(server.applicationJwksUri(APP))
        .audience(OrdersConfig.ORDERS)
        .clock(server.clock())
        .build();
  }

  /** A fresh verifier (no cached keys) for the tenant's issuer and the app's JWKS. */
  private static TransmitTokenVerifier legacyAwareVerifier() {
    return TransmitTokenVerifier.builder()
        .issuer(server.issuer())
        .jwksUri(server.applicationJwksUri(APP))
        .audience(OrdersConfig.ORDERS)
        .clock(server.clock())
        .build();
  }

  private static Reason rejectionOf(TransmitTokenVerifier verifier, String token) {
    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
    assertThat(e).as("the token must be rejected").isNotNull();
    return e.reason();
  }

  @Test
  void a_verifier_for_the_apps_issuer_and_jwks_accepts_the_apps_token() throws Exception {
    String token = server.tokenFor(APP_CLIENT, OrdersConfig.ORDERS);

    TransmitToken verified = appVerifier().verify(token);

    assertThat(verified.issuer()).isEqualTo(APP_ISSUER);
    assertThat(verified.clientId()).isEqualTo(APP_CLIENT);
    assertThat(verified.appId()).contains(APP);
  }

  @Test
  void a_verifier_set_up_from_the_apps_discovery_document_accepts_the_apps_token()
      throws Exception {
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .discoveryUri(server.applicationDiscoveryUri(APP))
            .audience(OrdersConfig.ORDERS)
            .clock(server.clock())
            .build();

    TransmitToken verified = verifier.verify(server.tokenFor(APP_CLIENT, OrdersConfig.ORDERS));

    assertThat(verified.issuer()).isEqualTo(APP_ISSUER);
  }

  @Test
  void the_tenants_verifier_does_not_know_the_apps_key() {
    TransmitTokenVerifier tenant =
        TransmitTokenVerifier.builder()
            .issuer(server.issuer())
            .jwksUri(server.jwksUri())
            .audience(OrdersConfig.ORDERS)
            .clock(server.clock())
            .build();

    assertThat(rejectionOf(tenant, server.tokenFor(APP_CLIENT, OrdersConfig.ORDERS)))
        .isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void the_apps_verifier_refuses_a_token_of_the_tenants_issuer() {
    String tenantToken = server.tokenFor(OrdersConfig.APP_CLIENT, OrdersConfig.ORDERS);

    assertThat(rejectionOf(appVerifier(), tenantToken)).isEqualTo(Reason.WRONG_ISSUER);
  }

  @Test
  void a_token_signed_with_the_global_key_before_the_switch_verifies_by_key_during_the_window()
      throws Exception {
    String legacy =
        server.mintToken(
            TokenSpec.builder()
                .clientId(APP_CLIENT)
                .resource(OrdersConfig.ORDERS)
                .globalKey()
                .build());

    TransmitToken during = legacyAwareVerifier().verify(legacy);
    server.clock().advance(Duration.ofDays(15));
    Reason after = rejectionOf(legacyAwareVerifier(), legacy);

    assertThat(during.issuer()).isEqualTo(server.issuer());
    assertThat(after).isEqualTo(Reason.UNKNOWN_KEY);
  }
}
