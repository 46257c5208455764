package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.consumers.ConsumerServer;
import dev.transmitmock.junit.contract.consumers.Consumers;
import dev.transmitmock.junit.contract.consumers.TokenCheck;
import dev.transmitmock.server.defects.Defect;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@TransmitMock(clients = @TransmitClient(id = "orders-svc", resources = ConsumerContractTest.ORDERS))
class ConsumerContractTest {
  /** A whole JWT (header.payload); a random jti may hold "eyJ" by chance. */
  private static final String WHOLE_TOKEN = "eyJ[A-Za-z0-9_-]+\\.eyJ";

  static final String ORDERS = "https://api.orders.example";

  private static ContractResults run(TransmitMockHandle mock, TokenCheck check) {
    try (ConsumerServer consumer = ConsumerServer.start(check)) {
      ConsumerContract contract =
          ConsumerContract.builder(mock)
              .client("orders-svc")
              .resource(ORDERS)
              .managementClient("demo-admin")
              .endpoint(consumer::call)
              .build();
      return ContractResults.of(contract);
    }
  }

  private static ContractResults runAgainst(
      TransmitMockHandle mock, Function<TransmitMockHandle, TokenCheck> consumer) {
    return run(mock, consumer.apply(mock));
  }

  @Test
  void a_correct_nimbus_consumer_passes_every_case(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(mock, m -> Consumers.correct(m.jwksUri(), m.issuer(), ORDERS));

    assertThat(results.violations).isEmpty();
    assertThat(results.verdicts)
        .containsKeys(
            "valid-token",
            "missing-header",
            "wrong-scheme",
            "empty-bearer",
            "other-audience",
            "management-token")
        .containsKeys(Arrays.stream(Defect.values()).map(Defect::id).toArray(String[]::new));
  }

  @Test
  void reports_the_default_sixty_seconds_of_clock_skew_without_failing(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(mock, m -> Consumers.correct(m.jwksUri(), m.issuer(), ORDERS));

    assertThat(results.verdicts.get("expires-now")).contains("accepted up to about 60 s after exp");
  }

  @Test
  void reports_a_consumer_that_allows_no_clock_skew(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(mock, m -> Consumers.correct(m.jwksUri(), m.issuer(), ORDERS, 0));

    assertThat(results.violations).isEmpty();
    assertThat(results.verdicts.get("expires-now")).contains("allows no clock skew");
  }

  @Test
  void reports_the_skew_as_inconclusive_when_the_consumer_rejects_every_token(
      TransmitMockHandle mock) {
    ContractResults results = run(mock, authorization -> 401);

    assertThat(results.violations).containsKey("valid-token");
    assertThat(results.verdicts.get("expires-now"))
        .contains("inconclusive: the consumer rejected a valid token too (status 401)")
        .contains("fix [valid-token] first")
        .doesNotContain("allows no clock skew");
  }

  @Test
  void catches_a_consumer_that_skips_the_audience_check(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(mock, m -> Consumers.skipsAudienceCheck(m.jwksUri(), m.issuer()));

    assertThat(results.violations)
        .containsKeys("other-audience", "wrong-audience", "missing-aud")
        .doesNotContainKeys("valid-token", "expired", "alg-none", "wrong-issuer");
    assertThat(results.violations.get("other-audience"))
        .hasMessageContaining("the consumer ACCEPTED it")
        .hasMessageContaining("attack: a token the same tenant issued for another API")
        .hasMessageContaining("fix:    check that aud contains exactly your resource URI");
    assertThat(results.violations.get("wrong-audience"))
        .hasMessageContaining("[wrong-audience] aud names another API")
        .hasMessageContaining("attack: a token meant for another API is replayed")
        .hasMessageContaining("RFC 8725 §3.9")
        .hasMessageContaining("fix:    require aud to contain " + ORDERS);
  }

  @Test
  void catches_a_consumer_that_ignores_expiry(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(mock, m -> Consumers.ignoresExpiry(m.jwksUri(), m.issuer(), ORDERS));

    assertThat(results.violations)
        .containsKeys("expired", "missing-exp")
        .doesNotContainKeys("valid-token", "wrong-audience", "alg-none", "wrong-issuer");
    assertThat(results.violations.get("expired"))
        .hasMessageContaining("[expired] exp lies 10 minutes in the past")
        .hasMessageContaining("attack: a leaked token stays usable after it expired")
        .hasMessageContaining("fix:    check exp against your clock");
    assertThat(results.verdicts.get("expires-now")).contains("does not check exp");
  }

  @Test
  void catches_a_consumer_that_trusts_the_algorithm_in_the_token_header(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(mock, m -> Consumers.trustsHeaderAlgorithm(m.jwksUri(), m.issuer(), ORDERS));

    assertThat(results.violations).containsKeys("alg-none", "hs256-with-public-key");
    assertThat(results.violations.get("hs256-with-public-key"))
        .hasMessageContaining("the consumer ACCEPTED it")
        .hasMessageContaining("attack: anyone can forge tokens")
        .hasMessageContaining("CVE-2016-10555")
        .hasMessageContaining("fix:    pin the algorithm on your side to RS256");
    assertThat(results.violations).doesNotContainKeys("valid-token", "expired", "wrong-audience");
  }

  @Test
  void catches_a_consumer_that_lets_any_authorization_header_in(TransmitMockHandle mock) {
    ContractResults results = run(mock, Consumers.acceptsAnyAuthorizationHeader());

    assertThat(results.violations)
        .containsKeys("wrong-scheme", "empty-bearer", "other-audience", "expired", "alg-none")
        .doesNotContainKeys("valid-token", "missing-header");
  }

  @Test
  void tells_how_to_trust_the_emulator_when_a_valid_token_is_rejected(TransmitMockHandle mock) {
    ContractResults results =
        runAgainst(
            mock, m -> Consumers.correct(m.jwksUri(), "https://not-the-issuer.example", ORDERS));

    assertThat(results.violations.get("valid-token"))
        .hasMessageContaining("expected a 2xx answer but the consumer answered 401")
        .hasMessageContaining("JWKS " + mock.jwksUri())
        .hasMessageContaining("issuer " + mock.issuer())
        .hasMessageContaining("audience " + ORDERS)
        .hasMessageContaining("typ header (at+jwt)");
  }

  @Test
  void never_puts_a_token_in_a_failure_message(TransmitMockHandle mock) {
    ContractResults results = run(mock, Consumers.acceptsAnyAuthorizationHeader());

    assertThat(results.violations.values())
        .allSatisfy(
            violation -> assertThat(violation.getMessage()).doesNotContainPattern(WHOLE_TOKEN));
  }

  @Test
  void reports_an_unreachable_endpoint_as_an_error_of_the_call(TransmitMockHandle mock) {
    ConsumerContract contract =
        ConsumerContract.builder(mock)
            .client("orders-svc")
            .endpoint(
                authorization -> {
                  throw new ConnectException("Connection refused");
                })
            .build();

    assertThatThrownBy(() -> contract.verify(contract.cases().get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[valid-token] calling the protected endpoint failed")
        .hasRootCauseInstanceOf(IOException.class);
  }

  @Test
  void refuses_a_client_the_emulator_does_not_know(TransmitMockHandle mock) {
    assertThatThrownBy(
            () -> ConsumerContract.builder(mock).client("nobody").endpoint(a -> 200).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the emulator has no client nobody")
        .hasMessageContaining("orders-svc");
  }

  @Test
  void refuses_a_resource_the_client_may_not_request(TransmitMockHandle mock) {
    assertThatThrownBy(
            () ->
                ConsumerContract.builder(mock)
                    .client("orders-svc")
                    .resource("https://api.other.example")
                    .endpoint(a -> 200)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may not request resource https://api.other.example");
  }

  @Test
  void runs_extra_cases_and_reports_informational_ones(TransmitMockHandle mock) throws Exception {
    try (ConsumerServer consumer =
        ConsumerServer.start(Consumers.correct(mock.jwksUri(), mock.issuer(), ORDERS))) {
      ConsumerContract contract =
          ConsumerContract.builder(mock)
              .client("orders-svc")
              .resource(ORDERS)
              .endpoint(consumer::call)
              .extraCase(
                  new ContractCase(
                      "garbage",
                      "a token that is not a JWT",
                      "none",
                      "none",
                      Expectation.REPORT,
                      () -> Optional.of("Bearer not-a-jwt")))
              .build();

      ContractCase extra = contract.cases().get(contract.cases().size() - 1);
      assertThat(contract.verify(extra))
          .isEqualTo("[garbage] a token that is not a JWT: rejected (401)");
    }
  }

  @Test
  void leaves_the_emulator_clock_where_it_was(TransmitMockHandle mock) {
    runAgainst(mock, m -> Consumers.correct(m.jwksUri(), m.issuer(), ORDERS));

    assertThat(mock.clock().offset()).isEqualTo(Duration.ZERO);
  }
}
