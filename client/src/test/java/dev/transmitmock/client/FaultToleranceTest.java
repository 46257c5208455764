package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.APP_SECRET;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.control.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults injected by the emulator's control API in front of its real endpoints: the client's
 * retries and the verifier's outage handling, observed through the request journal.
 */
class FaultToleranceTest {

  private static final RetryPolicy FAST_RETRIES =
      new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));
  private static final Duration SHORT_TTL = Duration.ofMillis(400);
  private static final Duration SHORT_RATE_LIMIT = Duration.ofMillis(100);

  private static TransmitMockServer server;

  @BeforeAll
  static void startEmulator() {
    server = OrdersConfig.start();
  }

  @AfterAll
  static void stopEmulator() {
    server.close();
  }

  @BeforeEach
  void resetEmulator() {
    server.reset();
  }

  private static TransmitTokenClient.Builder client() {
    return TransmitTokenClient.builder()
        .tokenEndpoint(server.tokenEndpoint())
        .clientId(APP_CLIENT)
        .clientSecret(APP_SECRET)
        .clock(server.clock());
  }

  private static List<JournalEntry> tokenRequests() {
    return server.journal().entries(entry -> entry.endpoint() == Endpoint.TOKEN);
  }

  private static TransmitTokenVerifier.Builder verifier() {
    return TransmitTokenVerifier.builder()
        .issuer(server.issuer())
        .jwksUri(server.jwksUri())
        .audience(ORDERS)
        .clock(server.clock());
  }

  @Test
  void survives_503_twice_then_success_with_the_default_retry_policy() {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(2));

    AccessToken token = client().build().accessToken(ORDERS);

    assertThat(token.value()).isNotBlank();
    assertThat(tokenRequests())
        .as(OrdersConfig.describeJournal(server))
        .extracting(JournalEntry::status)
        .containsExactly(503, 503, 200);
  }

  @Test
  void honours_retry_after_on_429() {
    server
        .faults()
        .add(FaultRule.on(Endpoint.TOKEN).status(429).header("Retry-After", "1").times(1));
    long started = System.nanoTime();

    client().build().accessToken(ORDERS);

    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    List<JournalEntry> requests = tokenRequests();
    assertThat(requests).extracting(JournalEntry::status).containsExactly(429, 200);
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.between(requests.get(0).time(), requests.get(1).time()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void a_retry_after_longer_than_the_policy_allows_is_returned_at_once() {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).status(429).header("Retry-After", "120"));

    TokenRequestException e =
        catchThrowableOfType(
            TokenRequestException.class, () -> client().build().accessToken(ORDERS));

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(tokenRequests()).hasSize(1);
  }

  @Test
  void gives_up_after_the_retry_budget_with_transmits_error_message() {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).status(500));

    TokenRequestException e =
        catchThrowableOfType(
            TokenRequestException.class,
            () -> client().retryPolicy(FAST_RETRIES).build().accessToken(ORDERS));

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.error()).isEmpty();
    assertThat(e.errorDescription()).contains("Something went wrong - Internal server error");
    assertThat(tokenRequests()).hasSize(3);
  }

  @Test
  void a_dropped_connection_is_retried() {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).dropConnection().times(1));

    AccessToken token = client().retryPolicy(FAST_RETRIES).build().accessToken(ORDERS);

    assertThat(token.value()).isNotBlank();
    assertThat(tokenRequests()).extracting(JournalEntry::status).containsExactly(0, 200);
  }

  @Test
  void a_malformed_success_body_is_retried() {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).malformedJson().times(1));

    AccessToken token = client().retryPolicy(FAST_RETRIES).build().accessToken(ORDERS);

    assertThat(token.value()).isNotBlank();
    assertThat(tokenRequests()).hasSize(2);
  }

  @Test
  void a_slow_token_endpoint_hits_the_request_timeout() throws InterruptedException {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).delay(Duration.ofMillis(800)).times(1));

    TokenRequestException e =
        catchThrowableOfType(
            TokenRequestException.class,
            () ->
                client()
                    .requestTimeout(Duration.ofMillis(300))
                    .retryPolicy(RetryPolicy.NONE)
                    .build()
                    .accessToken(ORDERS));

    assertThat(e.statusCode()).isZero();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("HttpTimeoutException");
    awaitTokenRequests(1); // the emulator still answers the abandoned request; let it finish
  }

  private static void awaitTokenRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (tokenRequests().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(tokenRequests()).hasSize(count);
  }

  @Test
  void cached_keys_keep_verifying_through_a_jwks_outage() throws Exception {
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    TransmitTokenVerifier verifier =
        verifier().jwksCacheTtl(SHORT_TTL).jwksRefreshRateLimit(SHORT_RATE_LIMIT).build();
    verifier.verify(jwt);

    int budget = 1000;
    FaultRule outage = server.faults().add(FaultRule.on(Endpoint.JWKS).status(503).times(budget));
    Thread.sleep(SHORT_TTL.multipliedBy(2).toMillis());

    assertThat(verifier.verify(jwt).clientId()).isEqualTo(APP_CLIENT);
    assertThat(server.faults().rules())
        .as("the expired cache did call the failing JWKS endpoint")
        .filteredOn(rule -> rule.id().equals(outage.id()))
        .singleElement()
        .satisfies(rule -> assertThat(rule.times().getAsInt()).isLessThan(budget));
  }

  @Test
  void a_cold_verifier_reports_jwks_unavailable_while_the_jwks_fails() {
    server.faults().add(FaultRule.on(Endpoint.JWKS).status(503));
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);

    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier().build().verify(jwt));

    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
  }

  @Test
  void a_cold_verifier_reports_jwks_unavailable_for_a_malformed_jwks() {
    server.faults().add(FaultRule.on(Endpoint.JWKS).malformedJson());
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);

    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier().build().verify(jwt));

    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
  }

  @Test
  void a_slow_jwks_endpoint_hits_the_verifier_timeouts() {
    server.faults().add(FaultRule.on(Endpoint.JWKS).delay(Duration.ofSeconds(2)));
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    TransmitTokenVerifier verifier =
        verifier().httpTimeouts(Duration.ofMillis(200), Duration.ofMillis(200)).build();
    long started = System.nanoTime();

    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(jwt));

    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void a_failing_discovery_document_reports_jwks_unavailable() {
    server.faults().add(FaultRule.on(Endpoint.DISCOVERY).status(503));
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .discoveryUri(server.discoveryUri())
            .audience(ORDERS)
            .build();

    TokenRejectedException e =
        catchThrowableOfType(
            TokenRejectedException.class,
            () -> verifier.verify(server.tokenFor(APP_CLIENT, ORDERS)));

    assertThat(e.reason()).isEqualTo(Reason.JWKS_UNAVAILABLE);
  }
}
