package dev.transmitmock.examples.plainjava;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.ConsumerContract;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The consumer contract kit against the running orders API: every defective token is refused. */
@TransmitMock(
    shared =
        true, // one emulator for both test classes (identical settings), reset before each test
    clients = {
      @TransmitClient(id = "storefront", resources = OrdersApi.RESOURCE),
      @TransmitClient(id = "orders-svc", resources = OrdersApp.INVENTORY_RESOURCE)
    })
class OrdersApiContractTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private DownstreamInventoryApi inventory;
  private OrdersApi orders;

  @BeforeEach
  void start(TransmitMockHandle mock) {
    // the handle, not the server: in a shared class it is this class's workspace (its clients,
    // its clock)
    inventory = DownstreamInventoryApi.start(mock);
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

  @TestFactory
  Stream<DynamicTest> the_orders_api_rejects_every_defective_token(TransmitMockHandle mock) {
    return ConsumerContract.builder(mock)
        .client("storefront")
        .resource(OrdersApi.RESOURCE)
        .managementClient("demo-admin")
        .consumerClock(mock.clock())
        .endpoint(
            authorization -> {
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(orders.baseUrl().resolve("/orders/42"))
                      .timeout(Duration.ofSeconds(10));
              authorization.ifPresent(value -> request.header("Authorization", value));
              return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                  .statusCode();
            })
        .build()
        .dynamicTests();
  }
}
