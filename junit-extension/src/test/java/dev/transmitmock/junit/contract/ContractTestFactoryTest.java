package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.consumers.ConsumerServer;
import dev.transmitmock.junit.contract.consumers.Consumers;
import dev.transmitmock.junit.contract.consumers.TokenCheck;
import dev.transmitmock.junit.support.Fixtures;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/** The kit as users run it: a {@code @TestFactory} generating one test per case. */
@TransmitMock(
    clients = @TransmitClient(id = "orders-svc", resources = ContractTestFactoryTest.ORDERS))
class ContractTestFactoryTest {
  static final String ORDERS = "https://api.orders.example";

  private static ConsumerServer consumer;

  @BeforeAll
  static void startTheServiceUnderTest(TransmitMockHandle mock) {
    consumer = ConsumerServer.start(Consumers.correct(mock.jwksUri(), mock.issuer(), ORDERS));
  }

  @AfterAll
  static void stopTheServiceUnderTest() {
    consumer.close();
  }

  @TestFactory
  Stream<DynamicTest> orders_api_rejects_every_bad_token(TransmitMockHandle mock) {
    return ConsumerContract.builder(mock)
        .client("orders-svc")
        .resource(ORDERS)
        .managementClient("demo-admin")
        .endpoint(consumer::call)
        .build()
        .dynamicTests();
  }

  @Test
  void a_weak_consumer_fails_the_generated_tests_naming_attack_and_fix() {
    EngineExecutionResults results = Fixtures.run(WeakConsumerFixture.class);

    assertThat(results.testEvents().failed().count()).isGreaterThanOrEqualTo(2);
    assertThat(results.testEvents().succeeded().stream())
        .anySatisfy(
            event ->
                assertThat(event.getTestDescriptor().getDisplayName()).startsWith("[valid-token]"));
    assertThat(Fixtures.failures(results))
        .allSatisfy(failure -> assertThat(failure).isInstanceOf(ContractViolation.class))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("[expired]")
                    .hasMessageContaining("the consumer ACCEPTED it")
                    .hasMessageContaining("attack: a leaked token stays usable after it expired")
                    .hasMessageContaining("fix:    check exp"))
        .anySatisfy(failure -> assertThat(failure).hasMessageContaining("[missing-exp]"));
  }

  @Test
  void the_skew_measurement_becomes_the_name_of_a_passing_test() {
    EngineExecutionResults results = Fixtures.run(WeakConsumerFixture.class);

    assertThat(results.testEvents().succeeded().stream())
        .anySatisfy(
            event ->
                assertThat(event.getTestDescriptor().getDisplayName())
                    .startsWith("[expires-now]")
                    .contains("does not check exp"));
  }

  @Test
  void every_generated_test_is_named_by_its_case_id_and_has_a_source_of_its_own() {
    EngineExecutionResults results = Fixtures.run(CorrectConsumerFixture.class);

    List<TestDescriptor> generated =
        results.testEvents().started().stream().map(Event::getTestDescriptor).toList();
    assertThat(generated).hasSizeGreaterThan(30);
    assertThat(generated)
        .allSatisfy(
            test -> {
              String id = caseId(test.getDisplayName());
              assertThat(test.getSource())
                  .contains(UriSource.from(URI.create("transmit-mock:contract-case:" + id)));
            });
    assertThat(generated.stream().map(test -> caseId(test.getDisplayName())))
        .contains("valid-token", "missing-header", "alg-none", "hs256-with-public-key")
        .doesNotHaveDuplicates();
  }

  @Test
  void the_skew_case_is_aborted_as_inconclusive_when_the_consumer_rejects_every_token() {
    EngineExecutionResults results = Fixtures.run(RejectsEverythingFixture.class);

    assertThat(results.testEvents().aborted().stream())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getTestDescriptor().getDisplayName())
                  .startsWith("[expires-now]")
                  .contains("inconclusive");
              Throwable reason =
                  event
                      .getPayload(TestExecutionResult.class)
                      .flatMap(TestExecutionResult::getThrowable)
                      .orElseThrow();
              assertThat(reason)
                  .isInstanceOf(TestAbortedException.class)
                  .hasMessageContaining("fix [valid-token] first");
            });
    assertThat(results.testEvents().failed().stream())
        .anySatisfy(
            event ->
                assertThat(event.getTestDescriptor().getDisplayName()).startsWith("[valid-token]"));
  }

  /** The id in a display name {@code [id] title}. */
  private static String caseId(String displayName) {
    assertThat(displayName).matches("\\[[a-z0-9-]+] .+");
    return displayName.substring(1, displayName.indexOf(']'));
  }

  /** The contract of orders-svc against a consumer on the JDK's HTTP server, stopped afterwards. */
  private static Stream<DynamicTest> contractAgainst(TransmitMockHandle mock, TokenCheck check) {
    ConsumerServer consumer = ConsumerServer.start(check);
    return ConsumerContract.builder(mock)
        .client("orders-svc")
        .resource(ORDERS)
        .managementClient("demo-admin")
        .endpoint(consumer::call)
        .build()
        .dynamicTests()
        .onClose(consumer::close);
  }

  @TransmitMock(
      clients = @TransmitClient(id = "orders-svc", resources = ContractTestFactoryTest.ORDERS))
  static class CorrectConsumerFixture {
    @TestFactory
    Stream<DynamicTest> contract(TransmitMockHandle mock) {
      return contractAgainst(mock, Consumers.correct(mock.jwksUri(), mock.issuer(), ORDERS));
    }
  }

  @TransmitMock(
      clients = @TransmitClient(id = "orders-svc", resources = ContractTestFactoryTest.ORDERS))
  static class RejectsEverythingFixture {
    @TestFactory
    Stream<DynamicTest> contract(TransmitMockHandle mock) {
      return contractAgainst(mock, authorization -> 401);
    }
  }

  @TransmitMock(
      clients = @TransmitClient(id = "orders-svc", resources = ContractTestFactoryTest.ORDERS))
  static class WeakConsumerFixture {
    @TestFactory
    Stream<DynamicTest> contract(TransmitMockHandle mock) {
      return contractAgainst(mock, Consumers.ignoresExpiry(mock.jwksUri(), mock.issuer(), ORDERS));
    }
  }
}
