package dev.transmitmock.junit.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture test classes on a separate Jupiter engine, the way JUnit and WireMock test their own
 * extensions, so that failures the extension raises can be asserted on.
 */
public final class Fixtures {
  private Fixtures() {}

  /** Runs the classes (sequentially) and answers the results. */
  public static EngineExecutionResults run(Class<?>... classes) {
    ClassSelector[] selectors =
        Arrays.stream(classes).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectors)
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .execute();
  }

  /** Runs the classes with classes and methods in parallel. */
  public static EngineExecutionResults runConcurrently(Class<?>... classes) {
    ClassSelector[] selectors =
        Arrays.stream(classes).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectors)
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter(
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .execute();
  }

  /** Runs a fixture no test of which may succeed, and answers its first failure. */
  public static Throwable firstFailureOf(Class<?> fixture) {
    EngineExecutionResults results = run(fixture);
    results.testEvents().assertStatistics(stats -> stats.succeeded(0));
    return failures(results).get(0);
  }

  /** Every failure of a test or a container, in the order they happened. */
  public static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(Fixtures::throwable)
        .flatMap(Optional::stream)
        .toList();
  }

  /** The only failure of the run. */
  public static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    if (failures.size() != 1) {
      throw new AssertionError("expected exactly one failure but got " + failures);
    }
    return failures.get(0);
  }

  private static Optional<Throwable> throwable(Event event) {
    return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
  }
}
