package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.client.TransmitTokenVerifier;
import dev.transmitmock.server.testing.TestHttp;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 in the container: an application with app-specific signing keys, clients that may not
 * use client credentials, the engine's generic refusals with their reason in the journal, and
 * {@code withVerboseErrors()}.
 */
@ExtendWith(RequiresDocker.class)
class FidelityContainerIT {
  private static final String APP_ISSUER = "https://orders.app.transmitsecurity.io";
  private static final String ORDERS_API = "https://api.orders.example";
  private static TransmitMockContainer<?> mock;

  @BeforeAll
  static void start() {
    mock =
        TestImage.container()
            .withVerboseErrors()
            .withApplication(ApplicationDefinition.builder("app-orders", APP_ISSUER).build())
            .withClient(
                ClientDefinition.app("orders-svc", "orders-secret")
                    .appId("app-orders")
                    .resources(ORDERS_API)
                    .build())
            .withClient(ClientDefinition.publicClient("spa").build())
            .withClient(
                ClientDefinition.app("web", "web-secret").grantTypes("authorization_code").build());
    mock.start();
  }

  @AfterAll
  static void stop() {
    mock.stop();
  }

  @BeforeEach
  void clearJournal() {
    mock.control().journal().clear();
  }

  private static Map<String, Object> post(String form) throws Exception {
    return Json.parseObject(TestHttp.plain().postForm(mock.getTokenEndpoint(), form).body());
  }

  @Test
  void an_apps_token_verifies_through_the_apps_discovery_document() throws Exception {
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .discoveryUri(URI.create(mock.getApplicationDiscoveryUri("app-orders")))
            .audience(ORDERS_API)
            .build();

    TransmitToken token =
        verifier.verify(mock.getClientCredentialsToken("orders-svc", "orders-secret", ORDERS_API));

    assertThat(token.issuer()).isEqualTo(APP_ISSUER);
    assertThat(token.appId()).contains("app-orders");
  }

  @Test
  void the_apps_jwks_publishes_the_global_keys_during_the_transition_window() throws Exception {
    Map<String, Object> global = Json.parseObject(get(mock.getJwksUri()));
    Map<String, Object> app = Json.parseObject(get(mock.getApplicationJwksUri("app-orders")));

    List<Object> globalKeys = List.copyOf((List<?>) global.get("keys"));
    List<Object> appKeys = List.copyOf((List<?>) app.get("keys"));

    assertThat(appKeys).hasSize(2).containsAll(globalKeys);
  }

  @Test
  void a_public_client_and_a_client_without_client_credentials_are_refused() throws Exception {
    Map<String, Object> spa = post("grant_type=client_credentials&client_id=spa");
    Map<String, Object> web =
        post("grant_type=client_credentials&client_id=web&client_secret=web-secret");

    assertThat(spa)
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", "requested grant type is not allowed for this client");
    assertThat(web)
        .containsEntry("error_description", "requested grant type is not allowed for this client");
  }

  @Test
  void a_wrong_secret_says_client_authentication_failed_and_the_reason_goes_to_error_detail()
      throws Exception {
    Map<String, Object> answer =
        post("grant_type=client_credentials&client_id=orders-svc&client_secret=wrong");

    assertThat(answer)
        .containsEntry("error_description", "client authentication failed")
        .containsEntry("error_detail", "invalid secret provided");
    assertThat(mock.control().journal().rejected())
        .singleElement()
        .satisfies(entry -> assertThat(entry.errorDetail()).hasValue("invalid secret provided"));
  }

  private static String get(String uri) {
    return TestHttp.plain().get(uri).body();
  }
}
