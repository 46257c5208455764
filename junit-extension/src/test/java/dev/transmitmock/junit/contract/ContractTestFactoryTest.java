package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.consumers.ConsumerServer;
import dev.transmitmock.junit.contract.consumers.Consumers;
import dev.transmitmock.junit.support.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

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

  @TransmitMock(
      clients = @TransmitClient(id = "orders-svc", resources = ContractTestFactoryTest.ORDERS))
  static class WeakConsumerFixture {
    @TestFactory
    Stream<DynamicTest> contract(TransmitMockHandle mock) {
      ConsumerServer weak =
          ConsumerServer.start(Consumers.ignoresExpiry(mock.jwksUri(), mock.issuer(), ORDERS));
      return ConsumerContract.builder(mock)
          .client("orders-svc")
          .resource(ORDERS)
          .endpoint(weak::call)
          .build()
          .dynamicTests()
          .onClose(weak::close);
    }
  }
}
