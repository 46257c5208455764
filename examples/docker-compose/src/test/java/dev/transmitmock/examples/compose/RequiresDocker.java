package dev.transmitmock.examples.compose;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs container tests only where a Docker engine answers. With {@code -Ddocker.required=true}
 * (what CI sets) a missing engine fails the tests instead of skipping them. The same condition as
 * the docker module's (its test classes are not published, so this is a copy).
 */
final class RequiresDocker implements ExecutionCondition {

  static final String REQUIRED_PROPERTY = "docker.required";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      throw new IllegalStateException(
          "-D"
              + REQUIRED_PROPERTY
              + "=true but no Docker engine answers: start dockerd (see .ci/run) or drop the flag"
              + " to skip the container tests");
    }
    return ConditionEvaluationResult.disabled(
        "no Docker engine answers: container tests skipped (-D"
            + REQUIRED_PROPERTY
            + "=true makes this a failure)");
  }
}
