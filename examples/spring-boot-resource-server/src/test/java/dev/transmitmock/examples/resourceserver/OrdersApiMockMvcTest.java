package dev.transmitmock.examples.resourceserver;

import static dev.transmitmock.spring.test.TransmitMockMvc.transmitToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.spring.test.AutoConfigureTransmitMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The same API through MockMvc: {@code transmitToken(...)} sends a token the emulator signed, so
 * the production decoder checks it (Spring Security's {@code jwt()} would skip the decoder).
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureTransmitMock(
    clients = @TransmitClient(id = "storefront", resources = OrdersApiMockMvcTest.ORDERS_API))
class OrdersApiMockMvcTest {

  static final String ORDERS_API = "https://api.orders.example";

  @Autowired MockMvc mvc;

  @Test
  void accepts_a_token_of_the_emulator() throws Exception {
    mvc.perform(get("/orders/42").with(transmitToken("storefront").resource(ORDERS_API)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caller").value("storefront"));
  }

  @Test
  void refuses_it_once_the_emulators_clock_passed_its_expiry(TransmitMockHandle mock)
      throws Exception {
    RequestPostProcessor token = transmitToken("storefront").resource(ORDERS_API);
    String minted = mock.tokenFor("storefront", ORDERS_API);

    mock.clock().advance(Duration.ofHours(2));

    mvc.perform(get("/orders/42").header("Authorization", "Bearer " + minted))
        .andExpect(status().isUnauthorized());
    // minted when sent: a fresh token on the moved clock is good
    mvc.perform(get("/orders/42").with(token)).andExpect(status().isOk());
  }

  @Test
  void refuses_a_token_for_transmits_own_apis() throws Exception {
    // no resource: the client's default audience, userid-api
    mvc.perform(get("/orders/42").with(transmitToken("storefront")))
        .andExpect(status().isUnauthorized());
  }
}
