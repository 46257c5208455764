package dev.transmitmock.spring.test;

import static dev.transmitmock.spring.apps.orders.OrdersApplication.ORDERS_API;
import static dev.transmitmock.spring.test.TransmitMockMvc.protectedEndpoint;
import static dev.transmitmock.spring.test.TransmitMockMvc.transmitToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.ConsumerContract;
import dev.transmitmock.junit.contract.ProtectedEndpoint;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The done criterion: an application with only transmit-mock-spring ({@code TransmitJwtDecoders},
 * {@code transmitJwt()}, no validator of its own) and {@code @AutoConfigureTransmitMock} passes the
 * whole consumer contract, through MockMvc and over real HTTP, and expires tokens when the
 * emulator's clock moves.
 */
@SpringBootTest(
    classes = OrdersApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTransmitMock(
    clients = {
      @TransmitClient(id = "storefront", resources = ORDERS_API),
      @TransmitClient(
          id = "ops-console",
          type = dev.transmitmock.server.config.ClientType.MANAGEMENT,
          resources = ORDERS_API)
    })
class OrdersApiContractTest {

  @Autowired WebApplicationContext context;
  @LocalServerPort int port;

  private MockMvc mvc;

  @BeforeEach
  void mock_mvc_over_the_security_filter_chain() {
    mvc = SecuredMockMvc.of(context);
  }

  private ConsumerContract.Builder contract(TransmitMockHandle mock) {
    return ConsumerContract.builder(mock)
        .client("storefront")
        .resource(ORDERS_API)
        .managementClient("demo-admin")
        .consumerClock(mock.clock());
  }

  @TestFactory
  Stream<DynamicTest> the_api_passes_the_whole_consumer_contract_through_mock_mvc(
      TransmitMockHandle mock) {
    return contract(mock)
        .endpoint(protectedEndpoint(mvc, () -> get("/orders/42")))
        .build()
        .dynamicTests();
  }

  @TestFactory
  Stream<DynamicTest> the_api_passes_the_whole_consumer_contract_over_http(
      TransmitMockHandle mock) {
    ProtectedEndpoint overHttp =
        authorization -> {
          TestHttp app = TestHttp.to(URI.create("http://127.0.0.1:" + port));
          return app.get(
                  "/orders/42",
                  authorization.map(value -> Map.of("Authorization", value)).orElse(Map.of()))
              .status();
        };
    return contract(mock).endpoint(overHttp).build().dynamicTests();
  }

  @Test
  void accepts_a_real_token_sent_through_mock_mvc() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/orders/42").with(transmitToken("storefront").resource(ORDERS_API)))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).contains("\"caller\":\"storefront\"");
  }

  @Test
  void a_token_expires_in_the_application_when_the_emulators_clock_moves(TransmitMockHandle mock)
      throws Exception {
    String token = mock.tokenFor("storefront", ORDERS_API);
    assertThat(status("Bearer " + token)).isEqualTo(200);

    mock.clock().advance(Duration.ofHours(2));

    MockHttpServletResponse response =
        mvc.perform(get("/orders/42").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate"))
        .contains("invalid_token")
        .contains("expired");
  }

  @Test
  void a_management_token_reaches_the_admin_endpoint() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/admin/settings").with(transmitToken("ops-console").resource(ORDERS_API)))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).contains("\"admin\":\"ops-console\"");
  }

  @Test
  void an_app_token_is_forbidden_on_the_admin_endpoint() throws Exception {
    assertThat(
            mvc.perform(
                    get("/admin/settings").with(transmitToken("storefront").resource(ORDERS_API)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void a_claim_set_on_the_token_reaches_the_application() throws Exception {
    assertThat(
            mvc.perform(
                    get("/admin/settings")
                        .with(
                            transmitToken("storefront")
                                .resource(ORDERS_API)
                                .claim("roles", List.of("Admin"))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  private int status(String authorization) throws Exception {
    return mvc.perform(get("/orders/42").header("Authorization", authorization))
        .andReturn()
        .getResponse()
        .getStatus();
  }
}
