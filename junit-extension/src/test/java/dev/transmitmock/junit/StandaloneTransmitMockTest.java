package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.junit.support.TokenRequests;
import dev.transmitmock.junit.support.TokenResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@link StandaloneTransmitMock}: the emulator of a declaration, owned by its caller. */
class StandaloneTransmitMockTest {

  private static final String WHERE = "@Declared on StandaloneTransmitMockTest";
  private static final String ORDERS_API = "https://api.orders.example";

  /** Holds {@code @TransmitClient} values the way a framework annotation would. */
  @TransmitMock(clients = @TransmitClient(id = "orders-svc", resources = ORDERS_API))
  private static final class Declared {}

  private static TransmitClient[] declaredClients() {
    return Declared.class.getAnnotation(TransmitMock.class).clients();
  }

  @Test
  void issues_tokens_over_http_to_the_declared_clients_with_the_declared_region() {
    try (StandaloneTransmitMock mock =
        StandaloneTransmitMock.builder(WHERE).region("eu").clients(declaredClients()).start()) {

      TokenResponse response =
          TokenRequests.request(
              mock.tokenEndpoint(), "orders-svc", "orders-svc-secret", ORDERS_API);

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.claims().getIssuer()).isEqualTo("https://eu.userid.security");
      assertThat(response.claims().getAudience()).containsExactly(ORDERS_API);
    }
  }

  @Test
  void publishes_its_urls_only_through_its_properties_not_as_system_properties() {
    try (StandaloneTransmitMock mock = StandaloneTransmitMock.builder(WHERE).start()) {

      assertThat(mock.properties())
          .containsEntry(TransmitMockProperties.TOKEN_ENDPOINT, mock.tokenEndpoint().toString());
      // other test classes run in parallel and may publish their own server's endpoint
      assertThat(System.getProperty(TransmitMockProperties.TOKEN_ENDPOINT))
          .isNotEqualTo(mock.tokenEndpoint().toString());
    }
  }

  @Test
  void closing_it_stops_the_emulator() {
    StandaloneTransmitMock mock = StandaloneTransmitMock.builder(WHERE).start();

    mock.close();

    assertThat(mock.server().isRunning()).isFalse();
  }

  @Test
  void a_bad_attribute_is_reported_with_the_name_of_the_declaration() {
    assertThatThrownBy(
            () -> StandaloneTransmitMock.builder(WHERE).tokenLifetime("5 minutes").start())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(WHERE + ": tokenLifetime")
        .hasMessageContaining("PT5M");
  }
}
