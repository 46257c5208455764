package dev.transmitmock.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.TransmitMockProperties;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.control.AuthMethod;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The orders service with its production configuration; the tests point the token URI at the
 * emulator and the inventory API at a local one, supply the credentials, and give Spring's token
 * cache the emulator's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TransmitMock(
    clients = @TransmitClient(id = "orders-svc", resources = DownstreamInventoryApi.RESOURCE))
class InventoryTokensTest {

  private static final String REGISTRATION = "transmit-inventory";

  @InjectTransmitMock static TransmitMockServer server;
  static DownstreamInventoryApi inventory;

  @BeforeAll
  static void start_the_inventory_api() {
    inventory = DownstreamInventoryApi.start(server);
  }

  @AfterAll
  static void stop_the_inventory_api() {
    inventory.close();
  }

  @DynamicPropertySource
  static void transmit(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.security.oauth2.client.provider.transmit.token-uri",
        () -> System.getProperty(TransmitMockProperties.TOKEN_ENDPOINT));
    registry.add(
        "spring.security.oauth2.client.registration.transmit-inventory.client-id",
        () -> "orders-svc");
    registry.add(
        "spring.security.oauth2.client.registration.transmit-inventory.client-secret",
        () -> "orders-svc-secret");
    registry.add("inventory.base-url", () -> inventory.baseUrl().toString());
  }

  /** Spring's token cache judges expiry on the clock bean: make it the emulator's. */
  @TestConfiguration(proxyBeanMethods = false)
  static class EmulatorClock {
    @Bean
    @Primary
    Clock emulatorClock() {
      return server.clock();
    }
  }

  @LocalServerPort int port;
  @Autowired OAuth2AuthorizedClientService authorizedClients;

  private final HttpClient http = HttpClient.newHttpClient();

  /** The emulator is reset before each test; Spring's cached token must go too. */
  @BeforeEach
  void forget_the_cached_token() {
    authorizedClients.removeAuthorizedClient(
        REGISTRATION, TransmitClientConfiguration.SERVICE_PRINCIPAL.getName());
    inventory.clear();
  }

  @Test
  void fetches_one_token_for_many_calls(TransmitMockHandle mock) throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response = availability("order-" + i);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "{\"order\":\"order-"
                  + i
                  + "\",\"available\":"
                  + DownstreamInventoryApi.AVAILABLE
                  + "}");
    }

    mock.journal().assertTokensIssued("orders-svc", 1).assertNoRejections();
    assertThat(mock.journal().tokenRequests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.resource()).hasValue(DownstreamInventoryApi.RESOURCE);
              assertThat(request.authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_POST);
            });
    assertThat(inventory.accepted())
        .hasSize(5)
        .allSatisfy(
            token -> {
              assertThat(token.clientId()).isEqualTo("orders-svc");
              assertThat(token.audience()).containsExactly(DownstreamInventoryApi.RESOURCE);
            });
    assertThat(inventory.accepted().stream().map(TransmitToken::jti).distinct()).hasSize(1);
  }

  @Test
  void fetches_a_new_token_once_the_old_one_is_about_to_expire(TransmitMockHandle mock)
      throws Exception {
    assertThat(availability("42").statusCode()).isEqualTo(200);
    assertThat(availability("42").statusCode()).isEqualTo(200);
    mock.journal().assertTokensIssued("orders-svc", 1);

    // 1 h lifetime; Spring renews 60 s before exp (its clock skew): 59.5 min later is enough
    mock.clock().advance(Duration.ofMinutes(59).plusSeconds(30));
    assertThat(availability("42").statusCode()).isEqualTo(200);
    assertThat(availability("42").statusCode()).isEqualTo(200);

    mock.journal().assertTokensIssued("orders-svc", 2).assertNoRejections();
    assertThat(inventory.accepted().stream().map(TransmitToken::jti).distinct()).hasSize(2);
  }

  @Test
  void answers_503_while_the_token_endpoint_is_down_and_recovers_once_it_is_back(
      TransmitMockHandle mock) throws Exception {
    mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(503));

    HttpResponse<String> down = availability("42");

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body())
        .contains("\"error\":\"inventory_unavailable\"")
        .contains("no access token for the inventory API from Transmit");
    assertThat(inventory.accepted()).isEmpty();

    mock.faults().clear();
    HttpResponse<String> recovered = availability("42");

    assertThat(recovered.statusCode()).isEqualTo(200);
    mock.journal().assertTokensIssued("orders-svc", 1);
    assertThat(inventory.accepted()).hasSize(1);
  }

  private HttpResponse<String> availability(String order) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/orders/" + order + "/availability"))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
