package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.spring.apps.inventory.InventoryClientApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * An OAuth2 client registration configured for Transmit's production endpoint, with credentials
 * from the environment, gets its tokens from the emulator with the declared client's credentials.
 */
@SpringBootTest(classes = InventoryClientApplication.class)
@ActiveProfiles("inventory")
@AutoConfigureTransmitMock(
    clients = @TransmitClient(id = "orders-svc", secret = "orders-secret"),
    registrations =
        @TransmitRegistration(
            registrationId = InventoryClientApplication.REGISTRATION,
            clientId = "orders-svc"))
class ClientRegistrationTest {

  @Autowired OAuth2AuthorizedClientManager authorizedClients;

  @Test
  void the_registration_gets_a_token_from_the_emulator_as_the_declared_client(
      TransmitMockHandle mock) {
    OAuth2AuthorizedClient authorized =
        authorizedClients.authorize(
            OAuth2AuthorizeRequest.withClientRegistrationId(InventoryClientApplication.REGISTRATION)
                .principal("orders-service")
                .build());

    assertThat(authorized).isNotNull();
    assertThat(authorized.getAccessToken().getTokenValue()).startsWith("eyJ");
    mock.journal().assertTokensIssued("orders-svc", 1).assertNoRejections();
    // the application's own client-authentication-method (client_secret_post) is kept
    assertThat(mock.journal().tokenRequests())
        .singleElement()
        .satisfies(
            request -> assertThat(request.authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_POST));
  }
}
