package dev.transmitmock.server.defects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The defect catalog and token minting through {@code /_mock/} and the server's Java API. */
class ControlApiDefectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "https://api.example.test";

  private static TransmitMockServer server;
  private static CarefulConsumer consumer;
  private static CarefulConsumer resourceConsumer;

  @BeforeAll
  static void start() {
    server = TransmitMockServer.builder().build().start();
    consumer = new CarefulConsumer(server, server.config().defaultAudience(), 0);
    resourceConsumer = new CarefulConsumer(server, RESOURCE, 0);
  }

  @AfterAll
  static void stop() {
    consumer.close();
    resourceConsumer.close();
    server.close();
  }

  @AfterEach
  void reset() {
    server.reset();
  }

  private static Reply send(String method, String path, String body) {
    return TestHttp.to(server.baseUrl()).send(method, path, body);
  }

  private static JsonNode json(Reply response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static String mint(String body) throws Exception {
    Reply response = send("POST", "/_mock/tokens", body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return json(response).get("access_token").asText();
  }

  @Test
  void get_defects_lists_the_whole_catalog_with_description_and_reference() throws Exception {
    Reply response = send("GET", "/_mock/defects", null);

    assertThat(response.status()).isEqualTo(200);
    List<String> accessTokenIds = new ArrayList<>();
    List<String> assertionIds = new ArrayList<>();
    List<String> bindingIds = new ArrayList<>();
    for (JsonNode defect : json(response).get("defects")) {
      assertThat(defect.get("description").asText()).isNotBlank();
      assertThat(defect.get("reference").asText()).isNotBlank();
      assertThat(defect.get("expectedRejection").asText()).isNotBlank();
      assertThat(defect.get("skewSensitive").isBoolean()).isTrue();
      switch (defect.get("kind").asText()) {
        case "access-token" -> accessTokenIds.add(defect.get("id").asText());
        case "client-assertion" -> {
          assertionIds.add(defect.get("id").asText());
          assertThat(defect.get("expectedRejection").asText()).isEqualTo("invalid_client");
          assertThat(defect.get("expectedStatus").asInt()).isEqualTo(401);
          assertThat(defect.get("expectedDescription").asText()).isNotBlank();
        }
        case "certificate-binding" -> bindingIds.add(defect.get("id").asText());
        default -> throw new AssertionError("unexpected kind in " + defect);
      }
    }
    assertThat(accessTokenIds)
        .containsExactlyElementsOf(DefectCatalog.all().stream().map(Defect::id).toList());
    assertThat(assertionIds)
        .containsExactlyElementsOf(
            Arrays.stream(AssertionDefect.values()).map(AssertionDefect::id).toList());
    assertThat(bindingIds)
        .containsExactlyElementsOf(
            Arrays.stream(BindingDefect.values()).map(BindingDefect::id).toList());
  }

  @Test
  void get_defects_filters_by_kind_and_refuses_an_unknown_kind() throws Exception {
    JsonNode bindings = json(send("GET", "/_mock/defects?kind=certificate-binding", null));
    Reply unknown = send("GET", "/_mock/defects?kind=cookies", null);

    assertThat(bindings.get("defects"))
        .extracting(d -> d.get("expectedRejection").asText())
        .containsExactly("UNBOUND", "CERTIFICATE_MISMATCH");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(json(unknown).get("error_description").asText())
        .isEqualTo(
            "kind: unknown kind 'cookies'; one of access-token, client-assertion,"
                + " certificate-binding");
  }

  @ParameterizedTest
  @EnumSource(BindingDefect.class)
  void certificate_binding_defects_are_minted_over_http_too(BindingDefect defect) throws Exception {
    String token = mint("{\"clientId\":\"demo-app\",\"defect\":\"" + defect.id() + "\"}");

    java.util.Map<String, Object> cnf =
        SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf");
    if (defect == BindingDefect.MISSING_CNF) {
      assertThat(cnf).isNull();
    } else {
      assertThat(cnf).containsOnlyKeys("x5t#S256");
    }
    assertThat(consumer.rejection(token)).as("a signed, otherwise valid token").isEmpty();
  }

  @Test
  void an_assertion_defect_cannot_be_minted_as_an_access_token() throws Exception {
    Reply response = send("POST", "/_mock/tokens", "{\"defect\":\"assertion-replay\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).get("error_description").asText())
        .startsWith("defect: 'assertion-replay' is a client-assertion defect");
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_defect_minted_over_http_is_rejected_for_its_expected_reason(Defect defect)
      throws Exception {
    String token = mint("{\"clientId\":\"demo-app\",\"defect\":\"" + defect.id() + "\"}");

    assertThat(consumer.rejection(token)).as(defect.id()).contains(defect.expectedRejection());
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_defect_minted_through_the_java_api_is_rejected_for_its_expected_reason(Defect defect) {
    String token =
        server.defectiveToken(
            defect, TokenSpec.builder().clientId("demo-app").resource(RESOURCE).build());

    assertThat(resourceConsumer.rejection(token))
        .as(defect.id())
        .contains(defect.expectedRejection());
  }

  @Test
  void a_token_without_a_defect_is_accepted_and_carries_the_overrides() throws Exception {
    String token =
        mint(
            "{\"clientId\":\"demo-app\",\"resource\":\""
                + RESOURCE
                + "\",\"claims\":{\"roles\":[\"Admin\"],\"app_name\":null},"
                + "\"header\":{\"x-test\":\"yes\"}}");

    assertThat(resourceConsumer.rejection(token)).isEmpty();
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("Admin");
    assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKey("app_name");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(RESOURCE);
    assertThat(jwt.getHeader().getCustomParam("x-test")).isEqualTo("yes");
  }

  @Test
  void a_token_for_the_first_configured_client_needs_no_client_id() throws Exception {
    String token = mint("{}");

    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo("demo-app");
    assertThat(consumer.rejection(token)).isEmpty();
  }

  @Test
  void the_java_api_mints_valid_tokens_with_overrides() throws Exception {
    String token =
        server.mintToken(TokenSpec.builder().clientId("demo-admin").claim("tid", "other").build());

    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("tid")).isEqualTo("other");
    assertThat(consumer.rejection(token)).isEmpty();
  }

  @Test
  void minting_over_http_leaves_the_journal_untouched() throws Exception {
    mint("{\"defect\":\"expired\"}");

    assertThat(server.journal().size()).isZero();
  }

  @Test
  void bad_token_requests_are_400s_naming_the_field() throws Exception {
    for (List<String> bodyAndField :
        List.of(
            List.of("{\"defect\":\"no-such-defect\"}", "defect:"),
            List.of("{\"clientId\":\"nobody\"}", "clientId:"),
            List.of(
                "{\"clientId\":\"demo-app\",\"resource\":\"https://other.example\"}", "resource:"),
            List.of("{\"claims\":[1]}", "claims:"),
            List.of("{\"header\":\"kid\"}", "header:"),
            List.of("{\"defects\":\"expired\"}", "defects:"))) {
      Reply response = send("POST", "/_mock/tokens", bodyAndField.get(0));
      assertThat(response.status()).as(bodyAndField.get(0)).isEqualTo(400);
      assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
      assertThat(json(response).get("error_description").asText())
          .as(bodyAndField.get(0))
          .startsWith(bodyAndField.get(1));
    }
  }
}
