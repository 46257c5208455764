package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@link StandaloneTransmitMock}: the emulator of a declaration, owned by its caller. */
class StandaloneTransmitMockTest {

  private static final String WHERE = "@Declared on StandaloneTransmitMockTest";
  private static final String ORDERS_API = "https://api.orders.example";

  private static final String APP_ISSUER = "https://orders.app.transmitsecurity.io";

  /** Holds {@code @TransmitClient} values the way a framework annotation would. */
  @TransmitMock(clients = @TransmitClient(id = "orders-svc", resources = ORDERS_API))
  private static final class Declared {}

  /** The fidelity attributes: an application with its own keys, its client, a public client. */
  @TransmitMock(
      applications = @TransmitApplication(id = "app-orders", issuer = APP_ISSUER),
      clients = {
        @TransmitClient(id = "orders-svc", secret = "orders-secret", appId = "app-orders"),
        @TransmitClient(id = "spa", authMethod = AuthMethod.NONE),
        @TransmitClient(id = "orders-svc", secret = "other-secret")
      })
  private static final class DeclaredWithApplications {}

  private static TransmitClient[] declaredClients() {
    return Declared.class.getAnnotation(TransmitMock.class).clients();
  }

  private static TransmitMock withApplications() {
    return DeclaredWithApplications.class.getAnnotation(TransmitMock.class);
  }

  @Test
  void issues_tokens_over_http_to_the_declared_clients_with_the_declared_region() {
    try (StandaloneTransmitMock mock =
        StandaloneTransmitMock.builder(WHERE).region("eu").clients(declaredClients()).start()) {

      Reply response =
          TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-svc-secret", ORDERS_API);

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.claims().getIssuer()).isEqualTo("https://eu.userid.security");
      assertThat(response.claims().getAudience()).containsExactly(ORDERS_API);
    }
  }

  @Test
  void publishes_its_urls_only_through_its_properties_not_as_system_properties() {
    try (StandaloneTransmitMock mock = StandaloneTransmitMock.builder(WHERE).start()) {

      assertThat(mock.properties())
          .containsEntry(TransmitMockProperties.TOKEN_ENDPOINT, mock.tokenEndpoint().toString());
      // other test classes run in parallel and may publish their own server's endpoint
      assertThat(System.getProperty(TransmitMockProperties.TOKEN_ENDPOINT))
          .isNotEqualTo(mock.tokenEndpoint().toString());
    }
  }

  @Test
  void closing_it_stops_the_emulator() {
    StandaloneTransmitMock mock = StandaloneTransmitMock.builder(WHERE).start();

    mock.close();

    assertThat(mock.server().isRunning()).isFalse();
  }

  @Test
  void an_applications_client_gets_tokens_with_the_applications_issuer() {
    TransmitMock declared = withApplications();
    try (StandaloneTransmitMock mock =
        StandaloneTransmitMock.builder(WHERE)
            .applications(declared.applications())
            .clients(declared.clients()[0])
            .start()) {

      Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret");

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.claims().getIssuer()).isEqualTo(APP_ISSUER);
    }
  }

  @Test
  void a_none_client_is_declared_as_a_public_client_as_on_transmit_mock() {
    try (StandaloneTransmitMock mock =
        StandaloneTransmitMock.builder(WHERE).clients(withApplications().clients()[1]).start()) {

      assertThat(mock.server().clients().client("spa").orElseThrow().grantTypes())
          .containsExactly("authorization_code");
    }
  }

  @Test
  void verbose_errors_add_the_reason_to_error_bodies() {
    try (StandaloneTransmitMock mock =
        StandaloneTransmitMock.builder(WHERE).verboseErrors(true).start()) {

      Reply response = TestHttp.to(mock.tokenEndpoint()).token("demo-app", "wrong");

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().path("error_detail").asText())
          .isEqualTo("invalid secret provided");
    }
  }

  @Test
  void a_client_id_declared_twice_is_refused_as_on_transmit_mock() {
    TransmitClient[] clients = withApplications().clients();

    assertThatThrownBy(
            () -> StandaloneTransmitMock.builder(WHERE).clients(clients[0], clients[2]).start())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(WHERE)
        .hasMessageContaining("client \"orders-svc\" is declared twice");
  }

  @Test
  void a_bad_attribute_is_reported_with_the_name_of_the_declaration() {
    assertThatThrownBy(
            () -> StandaloneTransmitMock.builder(WHERE).tokenLifetime("5 minutes").start())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(WHERE + ": tokenLifetime")
        .hasMessageContaining("PT5M");
  }
}
