package dev.transmitmock.server.http;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises Jetty's {@code MimeTypes} on a daemon thread, once per JVM, while the caller goes on
 * building the server. Its static initialiser lists every locale the JDK knows (about 800 language
 * tags parsed in cold code): a third of the main thread's work in starting Jetty. Started early, it
 * runs beside the configuration and Javalin set-up instead of in front of the Jetty start.
 *
 * <pre>{@code
 * JettyPreload.begin();   // then build and start Javalin as usual
 * }</pre>
 */
public final class JettyPreload {
  private static final String MIME_TYPES = "org.eclipse.jetty.http.MimeTypes";
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private JettyPreload() {}

  /** Starts the preload unless it already ran in this JVM; never blocks, never fails. */
  public static void begin() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread preload =
        new Thread(
            () -> {
              try {
                Class.forName(MIME_TYPES, true, JettyPreload.class.getClassLoader());
              } catch (ClassNotFoundException | LinkageError e) {
                // Only a head start: Jetty initialises the class itself when it needs it.
              }
            },
            "transmit-mock-preload");
    preload.setDaemon(true);
    preload.start();
  }
}
