package dev.transmitmock.server.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The limits that keep slow, idle or hostile clients from exhausting the emulator: a bounded thread
 * pool, connection idle timeout, request header size, request bodies read without a thread and
 * within a deadline, and JSON error pages for what Jetty refuses itself. Documented in {@code
 * docs/RELIABILITY.md}.
 *
 * <pre>{@code
 * Javalin.create(cfg -> ServerLimits.apply(cfg, 64 * 1024));
 * }</pre>
 */
public final class ServerLimits {
  /** Request-handling threads at most. */
  public static final int MAX_THREADS = 200;

  /** Threads kept ready when idle. */
  public static final int MIN_THREADS = 8;

  /** How long a connection may stay silent (between requests, inside headers or a body). */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** The largest request line plus headers accepted (431 beyond it). */
  public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

  /**
   * How long a request body may take to arrive, from the end of the headers (408 beyond it). Bodies
   * are read without holding a thread ({@link BufferedBodies}), so a slow body costs a connection,
   * not a thread, and at most this long.
   */
  public static final Duration REQUEST_BODY_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Request bodies read ahead without a thread at once (each up to its route's limit, 56 KiB on the
   * Transmit endpoints and 64 KiB on the control API by default, so at most 32 MiB); past that,
   * bodies are read on a request thread.
   */
  public static final int MAX_BUFFERING_BODIES = 512;

  private static final Duration THREAD_IDLE_TIMEOUT = Duration.ofMinutes(1);

  private ServerLimits() {}

  /**
   * Applies the limits to a Javalin configuration before the server is created.
   *
   * @param controlMaxBodyBytes the largest control-API body (413 beyond it); the Transmit endpoints
   *     keep node-oidc-provider's 56 KiB
   */
  public static void apply(JavalinConfig cfg, int controlMaxBodyBytes) {
    apply(cfg, new BodyLimits(controlMaxBodyBytes));
  }

  /**
   * Applies the limits to a Javalin configuration before the server is created.
   *
   * @param bodies the largest request body read, by route
   */
  static void apply(JavalinConfig cfg, BodyLimits bodies) {
    // Jetty's queue stays unbounded (it warns against a bounded one): work waits for a thread
    // rather than connections being dropped; slow clients hold no thread while they are silent.
    QueuedThreadPool threads =
        new QueuedThreadPool(MAX_THREADS, MIN_THREADS, (int) THREAD_IDLE_TIMEOUT.toMillis());
    threads.setName("transmit-mock-http");
    cfg.jetty.threadPool = threads;
    cfg.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
        });
    cfg.jetty.modifyServer(server -> configure(server, bodies));
  }

  private static void configure(Server server, BodyLimits bodies) {
    server.setErrorHandler(new JsonErrorHandler());
    server.insertHandler(new BufferedBodies(bodies, REQUEST_BODY_TIMEOUT));
    // Connectors are added after this runs (and TLS ones may be added by others): set their idle
    // timeout when the server starts, whichever they are.
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (Connector connector : server.getConnectors()) {
              if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
              }
            }
          }
        });
  }
}
