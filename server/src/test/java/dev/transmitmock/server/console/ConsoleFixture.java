package dev.transmitmock.server.console;

import dev.transmitmock.server.TransmitMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
  HttpResponse<String> tokenRequest(String clientId, String secret, String resource) {
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret)
            + (resource == null ? "" : "&resource=" + encode(resource));
    HttpRequest request =
        HttpRequest.newBuilder(server.tokenEndpoint())
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
