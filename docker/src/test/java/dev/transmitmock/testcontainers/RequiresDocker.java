package dev.transmitmock.testcontainers;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs container tests only where they can run: a Docker engine answers and the image under test
 * can be built ({@link TestImage}). Under Maven the build's {@link TestcontainersEnvironmentProbe}
 * has decided that already (system properties {@value #DOCKER_PROBLEM} and {@value
 * #BASE_IMAGE_PROBLEM}); run elsewhere (an IDE), the engine is asked here, Ryuk's image first,
 * within seconds. With {@code -Ddocker.required=true} (what CI sets) a problem fails the tests
 * instead of skipping them. Public: {@code examples/docker-compose} uses it from the test jar.
 */
public final class RequiresDocker implements ExecutionCondition {

  static final String REQUIRED_PROPERTY = "docker.required";
  static final String DOCKER_PROBLEM = "docker.problem";
  static final String BASE_IMAGE_PROBLEM = "base.image.problem";

  /**
   * Decided once per test JVM: Testcontainers keeps its client after a half-failed start (engine
   * found, Ryuk not pullable), so asking again would wrongly say yes.
   */
  private static Optional<String> cachedProblem;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String problem = problem().orElse(null);
    if (problem == null) {
      return ConditionEvaluationResult.enabled("a Docker engine answers and the image builds");
    }
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      throw new IllegalStateException(
          "-D"
              + REQUIRED_PROPERTY
              + "=true but the container tests cannot run: "
              + problem
              + "\n(start dockerd, see .ci/run, or drop the flag to skip the container tests)");
    }
    return ConditionEvaluationResult.disabled(
        "container tests skipped: "
            + problem
            + "\n(-D"
            + REQUIRED_PROPERTY
            + "=true makes this a failure)");
  }

  private static synchronized Optional<String> problem() {
    if (cachedProblem == null) {
      cachedProblem = Optional.ofNullable(findProblem());
    }
    return cachedProblem;
  }

  /**
   * A property the build's probe set; null when it did not run (left as Maven's {@code ${...}}).
   */
  private static String probed(String name) {
    String value = System.getProperty(name);
    return value == null || value.startsWith("${") ? null : value;
  }

  /** Null when the container tests can run, otherwise what stops them. */
  private static String findProblem() {
    String probed = probed(DOCKER_PROBLEM);
    if (probed != null && !probed.isBlank()) {
      return probed;
    }
    String base = Optional.ofNullable(probed(BASE_IMAGE_PROBLEM)).orElse("");
    if (!base.isBlank()) {
      return "the image under test cannot be built: " + base;
    }
    if (probed == null) {
      // not run by the build, whose probe set Ryuk up: fail fast rather than wait for pulls
      try {
        StartPreflight.verify(Optional.empty());
      } catch (ImagesUnavailableException e) {
        return e.getMessage();
      }
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine answers";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
