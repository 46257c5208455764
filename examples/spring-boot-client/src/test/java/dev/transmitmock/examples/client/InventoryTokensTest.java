package dev.transmitmock.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.spring.test.AutoConfigureTransmitMock;
import dev.transmitmock.spring.test.TransmitRegistration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The orders service with its production configuration; {@code @AutoConfigureTransmitMock} points
 * its Transmit registration at the emulator with the credentials of {@code orders-svc} and makes
 * the emulator's clock the application's; the inventory API is a local one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTransmitMock(
    clients = @TransmitClient(id = "orders-svc", resources = DownstreamInventoryApi.RESOURCE),
    registrations =
        @TransmitRegistration(
            registrationId = InventoryTokensTest.REGISTRATION,
            clientId = "orders-svc"))
class InventoryTokensTest {

  static final String REGISTRATION = "transmit-inventory";

  /** The inventory API, verifying tokens against the emulator; the service is pointed at it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class LocalInventoryApi {
    @Bean(destroyMethod = "close")
    DownstreamInventoryApi inventoryApi(TransmitMockServer emulator) {
      return DownstreamInventoryApi.start(emulator);
    }

    @Bean
    DynamicPropertyRegistrar inventoryBaseUrl(DownstreamInventoryApi api) {
      return registry -> registry.add("inventory.base-url", () -> api.baseUrl().toString());
    }
  }

  @Autowired DownstreamInventoryApi inventory;
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
  void renews_a_token_that_transmit_issued_with_a_short_lifetime(TransmitMockHandle mock)
      throws Exception {
    // Transmit's next answer says expires_in 30: inside Spring's 60 s clock skew, so the service
    // must treat that token as expiring and fetch another on its next call, then keep that one.
    mock.nextToken("orders-svc").expiresIn(Duration.ofSeconds(30)).install();

    for (int i = 0; i < 3; i++) {
      assertThat(availability("42").statusCode()).isEqualTo(200);
    }

    mock.journal().assertTokensIssued("orders-svc", 2).assertNoRejections();
    assertThat(inventory.accepted().stream().map(TransmitToken::jti).distinct()).hasSize(2);
    assertThat(mock.server().journal().tokenRequests().shapedByNextTokenRule().count())
        .isEqualTo(1);
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
