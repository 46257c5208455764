package dev.transmitmock.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor behind refresh-ahead JWKS fetches. Nimbus' default is a single non-daemon thread
 * that lives forever, which keeps a JVM from exiting; this one runs at most one daemon thread and
 * lets it die when idle, so a verifier that is never closed leaks nothing.
 */
final class JwksRefreshExecutor {

  private static final long IDLE_SECONDS = 30;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private JwksRefreshExecutor() {}

  static ExecutorService create() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread =
                  new Thread(task, "transmit-jwks-refresh-" + COUNTER.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
