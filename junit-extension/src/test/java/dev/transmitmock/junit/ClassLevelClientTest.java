package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @TransmitClient} placed on the class beside {@code @TransmitMock}. */
@TransmitMock(clients = @TransmitClient(id = "ops", type = ClientType.MANAGEMENT))
@TransmitClient(
    id = "orders-svc",
    secret = "orders-secret",
    resources = ClassLevelClientTest.ORDERS)
@TransmitClient(id = "batch-svc", authMethod = AuthMethod.PRIVATE_KEY_JWT)
class ClassLevelClientTest {
  static final String ORDERS = "https://api.orders.example";

  @Test
  void a_client_placed_on_the_class_gets_tokens_for_its_resource(TransmitMockHandle mock) {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret", ORDERS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getAudience()).containsExactly(ORDERS);
  }

  @Test
  void class_level_clients_join_those_of_the_clients_attribute(TransmitMockHandle mock) {
    Reply admin = TestHttp.to(mock.tokenEndpoint()).token("ops", "ops-secret");

    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.claims().getClaim("roles")).isEqualTo(List.of("Admin"));
  }

  @Test
  void a_key_based_client_on_the_class_gets_its_generated_key(TransmitMockHandle mock) {
    TransmitClientCredentials batch = mock.credentials("batch-svc");

    assertThat(batch.authMethod()).isEqualTo(AuthMethod.PRIVATE_KEY_JWT);
    assertThat(TestHttp.plain().send(batch.tokenRequest()).status()).isEqualTo(200);
  }

  @Nested
  class Inner {
    @Test
    void nested_classes_see_the_class_level_clients_of_the_enclosing_class(
        TransmitMockHandle mock) {
      assertThat(mock.clients().client("orders-svc")).isPresent();
    }
  }
}
