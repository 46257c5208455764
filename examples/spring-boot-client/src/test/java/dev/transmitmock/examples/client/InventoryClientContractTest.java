package dev.transmitmock.examples.client;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.ClientContract;
import dev.transmitmock.junit.contract.DownstreamApi;
import dev.transmitmock.server.TransmitMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The orders service's token handling (Spring Security's OAuth2 client, as configured in {@link
 * TransmitClientConfiguration}) against the kit's token-client contract: caching, single flight,
 * renewal before exp, a new token after the inventory API refuses one, Retry-After, no retry storm,
 * recovery, and no secret in the log, with Spring's security and HTTP client logging at DEBUG. The
 * inventory API is the kit's {@link DownstreamApi}; each call is a request to the service's own
 * endpoint.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.springframework.security=DEBUG",
      "logging.level.org.springframework.web.client=DEBUG",
      "logging.level.org.springframework.http=DEBUG"
    })
@TransmitMock(
    clients =
        @TransmitClient(
            id = InventoryClientContractTest.CLIENT,
            secret = InventoryClientContractTest.SECRET,
            resources = InventoryClientContractTest.RESOURCE))
class InventoryClientContractTest {
  static final String CLIENT = "orders-svc";
  static final String SECRET = "orders-svc-contract-secret";
  static final String RESOURCE = "https://api.inventory.example";

  /** Started before Spring: the service reads its URL from inventory.base-url at start. */
  static final DownstreamApi inventory =
      DownstreamApi.start("{\"sku\":\"sku-42\",\"available\":7}");

  @InjectTransmitMock static TransmitMockServer emulator;

  @DynamicPropertySource
  static void transmit(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.security.oauth2.client.provider.transmit.token-uri",
        () -> emulator.tokenEndpoint().toString());
    registry.add(
        "spring.security.oauth2.client.registration.transmit-inventory.client-id", () -> CLIENT);
    registry.add(
        "spring.security.oauth2.client.registration.transmit-inventory.client-secret",
        () -> SECRET);
    registry.add("inventory.base-url", () -> inventory.baseUrl().toString());
  }

  /** Spring's token cache judges expiry on the clock bean: the emulator's, which the kit moves. */
  @TestConfiguration(proxyBeanMethods = false)
  static class EmulatorClock {
    @Bean
    @Primary
    Clock emulatorClock() {
      return emulator.clock();
    }
  }

  @AfterAll
  static void stop_the_inventory_api() {
    inventory.close();
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @TestFactory
  Stream<DynamicTest> the_service_handles_its_transmit_tokens_well(TransmitMockHandle mock) {
    return ClientContract.builder(mock)
        .client(CLIENT)
        .resource(RESOURCE)
        .downstream(inventory)
        .caller(
            downstream -> {
              HttpResponse<String> answer =
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/orders/42/availability"))
                          .timeout(Duration.ofSeconds(20))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                    "the orders service answered " + answer.statusCode() + ": " + answer.body());
              }
            })
        .build()
        .dynamicTests();
  }
}
