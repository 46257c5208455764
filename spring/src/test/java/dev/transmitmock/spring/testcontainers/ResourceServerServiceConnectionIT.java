package dev.transmitmock.spring.testcontainers;

import static dev.transmitmock.spring.apps.orders.OrdersApplication.ORDERS_API;
import static dev.transmitmock.spring.test.TransmitMockMvc.transmitToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.transmitmock.spring.TransmitJwtDecoder;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import dev.transmitmock.testcontainers.RequiresDocker;
import dev.transmitmock.testcontainers.TestImage;
import dev.transmitmock.testcontainers.TokenMintRequest;
import dev.transmitmock.testcontainers.TransmitMockContainer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code @ServiceConnection} on a {@link TransmitMockContainer}: the application's production
 * decoder bean reads the container's keys, and tokens the container issues or mints are judged by
 * it.
 */
@ExtendWith(RequiresDocker.class)
@SpringBootTest(classes = OrdersApplication.class)
class ResourceServerServiceConnectionIT {

  @ServiceConnection
  static TransmitMockContainer<?> transmit =
      TestImage.container().withClient("storefront", "storefront-secret", ORDERS_API);

  @BeforeAll
  static void start_the_container() {
    transmit.start();
  }

  @AfterAll
  static void stop_the_container() {
    transmit.stop();
  }

  @Autowired WebApplicationContext context;
  @Autowired JwtDecoder decoder;
  private MockMvc mvc;

  @BeforeEach
  void mock_mvc_over_the_security_filter_chain() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @Test
  void the_production_decoder_bean_reads_the_containers_keys() {
    assertThat(decoder)
        .isInstanceOfSatisfying(
            TransmitJwtDecoder.class,
            transmitDecoder ->
                assertThat(transmitDecoder.jwksUri()).isEqualTo(URI.create(transmit.getJwksUri())));
  }

  @Test
  void a_token_the_container_issued_over_http_is_accepted() throws Exception {
    String token =
        transmit.getClientCredentialsToken("storefront", "storefront-secret", ORDERS_API);

    assertThat(status("Bearer " + token)).isEqualTo(200);
  }

  @Test
  void transmit_token_mints_through_the_containers_control_api() throws Exception {
    assertThat(
            mvc.perform(get("/orders/42").with(transmitToken("storefront").resource(ORDERS_API)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void a_token_without_kid_from_the_container_is_refused() throws Exception {
    String token =
        transmit
            .control()
            .tokens()
            .mint(
                TokenMintRequest.forClient("storefront")
                    .resource(ORDERS_API)
                    .defect("missing-kid")
                    .build());

    assertThat(status("Bearer " + token)).isEqualTo(401);
  }

  private int status(String authorization) throws Exception {
    return mvc.perform(get("/orders/42").header("Authorization", authorization))
        .andReturn()
        .getResponse()
        .getStatus();
  }
}
