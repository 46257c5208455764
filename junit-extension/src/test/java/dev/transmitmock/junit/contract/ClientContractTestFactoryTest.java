package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.clients.TestTokenClient;
import dev.transmitmock.junit.contract.clients.TestTokenClient.Habits;
import dev.transmitmock.junit.support.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** The kit as users run it: a {@code @TestFactory} generating one test per behaviour. */
@TransmitMock(
    clients =
        @TransmitClient(
            id = ClientContractTestFactoryTest.CLIENT,
            secret = ClientContractTestFactoryTest.SECRET,
            resources = ClientContractTestFactoryTest.ORDERS))
class ClientContractTestFactoryTest {
  /** A whole JWT (header.payload); a random jti may hold "eyJ" by chance. */
  private static final String WHOLE_TOKEN = "eyJ[A-Za-z0-9_-]+\\.eyJ";

  static final String CLIENT = "factory-test-svc";
  static final String SECRET = "factory-test-secret-0815";
  static final String NAIVE_CLIENT = "naive-svc";
  static final String NAIVE_SECRET = "naive-secret-1234";
  static final String ORDERS = "https://api.orders.example";

  @TestFactory
  Stream<DynamicTest> a_careful_client_keeps_the_contract(TransmitMockHandle mock) {
    TestTokenClient careful =
        TestTokenClient.of(
            mock.tokenEndpoint(), CLIENT, SECRET, ORDERS, mock.clock(), Habits.careful());
    return ClientContract.builder(mock)
        .client(CLIENT)
        .resource(ORDERS)
        .caller(careful.caller())
        .build()
        .dynamicTests();
  }

  @Test
  void a_naive_client_fails_five_behaviours_each_named_with_what_was_seen_and_the_fix() {
    EngineExecutionResults results = Fixtures.run(NaiveClientFixture.class);

    assertThat(failedDisplayNames(results))
        .containsExactlyInAnyOrder(
            "[caches] 10 calls in a row send one token request",
            "[single-flight] 8 concurrent calls with no valid token send one token request",
            "[honours-retry-after] 429 with Retry-After: 2 is not retried sooner",
            "[no-retry-storm] 400 and 401 from the token endpoint are not retried",
            "[no-secret-in-logs] neither the client secret nor a token appears in System.out,"
                + " System.err or the client's logs");
    assertThat(Fixtures.failures(results))
        .allSatisfy(
            failure ->
                assertThat(failure)
                    .isInstanceOf(ClientContractViolation.class)
                    .hasMessageContaining("  observed: ")
                    .hasMessageContaining("  risk:     ")
                    .hasMessageContaining("  fix:      ")
                    .hasMessageNotContaining(NAIVE_SECRET)
                    // a whole token (header.payload), not a random jti that happens to hold "eyJ"
                    .satisfies(t -> assertThat(t.getMessage()).doesNotContainPattern(WHOLE_TOKEN)))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("10 calls sent 10 token requests; expected 1")
                    .hasMessageContaining(
                        "token requests of " + NAIVE_CLIENT + " (emulator journal):"))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("8 concurrent calls sent 8 token requests"))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .hasMessageMatching(
                        "(?s).*the client retried \\d+ ms after a 429 with Retry-After: 2.*")
                    .hasMessageContaining("fix:      after a 429 (or 503) with Retry-After, wait"))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("one call sent 4 token requests")
                    .hasMessageContaining("answering 401 invalid_client"))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("of output carry the client secret")
                    .hasMessageContaining("client_secret=(the client secret)"));
  }

  @Test
  void a_naive_client_still_passes_what_it_does_not_get_wrong() {
    EngineExecutionResults results = Fixtures.run(NaiveClientFixture.class);

    assertThat(
            results.testEvents().succeeded().stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .map(name -> name.substring(0, name.indexOf(']') + 1)))
        .containsExactlyInAnyOrder(
            "[sends-issued-token]",
            "[refreshes-before-exp]",
            "[refetches-after-rejection]",
            "[recovers-after-503]",
            "[recovers-after-dropped-connection]");
  }

  private static List<String> failedDisplayNames(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .filter(ClientContractTestFactoryTest::isFailure)
        .map(event -> event.getTestDescriptor().getDisplayName())
        .toList();
  }

  private static boolean isFailure(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .map(result -> result.getStatus() == TestExecutionResult.Status.FAILED)
        .orElse(false);
  }

  /** Never caches, retries anything at once, ignores Retry-After, prints its secret. */
  @TransmitMock(
      clients =
          @TransmitClient(
              id = ClientContractTestFactoryTest.NAIVE_CLIENT,
              secret = ClientContractTestFactoryTest.NAIVE_SECRET,
              resources = ClientContractTestFactoryTest.ORDERS))
  static class NaiveClientFixture {
    @TestFactory
    Stream<DynamicTest> contract(TransmitMockHandle mock) {
      TestTokenClient naive =
          TestTokenClient.of(
              mock.tokenEndpoint(),
              NAIVE_CLIENT,
              NAIVE_SECRET,
              ORDERS,
              mock.clock(),
              Habits.naive());
      return ClientContract.builder(mock)
          .client(NAIVE_CLIENT)
          .resource(ORDERS)
          .caller(naive.caller())
          .build()
          .dynamicTests();
    }
  }
}
