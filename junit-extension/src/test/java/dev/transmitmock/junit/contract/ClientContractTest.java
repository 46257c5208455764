package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.clients.TestTokenClient;
import dev.transmitmock.junit.contract.clients.TestTokenClient.Habits;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

@TransmitMock(
    clients =
        @TransmitClient(
            id = ClientContractTest.CLIENT,
            secret = ClientContractTest.SECRET,
            resources = ClientContractTest.ORDERS))
class ClientContractTest {
  /** A whole JWT (header.payload); a random jti may hold "eyJ" by chance. */
  private static final String WHOLE_TOKEN = "eyJ[A-Za-z0-9_-]+\\.eyJ";

  static final String CLIENT = "contract-test-svc";
  static final String SECRET = "contract-test-secret-4711";
  static final String ORDERS = "https://api.orders.example";

  private static final List<String> EVERY_CASE =
      List.of(
          "sends-issued-token",
          "caches",
          "single-flight",
          "refreshes-before-exp",
          "refetches-after-rejection",
          "honours-retry-after",
          "no-retry-storm",
          "recovers-after-503",
          "recovers-after-dropped-connection",
          "no-secret-in-logs");

  private static TestTokenClient client(TransmitMockHandle mock, Habits habits) {
    return TestTokenClient.of(mock.tokenEndpoint(), CLIENT, SECRET, ORDERS, mock.clock(), habits);
  }

  private static ClientContract.Builder contract(TransmitMockHandle mock, TestTokenClient client) {
    return ClientContract.builder(mock).client(CLIENT).resource(ORDERS).caller(client.caller());
  }

  private static ClientResults run(TransmitMockHandle mock, Habits habits) {
    return ClientResults.of(contract(mock, client(mock, habits)).build());
  }

  @Test
  void a_careful_client_passes_every_case_in_order(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful());

    assertThat(results.violations).isEmpty();
    assertThat(results.verdicts.keySet()).containsExactlyElementsOf(EVERY_CASE);
    assertThat(results.verdicts.get("caches")).endsWith("10 calls, 1 token request");
    assertThat(results.verdicts.get("single-flight"))
        .endsWith("8 concurrent calls, 1 token request");
    assertThat(results.verdicts.get("honours-retry-after"))
        .contains("retried")
        .contains("after the 429");
    assertThat(results.verdicts.get("recovers-after-503")).contains("retried within the call");
    assertThat(results.verdicts.get("no-secret-in-logs")).contains("no token, no client secret");
  }

  @Test
  void names_each_case_by_its_id_in_the_display_name(TransmitMockHandle mock) {
    ClientContract contract = contract(mock, client(mock, Habits.careful())).build();

    try (contract) {
      assertThat(contract.cases())
          .extracting(ClientCase::displayName)
          .allSatisfy(name -> assertThat(name).matches("\\[[a-z0-9-]+\\] .+"))
          .contains(
              "[caches] 10 calls in a row send one token request",
              "[refreshes-before-exp] a token 10 s before its exp is replaced before it is sent"
                  + " (moved clock)");
    }
  }

  @Test
  void catches_a_client_that_never_caches(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().withoutCache());

    assertThat(results.violations.keySet()).containsExactlyInAnyOrder("caches", "single-flight");
    assertThat(results.violations.get("caches"))
        .hasMessageStartingWith(
            "[caches] 10 calls in a row send one token request: 10 calls sent 10 token requests;"
                + " expected 1")
        .hasMessageContaining("observed: token requests of " + CLIENT + " (emulator journal):")
        .hasMessageMatching("(?s).*#\\d+ \\+0 ms 200 issued jti=.*")
        .hasMessageContaining("risk:     every call waits for a round trip to Transmit")
        .hasMessageContaining("fix:      cache the token per client and resource");
  }

  @Test
  void catches_a_client_without_single_flight(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().withoutSingleFlight());

    assertThat(results.violations.keySet()).containsExactly("single-flight");
    assertThat(results.violations.get("single-flight"))
        .hasMessageContaining("8 concurrent calls sent 8 token requests while the first one was in")
        .hasMessageContaining("fix:      let one caller fetch the token while the others wait");
  }

  @Test
  void catches_a_client_that_uses_its_token_up_to_the_last_second(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().refreshingAtExpiry());

    assertThat(results.violations.keySet()).containsExactly("refreshes-before-exp");
    assertThat(results.violations.get("refreshes-before-exp"))
        .hasMessageContaining(
            "with the emulator's clock 10 s before the cached token's exp, the client sent that"
                + " token again (jti ")
        .hasMessageContaining("and made no token request")
        .hasMessageContaining("fix:      replace the cached token a margin before exp");
  }

  @Test
  void catches_a_client_that_keeps_a_token_the_downstream_api_refused(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().keepingRefusedTokens());

    assertThat(results.violations.keySet()).containsExactly("refetches-after-rejection");
    assertThat(results.violations.get("refetches-after-rejection"))
        .hasMessageContaining(
            "after the downstream API answered 401 invalid_token, the client sent the refused"
                + " token 3 times in 3 calls and made no token request")
        .hasMessageContaining("-> 401 (the token was revoked)")
        .hasMessageContaining("TransmitTokenClient.invalidate(resource)");
  }

  @Test
  void catches_a_client_that_ignores_retry_after(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().ignoringRetryAfter());

    assertThat(results.violations.keySet()).containsExactly("honours-retry-after");
    assertThat(results.violations.get("honours-retry-after"))
        .hasMessageMatching(
            "(?s)\\[honours-retry-after\\] .*: the client retried \\d+ ms after a 429 with"
                + " Retry-After: 2 \\(1 retry within 2 s\\); it must wait at least 2000 ms.*")
        .hasMessageContaining("429 (injected fault)");
  }

  @Test
  void catches_a_client_that_retries_a_refused_secret(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().retryingRefusals());

    assertThat(results.violations.keySet()).containsExactly("no-retry-storm");
    assertThat(results.violations.get("no-retry-storm"))
        .hasMessageMatching(
            "(?s).*one call sent 4 token requests in \\d+ ms to a token endpoint answering 401"
                + " invalid_client; expected 1 \\(no retry\\).*")
        .hasMessageContaining("fix:      treat 400 (invalid_request, invalid_target");
  }

  @Test
  void catches_a_client_that_stays_broken_after_a_503(TransmitMockHandle mock) {
    ClientContract contract =
        contract(mock, client(mock, Habits.careful().stayingBroken())).build();

    try (contract) {
      ClientCase after503 = caseNamed(contract, "recovers-after-503");
      assertThatThrownBy(() -> contract.verify(after503))
          .isInstanceOf(ClientContractViolation.class)
          .hasMessageContaining("after one 503, the next call still got no new token through")
          .hasMessageContaining("503 (injected fault)")
          .hasMessageContaining("calls: 2 calls, 2 failed")
          .hasMessageContaining("fix:      retry 5xx answers with backoff");
    }
  }

  @Test
  void catches_a_client_that_stays_broken_after_a_dropped_connection(TransmitMockHandle mock) {
    ClientContract contract =
        contract(mock, client(mock, Habits.careful().stayingBroken())).build();

    try (contract) {
      ClientCase afterDrop = caseNamed(contract, "recovers-after-dropped-connection");
      assertThatThrownBy(() -> contract.verify(afterDrop))
          .isInstanceOf(ClientContractViolation.class)
          .hasMessageContaining("after one dropped connection, the next call still got no new")
          .hasMessageContaining("connection dropped (injected fault)");
    }
  }

  @Test
  void catches_a_client_that_prints_its_secret_without_repeating_it(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.careful().loggingSecret());

    assertThat(results.violations.keySet()).containsExactly("no-secret-in-logs");
    assertThat(results.violations.get("no-secret-in-logs"))
        .hasMessageContaining("of output carry the client secret")
        .hasMessageContaining("System.out: the client secret in \"")
        .hasMessageContaining(
            "/oidc/token grant_type=client_credentials&client_id="
                + CLIENT
                + "&client_secret=(the client secret)&resource=")
        .hasMessageMatching("(?s).*\\(\\d+ times\\)\\R.*")
        .hasMessageContaining("fix:      never log token request bodies");
    assertThat(results.violations.get("no-secret-in-logs").getMessage()).doesNotContain(SECRET);
  }

  @Test
  void catches_a_client_that_logs_its_tokens_through_a_log_sink(TransmitMockHandle mock) {
    TestTokenClient client = client(mock, Habits.careful().loggingTokens());
    ClientResults results;
    try (JulLogSink logs = LogSink.julLoggers(TestTokenClient.LOGGER)) {
      results = ClientResults.of(contract(mock, client).logSink(logs).build());
    }

    assertThat(results.violations.keySet()).containsExactly("no-secret-in-logs");
    assertThat(results.violations.get("no-secret-in-logs"))
        .hasMessageContaining("of output carry a token issued to the client")
        .hasMessageContaining("log sink 1 (JulLogSink[" + TestTokenClient.LOGGER + "])")
        .hasMessageContaining("got a token for " + CLIENT + ": (a token)")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContainPattern(WHOLE_TOKEN));
  }

  @Test
  void tells_a_client_on_its_own_clock_to_use_the_emulators(TransmitMockHandle mock) {
    TestTokenClient onSystemClock =
        TestTokenClient.of(
            mock.tokenEndpoint(), CLIENT, SECRET, ORDERS, Clock.systemUTC(), Habits.careful());

    ClientResults results = ClientResults.of(contract(mock, onSystemClock).build());

    assertThat(results.violations.get("caches"))
        .hasMessageContaining("-> 401 (the token expired)")
        .hasMessageContaining("give the client the emulator's clock (mock.clock()");
  }

  @Test
  void reports_a_hanging_client_within_the_call_timeout(TransmitMockHandle mock) {
    ClientContract contract =
        ClientContract.builder(mock)
            .client(CLIENT)
            .caller(downstream -> Thread.sleep(60_000))
            .callTimeout(Duration.ofMillis(300))
            .build();

    try (contract) {
      assertThatThrownBy(() -> contract.verify(contract.cases().get(0)))
          .isInstanceOf(ClientContractViolation.class)
          .hasMessageContaining("[sends-issued-token]")
          .hasMessageContaining("the call failed before it reached the downstream API")
          .hasMessageContaining("did not return within 300 ms (the kit's call timeout");
    }
  }

  @Test
  void never_puts_the_secret_or_a_token_in_a_failure_message(TransmitMockHandle mock) {
    ClientResults results = run(mock, Habits.naive());

    assertThat(results.violations).hasSizeGreaterThanOrEqualTo(5);
    assertThat(results.violations.values())
        .allSatisfy(
            violation ->
                assertThat(violation.getMessage())
                    .doesNotContain(SECRET)
                    .doesNotContainPattern(WHOLE_TOKEN));
  }

  @Test
  void starts_its_own_downstream_api_and_stops_it_when_the_stream_closes(TransmitMockHandle mock)
      throws Exception {
    ClientContract contract = contract(mock, client(mock, Habits.careful())).build();
    URI downstream = contract.downstream().baseUrl();
    Stream<DynamicTest> tests = contract.dynamicTests();

    assertThat(status(downstream)).isEqualTo(401);
    tests.close();

    assertThatThrownBy(() -> status(downstream)).isInstanceOf(ConnectException.class);
  }

  @Test
  void refuses_a_client_the_emulator_does_not_know(TransmitMockHandle mock) {
    assertThatThrownBy(() -> ClientContract.builder(mock).client("nobody").caller(d -> {}).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the emulator has no client nobody")
        .hasMessageContaining(CLIENT);
  }

  @Test
  void asks_for_the_caller(TransmitMockHandle mock) {
    assertThatThrownBy(() -> ClientContract.builder(mock).client(CLIENT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(".caller(downstream -> ...)");
  }

  private static ClientCase caseNamed(ClientContract contract, String id) {
    return contract.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static int status(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
