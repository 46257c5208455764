package dev.transmitmock.spring.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.spring.apps.inventory.InventoryClientApplication;
import dev.transmitmock.testcontainers.RequiresDocker;
import dev.transmitmock.testcontainers.TestImage;
import dev.transmitmock.testcontainers.TransmitMockContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code @ServiceConnection} on a {@link TransmitMockContainer}: a client registration configured
 * for Transmit's production token endpoint gets its token from the container.
 */
@ExtendWith(RequiresDocker.class)
@SpringBootTest(
    classes = InventoryClientApplication.class,
    // what production passes in the environment
    properties = {"TRANSMIT_CLIENT_ID=orders-svc", "TRANSMIT_CLIENT_SECRET=orders-secret"})
@ActiveProfiles("inventory")
class ClientServiceConnectionIT {

  @ServiceConnection
  static TransmitMockContainer<?> transmit =
      TestImage.container().withClient("orders-svc", "orders-secret");

  @BeforeAll
  static void start_the_container() {
    transmit.start();
  }

  @AfterAll
  static void stop_the_container() {
    transmit.stop();
  }

  @Autowired OAuth2AuthorizedClientManager authorizedClients;

  @Test
  void the_transmit_registration_gets_its_token_from_the_container() {
    OAuth2AuthorizedClient authorized =
        authorizedClients.authorize(
            OAuth2AuthorizeRequest.withClientRegistrationId(InventoryClientApplication.REGISTRATION)
                .principal("orders-service")
                .build());

    assertThat(authorized).isNotNull();
    assertThat(authorized.getClientRegistration().getProviderDetails().getTokenUri())
        .isEqualTo(transmit.getTokenEndpoint());
    assertThat(transmit.control().journal().issuedTo("orders-svc")).hasSize(1);
  }
}
