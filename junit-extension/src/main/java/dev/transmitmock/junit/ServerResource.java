package dev.transmitmock.junit;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.MockConfig;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running emulator as kept in JUnit's {@link ExtensionContext.Store}: JUnit closes it when the
 * scope it was stored in (a test, a class, the whole run) ends. Implements both {@link
 * AutoCloseable} (JUnit 5.13 and later) and {@code CloseableResource} (older JUnit 5 versions).
 */
@SuppressWarnings("deprecation")
final class ServerResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final TransmitMockServer server;
  private final Map<String, String> properties;
  private final CopyOnWriteArrayList<Runnable> closeListeners = new CopyOnWriteArrayList<>();

  private ServerResource(TransmitMockServer server) {
    this.server = server;
    this.properties = TransmitMockProperties.of(server);
  }

  /** Starts a server and publishes its system properties. */
  static ServerResource start(MockConfig config, int port, String where) {
    TransmitMockServer server = TransmitMockServer.builder().port(port).config(config).build();
    try {
      server.start();
    } catch (RuntimeException e) {
      server.close();
      if (port != 0) {
        throw new ExtensionConfigurationException(
            where
                + ": cannot start transmit-mock on port "
                + port
                + " ("
                + e.getMessage()
                + "); is the port in use? Use port 0 to get a free one",
            e);
      }
      throw new IllegalStateException(where + ": cannot start transmit-mock: " + e.getMessage(), e);
    }
    ServerResource resource = new ServerResource(server);
    TransmitMockProperties.publish(resource.properties);
    return resource;
  }

  TransmitMockServer server() {
    return server;
  }

  Map<String, String> properties() {
    return properties;
  }

  /** Runs when this resource is closed; used by the programmatic handle to detach. */
  void onClose(Runnable listener) {
    closeListeners.add(listener);
  }

  @Override
  public void close() {
    try {
      TransmitMockProperties.withdraw(properties);
      server.close();
    } finally {
      closeListeners.forEach(Runnable::run);
    }
  }

  @Override
  public String toString() {
    return "ServerResource[" + server + "]";
  }
}
