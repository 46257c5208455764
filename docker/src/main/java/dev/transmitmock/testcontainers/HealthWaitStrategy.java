package dev.transmitmock.testcontainers;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until {@code GET /_mock/health} answers 200, and fails at once, quoting the end of the
 * container's log, when the emulator exits instead (a bad config exits with code 2 and says why).
 */
final class HealthWaitStrategy extends AbstractWaitStrategy {

  static final String HEALTH_PATH = "/_mock/health";
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final int PROBE_TIMEOUT_MILLIS = 1_000;
  private static final int LOG_LINES_QUOTED = 20;

  private final int containerPort;

  HealthWaitStrategy(int containerPort) {
    this.containerPort = containerPort;
  }

  @Override
  protected void waitUntilReady() {
    Instant deadline = Instant.now().plus(startupTimeout);
    while (true) {
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException(exitMessage());
      }
      if (healthAnswers()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ContainerLaunchException(
            "transmit-mock did not answer 200 on "
                + HEALTH_PATH
                + " within "
                + startupTimeout.toSeconds()
                + " s; last log lines:\n"
                + logTail());
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for transmit-mock", e);
      }
    }
  }

  private boolean healthAnswers() {
    try {
      URL url =
          new URL(
              "http",
              waitStrategyTarget.getHost(),
              waitStrategyTarget.getMappedPort(containerPort),
              HEALTH_PATH);
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setConnectTimeout(PROBE_TIMEOUT_MILLIS);
      connection.setReadTimeout(PROBE_TIMEOUT_MILLIS);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private String exitMessage() {
    Long exitCode = null;
    try {
      exitCode = waitStrategyTarget.getCurrentContainerInfo().getState().getExitCodeLong();
    } catch (RuntimeException e) {
      // the container may already be gone; the log below still says what happened
    }
    return "transmit-mock exited"
        + (exitCode == null ? "" : " with code " + exitCode)
        + " before it became ready; last log lines:\n"
        + logTail();
  }

  private String logTail() {
    String logs;
    try {
      logs = waitStrategyTarget.getLogs();
    } catch (RuntimeException e) {
      return "(container log unavailable: " + e.getMessage() + ")";
    }
    String[] lines = logs.split("\\R");
    int from = Math.max(0, lines.length - LOG_LINES_QUOTED);
    return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
  }
}
