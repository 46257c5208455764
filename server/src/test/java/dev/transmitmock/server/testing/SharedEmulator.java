package dev.transmitmock.server.testing;

import dev.transmitmock.server.TransmitMockServer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestEmulator} per test class, reset ({@link TransmitMockServer#reset()}) before each
 * test.
 *
 * <pre>{@code
 * @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();
 *
 * @Test
 * void issues() {
 *   assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class SharedEmulator
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final UnaryOperator<TransmitMockServer.Builder> configuration;
  private TestEmulator emulator;

  /** The embedded default config ({@link DemoConfig}). */
  public SharedEmulator() {
    this(UnaryOperator.identity());
  }

  /** A server configured by this function (control token, config...). */
  public SharedEmulator(UnaryOperator<TransmitMockServer.Builder> configuration) {
    this.configuration = configuration;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = TestEmulator.start(configuration.apply(TransmitMockServer.builder()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator.server().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (emulator != null) {
      emulator.close();
    }
  }

  /** The class's emulator. */
  public TestEmulator emulator() {
    return emulator;
  }

  /** The running server. */
  public TransmitMockServer server() {
    return emulator.server();
  }

  /** Plain HTTP to it. */
  public TestHttp http() {
    return emulator.http();
  }
}
