package dev.transmitmock.spring.testcontainers;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs container tests only where a Docker engine answers. With {@code -Ddocker.required=true}
 * (what CI sets) a missing engine fails the tests instead of skipping them.
 */
final class RequiresDocker implements ExecutionCondition {

  static final String REQUIRED_PROPERTY = "docker.required";

  /** Decided once per test JVM: Testcontainers keeps its client after a half-failed start. */
  private static Optional<String> cachedProblem;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String problem = problem().orElse(null);
    if (problem == null) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      throw new IllegalStateException(
          "-D"
              + REQUIRED_PROPERTY
              + "=true but Docker is not usable ("
              + problem
              + "): start dockerd (see .ci/run) or drop the flag to skip the container tests");
    }
    return ConditionEvaluationResult.disabled(
        "container tests skipped: Docker is not usable ("
            + problem
            + "); -D"
            + REQUIRED_PROPERTY
            + "=true makes this a failure");
  }

  private static synchronized Optional<String> problem() {
    if (cachedProblem == null) {
      cachedProblem = Optional.ofNullable(dockerProblem());
    }
    return cachedProblem;
  }

  private static String dockerProblem() {
    try {
      return DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine answers";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
