package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Key rotation and JWKS outages, against the real emulator's JWKS endpoint. Cache lifetimes are
 * shortened so expiry happens within the test; the waits are real because Nimbus' JWKS cache runs
 * on the system clock.
 */
class JwksRotationAndOutageTest {

  private static final Duration SHORT_TTL = Duration.ofMillis(400);
  private static final Duration SHORT_RATE_LIMIT = Duration.ofMillis(100);

  private static TransmitTokenVerifier.Builder verifierFor(TransmitMockServer server) {
    return TransmitTokenVerifier.builder()
        .issuer(server.issuer())
        .jwksUri(server.jwksUri())
        .audience(ORDERS);
  }

  private static Reason rejectionOf(TransmitTokenVerifier verifier, String token) {
    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
    assertThat(e).as("the token must be rejected").isNotNull();
    return e.reason();
  }

  private static String kidOf(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getHeader().getKeyID();
  }

  @Test
  void a_rotated_in_key_is_picked_up_on_first_sight_of_its_kid() throws Exception {
    try (TransmitMockServer server = OrdersConfig.start()) {
      // Default cache TTL (5 min): only the unknown-kid refresh can explain the new key working.
      TransmitTokenVerifier verifier = verifierFor(server).build();
      String before = server.tokenFor(APP_CLIENT, ORDERS);
      verifier.verify(before);

      server.keys().rotate();
      String after = server.tokenFor(APP_CLIENT, ORDERS);

      assertThat(kidOf(after)).isNotEqualTo(kidOf(before));
      assertThat(verifier.verify(after).clientId()).isEqualTo(APP_CLIENT);
      assertThat(verifier.verify(before).clientId()).isEqualTo(APP_CLIENT); // still published
    }
  }

  @Test
  void tokens_of_a_retired_key_fail_once_the_cached_jwks_expires() throws Exception {
    try (TransmitMockServer server = OrdersConfig.start()) {
      TransmitTokenVerifier verifier =
          verifierFor(server)
              .jwksCacheTtl(SHORT_TTL)
              .jwksRefreshRateLimit(SHORT_RATE_LIMIT)
              .build();
      String old = server.tokenFor(APP_CLIENT, ORDERS);
      verifier.verify(old);

      String oldKid = kidOf(old);
      server.keys().rotate();
      server.keys().retire(oldKid);
      Thread.sleep(SHORT_TTL.multipliedBy(2).toMillis());

      assertThat(rejectionOf(verifier, old)).isEqualTo(Reason.UNKNOWN_KEY);
      assertThat(rejectionOf(verifierFor(server).build(), old)).isEqualTo(Reason.UNKNOWN_KEY);
      assertThat(verifier.verify(server.tokenFor(APP_CLIENT, ORDERS)).clientId())
          .isEqualTo(APP_CLIENT);
    }
  }

  @Test
  void cached_keys_keep_verifying_while_the_jwks_endpoint_is_down() throws Exception {
    TransmitMockServer server = OrdersConfig.start();
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    TransmitTokenVerifier verifier =
        verifierFor(server).jwksCacheTtl(SHORT_TTL).jwksRefreshRateLimit(SHORT_RATE_LIMIT).build();
    verifier.verify(jwt);

    server.close(); // a real outage: connections to the JWKS URL are refused
    Thread.sleep(SHORT_TTL.multipliedBy(2).toMillis());

    assertThat(verifier.verify(jwt).clientId()).isEqualTo(APP_CLIENT);
  }

  @Test
  void a_cold_verifier_reports_jwks_unavailable_during_an_outage() {
    TransmitMockServer server = OrdersConfig.start();
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    TransmitTokenVerifier cold = verifierFor(server).build();
    server.close();

    assertThat(rejectionOf(cold, jwt)).isEqualTo(Reason.JWKS_UNAVAILABLE);
    // Repeated attempts hit the refresh rate limit; with no key ever loaded that is still an
    // outage.
    assertThat(rejectionOf(cold, jwt)).isEqualTo(Reason.JWKS_UNAVAILABLE);
    assertThat(rejectionOf(cold, jwt)).isEqualTo(Reason.JWKS_UNAVAILABLE);
  }

  @Test
  void warm_up_loads_the_keys_or_reports_the_outage() throws Exception {
    try (TransmitMockServer server = OrdersConfig.start()) {
      verifierFor(server).build().warmUp();
    }
    TransmitMockServer stopped = OrdersConfig.start();
    TransmitTokenVerifier verifier = verifierFor(stopped).build();
    stopped.close();
    TokenRejectedException e = catchThrowableOfType(TokenRejectedException.class, verifier::warmUp);
    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
  }
}
