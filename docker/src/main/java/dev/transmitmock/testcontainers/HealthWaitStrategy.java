package dev.transmitmock.testcontainers;

import dev.transmitmock.protocol.ControlPaths;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until {@code GET /_mock/health} answers 200 on every listener the container has (HTTP,
 * HTTPS or both), and fails at once, quoting the end of the container's log, when the emulator
 * exits instead (a bad config exits with code 2 and says why). Over HTTPS it checks liveness only
 * and accepts any server certificate: it sends nothing secret, and the CA the tests trust is read
 * from the emulator afterwards.
 */
final class HealthWaitStrategy extends AbstractWaitStrategy {

  static final String HEALTH_PATH = ControlPaths.HEALTH;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final int PROBE_TIMEOUT_MILLIS = 1_000;
  private static final int LOG_LINES_QUOTED = 20;

  /** One listener of the emulator: its scheme and its port inside the container. */
  record Listener(boolean https, int containerPort) {}

  private final Supplier<List<Listener>> listeners;

  HealthWaitStrategy(Supplier<List<Listener>> listeners) {
    this.listeners = listeners;
  }

  HealthWaitStrategy(int containerPort) {
    this(() -> List.of(new Listener(false, containerPort)));
  }

  @Override
  protected void waitUntilReady() {
    Instant deadline = Instant.now().plus(startupTimeout);
    while (true) {
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException(exitMessage());
      }
      if (listeners.get().stream().allMatch(this::healthAnswers)) {
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

  private boolean healthAnswers(Listener listener) {
    try {
      URL url =
          new URL(
              listener.https() ? "https" : "http",
              waitStrategyTarget.getHost(),
              waitStrategyTarget.getMappedPort(listener.containerPort()),
              HEALTH_PATH);
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(ANY_SERVER_CERTIFICATE);
        https.setHostnameVerifier((name, session) -> true);
      }
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

  /** Trusts any server certificate: for the liveness check only. */
  private static final SSLSocketFactory ANY_SERVER_CERTIFICATE = anyServerCertificate();

  private static SSLSocketFactory anyServerCertificate() {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS: " + e.getMessage(), e);
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
