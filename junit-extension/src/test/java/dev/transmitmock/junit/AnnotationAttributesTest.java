package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

@TransmitMock(
    issuer = "https://tenant.userid.example",
    region = "eu",
    tokenLifetime = "PT5M",
    clients = {
      @TransmitClient(
          id = "orders-svc",
          secret = "orders-secret",
          resources = "https://api.orders.example"),
      @TransmitClient(id = "short-lived", lifetime = "PT30S"),
      @TransmitClient(id = "ops", secret = "ops-secret", type = ClientType.MANAGEMENT),
      @TransmitClient(id = "demo-app", secret = "replaced-secret")
    })
class AnnotationAttributesTest {

  @Test
  void issues_tokens_to_an_inline_client_for_its_resource(TransmitMockHandle mock)
      throws Exception {
    Reply response =
        TestHttp.to(mock.tokenEndpoint())
            .token("orders-svc", "orders-secret", "https://api.orders.example");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getAudience()).containsExactly("https://api.orders.example");
  }

  @Test
  void an_explicit_issuer_wins_over_the_region(TransmitMockHandle mock) throws Exception {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret");

    assertThat(response.claims().getIssuer()).isEqualTo("https://tenant.userid.example");
    assertThat(mock.issuer()).isEqualTo("https://tenant.userid.example");
  }

  @Test
  void applies_the_default_token_lifetime(TransmitMockHandle mock) {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret");

    assertThat(response.json().path("expires_in").asLong()).isEqualTo(300L);
  }

  @Test
  void a_client_lifetime_overrides_the_default(TransmitMockHandle mock) {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("short-lived", "short-lived-secret");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("expires_in").asLong()).isEqualTo(30L);
  }

  @Test
  void a_management_client_gets_admin_tokens(TransmitMockHandle mock) throws Exception {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("ops", "ops-secret");

    assertThat(response.claims().getStringListClaim("roles")).isEqualTo(List.of("Admin"));
  }

  @Test
  void an_inline_client_replaces_a_configured_one_with_the_same_id(TransmitMockHandle mock) {
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(401);
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "replaced-secret").status())
        .isEqualTo(200);
  }

  @Test
  void keeps_the_other_configured_clients(TransmitMockHandle mock) {
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-admin", "demo-admin-secret").status())
        .isEqualTo(200);
  }
}
