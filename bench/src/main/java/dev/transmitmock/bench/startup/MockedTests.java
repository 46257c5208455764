package dev.transmitmock.bench.startup;

import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A {@code @TransmitMock} test class run by {@link JUnitStartup}: the first test records when its
 * body starts (class start to first test); the repeated tests measure the per-test cost of the
 * extension (reset before each test, parameter injection) against {@link PlainTests}.
 */
@TransmitMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MockedTests {
  static volatile long firstTestStartedNanos;

  /** The first test: takes a token, as a real first test would. */
  @Test
  @Order(1)
  void first_test(TransmitMockHandle mock) {
    if (firstTestStartedNanos == 0) {
      firstTestStartedNanos = System.nanoTime();
    }
    if (mock.tokenFor("demo-app").isEmpty()) {
      throw new AssertionError("no token");
    }
  }

  /** The same empty body as {@link PlainTests#repeated()}, with the emulator reset before. */
  @RepeatedTest(JUnitStartup.REPETITIONS)
  @Order(2)
  void repeated(TransmitMockHandle mock) {
    if (mock == null) {
      throw new AssertionError("no handle");
    }
  }
}
