package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.testing.DemoConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientControlTest {
  private static final String ORDERS_API = "https://api.orders.example";

  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  @Test
  void a_client_registered_at_runtime_gets_tokens_for_its_resource() throws Exception {
    EMULATOR.server().clients().putResource(ResourceConfig.builder(ORDERS_API).build());
    EMULATOR
        .server()
        .clients()
        .putClient(
            ClientConfig.builder("orders-svc")
                .secret("orders-secret")
                .resources(ORDERS_API)
                .build(),
            EMULATOR.server().config().serviceResources());

    Reply response = EMULATOR.http().token("orders-svc", "orders-secret", ORDERS_API);

    assertThat(response.status()).isEqualTo(200);
    String token = response.json().get("access_token").asText();
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience()).containsExactly(ORDERS_API);
  }

  @Test
  void a_client_removed_at_runtime_is_refused() {
    EMULATOR.server().clients().removeClient(APP);

    Reply response = EMULATOR.http().token(APP, APP_SECRET);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void http_a_public_client_posted_at_runtime_is_listed_with_its_grant_types_and_refused() {
    Reply created =
        EMULATOR
            .http()
            .post("/_mock/clients", "{\"clientId\":\"spa\",\"tokenEndpointAuthMethod\":\"none\"}");
    Reply token =
        EMULATOR
            .http()
            .postForm(
                EMULATOR.server().tokenEndpoint().toString(),
                "grant_type=client_credentials&client_id=spa");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("grantTypes"))
        .extracting(JsonNode::asText)
        .containsExactly("authorization_code");
    assertThat(token.status()).isEqualTo(400);
    assertThat(token.json().get("error_description").asText())
        .isEqualTo("requested grant type is not allowed for this client");
  }

  // --- over HTTP ----------------------------------------------------------------------------

  @Test
  void http_a_posted_client_gets_tokens_and_is_listed_without_its_secret() {
    EMULATOR
        .http()
        .post("/_mock/resources", "{\"uri\":\"" + ORDERS_API + "\",\"tokenLifetime\":\"PT5M\"}");
    Reply created =
        EMULATOR
            .http()
            .post(
                "/_mock/clients",
                "{\"clientId\":\"orders-svc\",\"clientSecret\":\"orders-secret\",\"appName\":\"Orders\","
                    + "\"resources\":[\""
                    + ORDERS_API
                    + "\"],\"claims\":{\"team\":\"orders\"}}");

    assertThat(created.status()).isEqualTo(201);
    Reply token = EMULATOR.http().token("orders-svc", "orders-secret", ORDERS_API);
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().get("expires_in").asLong()).isEqualTo(300);

    Reply listed = EMULATOR.http().get("/_mock/clients");
    JsonNode orders = null;
    for (JsonNode client : listed.json().get("clients")) {
      if (client.get("clientId").asText().equals("orders-svc")) {
        orders = client;
      }
    }
    assertThat(orders).isNotNull();
    assertThat(orders.get("appName").asText()).isEqualTo("Orders");
    assertThat(orders.get("claims").get("team").asText()).isEqualTo("orders");
    assertThat(listed.body())
        .doesNotContain("orders-secret")
        .doesNotContain(APP_SECRET)
        .doesNotContain("clientSecret");
    assertThat(created.body()).doesNotContain("orders-secret");
  }

  @Test
  void http_posting_an_existing_client_replaces_it() {
    Reply replaced =
        EMULATOR
            .http()
            .post(
                "/_mock/clients",
                "{\"clientId\":\"demo-app\",\"clientSecret\":\"rotated-secret\"}");

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(401);
    assertThat(EMULATOR.http().token(APP, "rotated-secret").status()).isEqualTo(200);
  }

  @Test
  void http_a_deleted_client_is_refused_and_deleting_it_again_is_404() {
    assertThat(EMULATOR.http().delete("/_mock/clients/demo-app").status()).isEqualTo(200);

    assertThat(EMULATOR.http().token(APP, APP_SECRET).status()).isEqualTo(401);
    Reply again = EMULATOR.http().delete("/_mock/clients/demo-app");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void http_a_deleted_resource_can_no_longer_be_asked_for() {
    Reply deleted =
        EMULATOR.http().delete("/_mock/resources?uri=" + TestHttp.encode(DemoConfig.RESOURCE));

    assertThat(deleted.status()).isEqualTo(200);
    Reply token = EMULATOR.http().token(APP, APP_SECRET, DemoConfig.RESOURCE);
    assertThat(token.status()).isEqualTo(400);
    assertThat(token.json().get("error").asText()).isEqualTo("invalid_target");
    assertThat(EMULATOR.http().get("/_mock/resources").json().get("resources")).isEmpty();
    assertThat(EMULATOR.http().delete("/_mock/resources?uri=https%3A%2F%2Fnope.example").status())
        .isEqualTo(404);
  }

  @Test
  void http_bad_clients_are_400s_naming_the_field() {
    for (List<String> bodyAndField :
        List.of(
            List.of("{\"clientId\":\"x\"}", "clientSecret"),
            List.of("{\"clientSecret\":\"s\"}", "clientId"),
            List.of("{\"clientId\":\"x\",\"clientSecret\":\"s\",\"secret\":\"s\"}", "secret"),
            List.of("{\"clientId\":\"x\",\"clientSecret\":\"s\",\"type\":\"robot\"}", "type"),
            List.of(
                "{\"clientId\":\"x\",\"clientSecret\":\"s\",\"resources\":[\"not a uri\"]}",
                "resources[0]"),
            List.of(
                "{\"clientId\":\"x\",\"clientSecret\":\"s\",\"resources\":[\"https://undefined.example\"]}",
                "resources"),
            List.of(
                "{\"clientId\":\"x\",\"clientSecret\":\"s\",\"tokenLifetime\":\"1h\"}",
                "tokenLifetime"))) {
      Reply response = EMULATOR.http().post("/_mock/clients", bodyAndField.get(0));
      assertThat(response.status()).as(bodyAndField.get(0)).isEqualTo(400);
      assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(response.json().get("error_description").asText())
          .as(bodyAndField.get(0))
          .startsWith(bodyAndField.get(1));
    }
    assertThat(EMULATOR.http().post("/_mock/clients", "[]").status()).isEqualTo(400);
    assertThat(EMULATOR.http().post("/_mock/clients", "{").status()).isEqualTo(400);
    assertThat(EMULATOR.http().post("/_mock/resources", "{\"tokenLifetime\":\"PT1M\"}"))
        .satisfies(r -> assertThat(r.json().get("error_description").asText()).startsWith("uri"));
  }
}
