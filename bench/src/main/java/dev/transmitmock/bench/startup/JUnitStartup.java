package dev.transmitmock.bench.startup;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code @TransmitMock} start-up and per-test cost, in a fresh JVM: runs {@link MockedTests} first
 * (cold: its class start includes loading the emulator, Javalin and Jetty and starting the server),
 * then {@link PlainTests} and {@link MockedTests} again, and prints
 *
 * <ul>
 *   <li>{@code class_to_first_test_ms}: from the class container's start event to the first test
 *       body, cold;
 *   <li>{@code warm_class_to_first_test_ms}: the same for the second run of the class;
 *   <li>{@code per_test_overhead_us}: median duration of a {@code @TransmitMock} test minus the
 *       median of the same empty test without it (reset and injection).
 * </ul>
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.transmitmock.bench.startup.JUnitStartup
 * }</pre>
 */
public final class JUnitStartup {
  /** Repetitions of the empty test in each class. */
  public static final int REPETITIONS = 2000;

  private JUnitStartup() {}

  /** Runs the classes and prints one line of figures. */
  public static void main(String[] args) {
    Launcher launcher = LauncherFactory.create();
    Timings cold = run(launcher, MockedTests.class);
    long coldFirst = MockedTests.firstTestStartedNanos - cold.classStarted;
    Timings plain = run(launcher, PlainTests.class);
    MockedTests.firstTestStartedNanos = 0;
    Timings warm = run(launcher, MockedTests.class);
    long warmFirst = MockedTests.firstTestStartedNanos - warm.classStarted;
    double overheadMicros = (warm.medianRepeatedNanos() - plain.medianRepeatedNanos()) / 1_000.0;
    System.out.printf(
        "class_to_first_test_ms=%.1f warm_class_to_first_test_ms=%.2f per_test_overhead_us=%.1f"
            + " mocked_test_median_us=%.1f plain_test_median_us=%.1f failures=%d%n",
        coldFirst / 1e6,
        warmFirst / 1e6,
        overheadMicros,
        warm.medianRepeatedNanos() / 1e3,
        plain.medianRepeatedNanos() / 1e3,
        cold.failures + plain.failures + warm.failures);
    System.exit(cold.failures + plain.failures + warm.failures == 0 ? 0 : 1);
  }

  private static Timings run(Launcher launcher, Class<?> testClass) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    Timings timings = new Timings(testClass.getName());
    launcher.execute(request, timings);
    return timings;
  }

  /** Records the class start and the duration of each repeated test. */
  private static final class Timings implements TestExecutionListener {
    private final String className;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final List<Long> repeated = Collections.synchronizedList(new ArrayList<>());
    private volatile long classStarted;
    private volatile int failures;

    Timings(String className) {
      this.className = className;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      long now = System.nanoTime();
      if (id.getUniqueId().endsWith("[class:" + className + "]")) {
        classStarted = now;
      }
      started.put(id.getUniqueId(), now);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      long now = System.nanoTime();
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failures++;
        System.err.println(id.getDisplayName() + ": " + result);
      }
      if (id.isTest() && id.getUniqueId().contains("test-template-invocation")) {
        repeated.add(now - started.get(id.getUniqueId()));
      }
    }

    long medianRepeatedNanos() {
      List<Long> sorted = new ArrayList<>(repeated);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
  }
}
