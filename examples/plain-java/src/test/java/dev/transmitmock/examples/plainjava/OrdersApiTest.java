package dev.transmitmock.examples.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@TransmitMock(
    shared =
        true, // one emulator for both test classes (identical settings), reset before each test
    clients = {
      @TransmitClient(id = "storefront", resources = OrdersApi.RESOURCE),
      @TransmitClient(id = "orders-svc", resources = OrdersApp.INVENTORY_RESOURCE)
    })
class OrdersApiTest {

  @InjectTransmitMock TransmitMockHandle mock;

  private final HttpClient http = HttpClient.newHttpClient();
  private DownstreamInventoryApi inventory;
  private OrdersApi orders;

  @BeforeEach
  void start() {
    inventory = DownstreamInventoryApi.start(mock);
    // Production passes TransmitEndpoints.production() and the system clock: only these change.
    orders =
        OrdersApp.start(
            new OrdersApp.Settings(
                new TransmitEndpoints(mock.issuer(), mock.jwksUri(), mock.tokenEndpoint()),
                "orders-svc",
                "orders-svc-secret",
                inventory.baseUrl(),
                mock.clock()),
            new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    orders.close();
    inventory.close();
  }

  @Test
  void answers_a_caller_with_a_valid_token_and_asks_inventory_with_a_token_of_its_own()
      throws Exception {
    HttpResponse<String> response = getOrder("42", mock.tokenFor("storefront", OrdersApi.RESOURCE));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"order\":\"42\",\"caller\":\"storefront\",\"available\":"
                + DownstreamInventoryApi.AVAILABLE
                + "}");
    assertThat(inventory.authorizedCalls())
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.clientId()).isEqualTo("orders-svc");
              assertThat(token.audience()).containsExactly(OrdersApp.INVENTORY_RESOURCE);
            });
    assertThat(mock.journal().tokenRequests())
        .singleElement()
        .satisfies(entry -> assertThat(entry.resource()).hasValue(OrdersApp.INVENTORY_RESOURCE));
  }

  @Test
  void fetches_one_inventory_token_for_many_requests_and_a_new_one_after_it_expires()
      throws Exception {
    String caller = mock.tokenFor("storefront", OrdersApi.RESOURCE);
    for (int i = 0; i < 5; i++) {
      assertThat(getOrder("order-" + i, caller).statusCode()).isEqualTo(200);
    }
    mock.journal().assertTokensIssued("orders-svc", 1);

    mock.clock().advance(Duration.ofHours(1)); // the emulator's default token lifetime
    assertThat(getOrder("43", mock.tokenFor("storefront", OrdersApi.RESOURCE)).statusCode())
        .isEqualTo(200);

    mock.journal().assertTokensIssued("orders-svc", 2).assertNoRejections();
    assertThat(inventory.authorizedCalls()).hasSize(6);
    assertThat(inventory.authorizedCalls().stream().map(TransmitToken::jti).distinct()).hasSize(2);
  }

  @Test
  void rejects_a_token_once_the_clock_has_moved_past_its_expiry() throws Exception {
    String caller = mock.tokenFor("storefront", OrdersApi.RESOURCE);
    assertThat(getOrder("42", caller).statusCode()).isEqualTo(200);

    mock.clock().advance(Duration.ofHours(2)); // the API checks exp on the same clock

    HttpResponse<String> response = getOrder("42", caller);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    assertThat(response.body()).contains("\"error_description\":\"expired\"");
  }

  @Test
  void answers_502_while_the_token_endpoint_is_down_and_recovers_once_it_is_back()
      throws Exception {
    String caller = mock.tokenFor("storefront", OrdersApi.RESOURCE);
    mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(503));

    HttpResponse<String> down = getOrder("42", caller);

    assertThat(down.statusCode()).isEqualTo(502);
    assertThat(down.body()).contains("inventory_unavailable").contains("503");
    assertThat(inventory.authorizedCalls()).isEmpty();

    mock.faults().clear();
    assertThat(getOrder("42", caller).statusCode()).isEqualTo(200);
    mock.journal().assertTokensIssued("orders-svc", 1);
  }

  @Test
  void refuses_a_token_issued_for_the_inventory_api() throws Exception {
    HttpResponse<String> response =
        getOrder("42", mock.tokenFor("orders-svc", OrdersApp.INVENTORY_RESOURCE));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("wrong_audience");
    assertThat(inventory.authorizedCalls()).isEmpty();
  }

  private HttpResponse<String> getOrder(String id, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(orders.baseUrl().resolve("/orders/" + id))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
