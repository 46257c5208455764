package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.KeyConfig;
import dev.transmitmock.server.config.SigningAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Emulators signing with PS256 and ES256 keys: refused by default, verified once opted in. */
class AlgorithmAllowListEmulatorTest {

  private static TransmitMockServer startSigningWith(SigningAlgorithm algorithm) {
    return OrdersConfig.start(
        config ->
            config.key(KeyConfig.builder().kid("key-" + algorithm).algorithm(algorithm).build()));
  }

  private static TransmitTokenVerifier.Builder verifierFor(TransmitMockServer server) {
    return TransmitTokenVerifier.builder()
        .issuer(server.issuer())
        .jwksUri(server.jwksUri())
        .audience(ORDERS);
  }

  @ParameterizedTest
  @EnumSource(
      value = SigningAlgorithm.class,
      names = {"PS256", "ES256"})
  void other_asymmetric_algorithms_are_refused_by_default_and_verified_when_allowed(
      SigningAlgorithm algorithm) throws Exception {
    try (TransmitMockServer server = startSigningWith(algorithm)) {
      String jwt = server.tokenFor(APP_CLIENT, ORDERS);
      assertThat(SignedJWT.parse(jwt).getHeader().getAlgorithm().getName())
          .isEqualTo(algorithm.name());

      TokenRejectedException e =
          catchThrowableOfType(
              TokenRejectedException.class, () -> verifierFor(server).build().verify(jwt));
      assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);

      TransmitTokenVerifier optedIn =
          verifierFor(server).algorithms("RS256", algorithm.name()).build();
      assertThat(optedIn.verify(jwt).clientId()).isEqualTo(APP_CLIENT);
    }
  }

  @Test
  void required_claims_can_be_extended() {
    try (TransmitMockServer server = OrdersConfig.start()) {
      String withoutScope = server.tokenFor(APP_CLIENT, ORDERS);

      TokenRejectedException e =
          catchThrowableOfType(
              TokenRejectedException.class,
              () -> verifierFor(server).requireClaims("scope").build().verify(withoutScope));

      assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM);
      assertThat(e.getMessage()).contains("'scope'");
    }
  }

  @Test
  void one_verifier_serves_many_threads_from_a_cold_cache() throws Exception {
    try (TransmitMockServer server = OrdersConfig.start();
        TransmitTokenVerifier verifier = verifierFor(server).build()) {
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tokens.add(server.tokenFor(APP_CLIENT, ORDERS));
      }
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          String token = tokens.get(i % tokens.size());
          calls.add(() -> verifier.verify(token).clientId());
        }
        for (Future<String> result : pool.invokeAll(calls)) {
          assertThat(result.get()).isEqualTo(APP_CLIENT);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
