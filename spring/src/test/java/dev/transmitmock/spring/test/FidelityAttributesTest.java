package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import dev.transmitmock.junit.TransmitApplication;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The fidelity attributes of {@code @TransmitMock} through {@link AutoConfigureTransmitMock}:
 * applications with their own signing keys, client {@code appId} and {@code grantTypes}, and {@code
 * verboseErrors}, exercised over the emulator's token endpoint.
 */
@SpringBootTest(classes = OrdersApplication.class)
@AutoConfigureTransmitMock(
    verboseErrors = true,
    applications = @TransmitApplication(id = "app-orders", issuer = FidelityAttributesTest.APP),
    clients = {
      @TransmitClient(id = "orders-svc", secret = "orders-secret", appId = "app-orders"),
      @TransmitClient(id = "web", secret = "web-secret", grantTypes = "authorization_code")
    })
class FidelityAttributesTest {
  static final String APP = "https://orders.app.transmitsecurity.io";

  @Test
  void an_applications_client_gets_tokens_with_the_applications_issuer(TransmitMockHandle mock)
      throws Exception {
    Reply response = requestToken(mock.tokenEndpoint(), "orders-svc", "orders-secret");
    String token = (String) JSONObjectUtils.parse(response.body()).get("access_token");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(JWTParser.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo(APP);
  }

  @Test
  void verbose_errors_name_the_reason_in_the_error_body(TransmitMockHandle mock) throws Exception {
    Reply response = requestToken(mock.tokenEndpoint(), "orders-svc", "wrong");

    assertThat(response.status()).isEqualTo(401);
    assertThat(JSONObjectUtils.parse(response.body()))
        .containsEntry("error", "invalid_client")
        .containsEntry("error_detail", "invalid secret provided");
  }

  @Test
  void a_client_without_client_credentials_in_its_grant_types_is_refused(TransmitMockHandle mock)
      throws Exception {
    Reply response = requestToken(mock.tokenEndpoint(), "web", "web-secret");

    assertThat(JSONObjectUtils.parse(response.body()))
        .containsEntry("error_description", "requested grant type is not allowed for this client");
  }

  private static Reply requestToken(URI tokenEndpoint, String clientId, String secret) {
    return TestHttp.to(tokenEndpoint).tokenWithBasic(clientId, secret);
  }
}
