package dev.transmitmock.spring.test;

import static dev.transmitmock.spring.apps.orders.OrdersApplication.ORDERS_API;
import static dev.transmitmock.spring.test.TransmitWebTestClient.transmitToken;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** WebTestClient against the running application, with real tokens. */
@SpringBootTest(
    classes = OrdersApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTransmitMock(clients = @TransmitClient(id = "storefront", resources = ORDERS_API))
class TransmitWebTestClientTest {

  @LocalServerPort int port;
  private WebTestClient client;

  @BeforeEach
  void client_of_the_running_application() {
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
  }

  @Test
  void a_token_of_the_emulator_is_accepted(TransmitMockHandle mock) {
    client
        .mutateWith(transmitToken(mock, "storefront").resource(ORDERS_API))
        .get()
        .uri("/orders/42")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.caller")
        .isEqualTo("storefront");
  }

  @Test
  void a_token_for_the_clients_default_audience_is_refused(TransmitMockHandle mock) {
    client
        .mutateWith(transmitToken(mock, "storefront"))
        .get()
        .uri("/orders/42")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }
}
