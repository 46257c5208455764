package dev.transmitmock.examples.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.ConsumerContract;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.spring.test.AutoConfigureTransmitMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The orders API, started by Spring Boot on a random port with its production configuration;
 * {@code @AutoConfigureTransmitMock} points its decoder at the emulator's keys and clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTransmitMock(
    clients = {
      @TransmitClient(id = "storefront", resources = OrdersApiSecurityTest.ORDERS_API),
      @TransmitClient(
          id = "ops-console",
          type = ClientType.MANAGEMENT,
          resources = OrdersApiSecurityTest.ORDERS_API)
    })
class OrdersApiSecurityTest {

  static final String ORDERS_API = "https://api.orders.example";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @TestFactory
  Stream<DynamicTest> the_orders_api_rejects_every_defective_token(TransmitMockHandle mock) {
    return ConsumerContract.builder(mock)
        .client("storefront")
        .resource(ORDERS_API)
        .managementClient("demo-admin")
        .consumerClock(mock.clock())
        .endpoint(authorization -> get("/orders/42", authorization).statusCode())
        .build()
        .dynamicTests();
  }

  @Test
  void accepts_an_app_token_with_typ_at_jwt(TransmitMockHandle mock) throws Exception {
    HttpResponse<String> response =
        get("/orders/42", bearer(mock.tokenFor("storefront", ORDERS_API)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"caller\":\"storefront\"").contains("\"order\":\"42\"");
  }

  @Test
  void rejects_a_token_once_the_clock_has_moved_past_its_expiry(TransmitMockHandle mock)
      throws Exception {
    Optional<String> token = bearer(mock.tokenFor("storefront", ORDERS_API));
    assertThat(get("/orders/42", token).statusCode()).isEqualTo(200);

    mock.clock().advance(Duration.ofHours(2)); // the decoder's clock: 1 h lifetime + 60 s skew gone

    HttpResponse<String> response = get("/orders/42", token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token")
        .contains("expired");
  }

  @Test
  void rejects_a_token_minted_expired_beyond_the_clock_skew(TransmitMockHandle mock)
      throws Exception {
    assertThat(get("/orders/42", bearer(mock.defectiveToken(Defect.EXPIRED))).statusCode())
        .isEqualTo(401);
  }

  @Test
  void lets_a_management_token_into_the_admin_endpoint(TransmitMockHandle mock) throws Exception {
    HttpResponse<String> response =
        get("/admin/settings", bearer(mock.tokenFor("ops-console", ORDERS_API)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"admin\":\"ops-console\"").contains("\"Admin\"");
  }

  @Test
  void refuses_an_app_token_on_the_admin_endpoint(TransmitMockHandle mock) throws Exception {
    HttpResponse<String> response =
        get("/admin/settings", bearer(mock.tokenFor("storefront", ORDERS_API)));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("insufficient_scope");
  }

  @Test
  void refuses_a_management_token_for_another_audience_on_the_admin_endpoint(
      TransmitMockHandle mock) throws Exception {
    // a genuine admin token for Transmit's own APIs (aud userid-api) is not for this API
    assertThat(get("/admin/settings", bearer(mock.tokenFor("demo-admin"))).statusCode())
        .isEqualTo(401);
  }

  private static Optional<String> bearer(String token) {
    return Optional.of("Bearer " + token);
  }

  private HttpResponse<String> get(String path, Optional<String> authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
