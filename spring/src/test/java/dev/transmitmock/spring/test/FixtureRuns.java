package dev.transmitmock.spring.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes on JUnit's EngineTestKit and reads why they failed. */
final class FixtureRuns {
  private FixtureRuns() {}

  static EngineExecutionResults run(Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(
            Arrays.stream(fixtures)
                .map(c -> selectClass(c))
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .execute();
  }

  /** The messages of every failure and all its causes, in the order reported. */
  static List<String> failureMessages(EngineExecutionResults results) {
    List<String> messages = new ArrayList<>();
    results.allEvents().failed().stream()
        .map(Event::getPayload)
        .flatMap(Optional::stream)
        .filter(TestExecutionResult.class::isInstance)
        .map(TestExecutionResult.class::cast)
        .map(TestExecutionResult::getThrowable)
        .flatMap(Optional::stream)
        .forEach(
            thrown -> {
              for (Throwable t = thrown; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
              }
            });
    return messages;
  }
}
