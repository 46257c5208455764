package dev.transmitmock.server.control;

import dev.transmitmock.server.TransmitMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator (embedded default config) per test class, reset before each test, with a bound
 * {@link ControlHttp} client. Register as {@code @RegisterExtension static final EmulatorPerClass
 * EMULATOR = new EmulatorPerClass();}.
 */
final class EmulatorPerClass implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private TransmitMockServer server;
  private ControlHttp http;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TransmitMockServer.builder().build().start();
    http = new ControlHttp(server);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  TransmitMockServer server() {
    return server;
  }

  ControlHttp http() {
    return http;
  }
}
