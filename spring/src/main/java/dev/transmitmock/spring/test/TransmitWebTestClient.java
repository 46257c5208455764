package dev.transmitmock.spring.test;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.TransmitMockHandle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * WebTestClient with real Transmit tokens, signed by the emulator and checked by the application's
 * own {@code JwtDecoder}:
 *
 * <pre>{@code
 * @Test
 * void accepts_a_transmit_token(TransmitMockHandle mock) {
 *   client.mutateWith(transmitToken(mock, "storefront").resource("https://api.orders.example"))
 *       .get().uri("/orders/42")
 *       .exchange()
 *       .expectStatus().isOk();
 * }
 * }</pre>
 *
 * The emulator is named explicitly (a WebTestClient bound to a running server knows no application
 * context); it is the {@code TransmitMockHandle} of {@link AutoConfigureTransmitMock} or of
 * {@code @TransmitMock}.
 */
public final class TransmitWebTestClient {

  private TransmitWebTestClient() {}

  /**
   * Sends {@code Authorization: Bearer <token>} on every request of the mutated client, with a
   * token of the client minted now by {@code mock}.
   */
  public static TransmitTokenConfigurer transmitToken(TransmitMockHandle mock, String clientId) {
    return new TransmitTokenConfigurer(
        new EmbeddedConnectionDetails(requireNonNull(mock, "mock must not be null"), false),
        new TokenOrder(clientId));
  }

  /** {@link #transmitToken(TransmitMockHandle, String)}: mints when the client is mutated. */
  public static final class TransmitTokenConfigurer implements WebTestClientConfigurer {
    private final TransmitMockConnectionDetails emulator;
    private final TokenOrder order;

    private TransmitTokenConfigurer(TransmitMockConnectionDetails emulator, TokenOrder order) {
      this.emulator = emulator;
      this.order = order;
    }

    /** The resource the token is for: it becomes the {@code aud}. */
    public TransmitTokenConfigurer resource(String resource) {
      order.resource(resource);
      return this;
    }

    /** A claim to set or override. */
    public TransmitTokenConfigurer claim(String name, Object value) {
      order.claim(name, value);
      return this;
    }

    @Override
    public void afterConfigurerAdded(
        WebTestClient.Builder builder,
        WebHttpHandlerBuilder httpHandlerBuilder,
        ClientHttpConnector connector) {
      builder.defaultHeader(HttpHeaders.AUTHORIZATION, order.bearer(emulator));
    }

    @Override
    public String toString() {
      return order.toString();
    }
  }
}
