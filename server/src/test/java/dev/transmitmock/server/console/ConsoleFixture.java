package dev.transmitmock.server.console;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator and one headless Chromium per test class, with the console page bound to both.
 * Register after {@code @ExtendWith(RequiresBrowser.class)} on the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConsoleFixture CONSOLE = new ConsoleFixture(builder -> builder.controlToken("t"));
 * }</pre>
 */
final class ConsoleFixture implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<TransmitMockServer.Builder> configuration;
  private TransmitMockServer server;
  private HeadlessChromium browser;
  private ConsolePage console;

  ConsoleFixture() {
    this(UnaryOperator.identity());
  }

  ConsoleFixture(UnaryOperator<TransmitMockServer.Builder> configuration) {
    this.configuration = configuration;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = configuration.apply(TransmitMockServer.builder()).build().start();
    browser = new HeadlessChromium();
    console = new ConsolePage(browser.driver(), server.baseUrl());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  TransmitMockServer server() {
    return server;
  }

  HeadlessChromium browser() {
    return browser;
  }

  ConsolePage console() {
    return console;
  }

  /** A client-credentials request with the secret in the form, as an application sends it. */
  Reply tokenRequest(String clientId, String secret, String resource) {
    return TestHttp.to(server.baseUrl()).token(clientId, secret, resource);
  }
}
