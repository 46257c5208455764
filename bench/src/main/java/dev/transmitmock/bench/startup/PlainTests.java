package dev.transmitmock.bench.startup;

import org.junit.jupiter.api.RepeatedTest;

/** The baseline for {@link MockedTests}: the same repeated test without the extension. */
public class PlainTests {
  /** An empty test body. */
  @RepeatedTest(JUnitStartup.REPETITIONS)
  void repeated() {
    if (JUnitStartup.REPETITIONS < 0) {
      throw new AssertionError("unreachable");
    }
  }
}
