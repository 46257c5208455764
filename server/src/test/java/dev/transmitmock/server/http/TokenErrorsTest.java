package dev.transmitmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ErrorStyle;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.UnassignedResourcePolicy;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the error table (TRANSMIT_FACTS section 3.2): node-oidc-provider's statuses, codes
 * and descriptions, over real HTTP.
 */
class TokenErrorsTest {
  static final String GOOD = "client_id=orders-svc&client_secret=orders-secret";
  static final String FORM = TestHttp.FORM;

  static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start(config(MockConfig.builder()).build());
  }

  static MockConfig.Builder config(MockConfig.Builder builder) {
    return builder
        .resource(ResourceConfig.builder("https://api.orders.example").build())
        .resource(ResourceConfig.builder("https://api.other.example").build())
        .client(
            ClientConfig.builder("orders-svc")
                .secret("orders-secret")
                .resources("https://api.orders.example")
                .build())
        .client(ClientConfig.builder("scoped").secret("scoped-secret").scopes("openid").build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  record Case(
      String name,
      String contentType,
      String body,
      Map<String, String> headers,
      int status,
      String error,
      String description) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> errorTable() {
    return Stream.of(
            new Case(
                "JSON body",
                "application/json",
                "{\"grant_type\":\"client_credentials\"}",
                Map.of(),
                400,
                "invalid_request",
                "only application/x-www-form-urlencoded content-type bodies are supported on POST /token"),
            new Case(
                "no content type: the body is not read",
                null,
                "grant_type=client_credentials&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "no client authentication mechanism provided"),
            new Case(
                "no client authentication",
                FORM,
                "grant_type=client_credentials",
                Map.of(),
                400,
                "invalid_request",
                "no client authentication mechanism provided"),
            new Case(
                "unknown client_id",
                FORM,
                "grant_type=client_credentials&client_id=nobody&client_secret=x",
                Map.of(),
                401,
                "invalid_client",
                "client authentication failed"),
            new Case(
                "wrong secret",
                FORM,
                "grant_type=client_credentials&client_id=orders-svc&client_secret=wrong",
                Map.of(),
                401,
                "invalid_client",
                "client authentication failed"),
            new Case(
                "client_id without a secret",
                FORM,
                "grant_type=client_credentials&client_id=orders-svc",
                Map.of(),
                401,
                "invalid_client",
                "client authentication failed"),
            new Case(
                "secret in both Basic and body",
                FORM,
                "grant_type=client_credentials&client_secret=orders-secret",
                Map.of("Authorization", TestHttp.basic("orders-svc", "orders-secret")),
                400,
                "invalid_request",
                "client authentication must only be provided using one mechanism"),
            new Case(
                "Basic and body client ids differ",
                FORM,
                "grant_type=client_credentials&client_id=scoped",
                Map.of("Authorization", TestHttp.basic("orders-svc", "orders-secret")),
                400,
                "invalid_request",
                "mismatch in body and authorization client ids"),
            new Case(
                "malformed Basic header: not base64",
                FORM,
                "grant_type=client_credentials",
                Map.of("Authorization", "Basic %%%"),
                400,
                "invalid_request",
                "invalid authorization header value format"),
            new Case(
                "malformed Basic header: no colon",
                FORM,
                "grant_type=client_credentials",
                Map.of("Authorization", "Basic b3JkZXJzLXN2Yw=="),
                400,
                "invalid_request",
                "invalid authorization header value format"),
            new Case(
                "malformed Basic header: other scheme",
                FORM,
                "grant_type=client_credentials",
                Map.of("Authorization", "Bearer abc"),
                400,
                "invalid_request",
                "invalid authorization header value format"),
            new Case(
                "missing grant_type",
                FORM,
                GOOD,
                Map.of(),
                400,
                "invalid_request",
                "missing required parameter 'grant_type'"),
            new Case(
                "empty grant_type",
                FORM,
                "grant_type=&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "missing required parameter 'grant_type'"),
            new Case(
                "unknown grant_type",
                FORM,
                "grant_type=foo&" + GOOD,
                Map.of(),
                400,
                "unsupported_grant_type",
                "unsupported grant_type requested"),
            new Case(
                "implicit grant",
                FORM,
                "grant_type=implicit&" + GOOD,
                Map.of(),
                400,
                "unsupported_grant_type",
                "unsupported grant_type requested"),
            new Case(
                "refresh_token grant: tokens cannot be refreshed",
                FORM,
                "grant_type=refresh_token&refresh_token=x&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "requested grant type is not allowed for this client"),
            new Case(
                "password grant",
                FORM,
                "grant_type=password&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "requested grant type is not allowed for this client"),
            new Case(
                "duplicate parameter",
                FORM,
                "grant_type=client_credentials&grant_type=client_credentials&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "'grant_type' parameter must not be provided twice"),
            new Case(
                "unknown resource",
                FORM,
                "grant_type=client_credentials&resource=https%3A%2F%2Fnope.example&" + GOOD,
                Map.of(),
                400,
                "invalid_target",
                "resource indicator is missing, or unknown"),
            new Case(
                "resource not assigned to the client",
                FORM,
                "grant_type=client_credentials&resource=https%3A%2F%2Fapi.other.example&" + GOOD,
                Map.of(),
                400,
                "invalid_target",
                "resource indicator is missing, or unknown"),
            new Case(
                "relative resource",
                FORM,
                "grant_type=client_credentials&resource=api.orders.example&" + GOOD,
                Map.of(),
                400,
                "invalid_target",
                "resource indicator must be an absolute URI"),
            new Case(
                "resource with a fragment",
                FORM,
                "grant_type=client_credentials&resource=https%3A%2F%2Fapi.orders.example%23x&"
                    + GOOD,
                Map.of(),
                400,
                "invalid_target",
                "resource indicator must not contain a fragment component"),
            new Case(
                "two resources",
                FORM,
                "grant_type=client_credentials&resource=https%3A%2F%2Fapi.orders.example"
                    + "&resource=https%3A%2F%2Frisk.identity.security&"
                    + GOOD,
                Map.of(),
                400,
                "invalid_target",
                "only a single resource indicator value is supported for this grant type"),
            new Case(
                "scope not allowed",
                FORM,
                "grant_type=client_credentials&client_id=scoped&client_secret=scoped-secret"
                    + "&scope=openid+email",
                Map.of(),
                400,
                "invalid_scope",
                "requested scope is not allowed"),
            new Case(
                "broken percent-encoding",
                FORM,
                "grant_type=client%ZZcredentials&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "the request body has broken percent-encoding"),
            new Case(
                "invalid UTF-8",
                FORM,
                "grant_type=client_credentials&scope=%C3%28&" + GOOD,
                Map.of(),
                400,
                "invalid_request",
                "the request body is not valid UTF-8"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorTable")
  void answers_the_documented_oauth_error(Case c) {
    Reply reply = emulator.http().post("/oidc/token", c.contentType(), c.body(), c.headers());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(c.status());
    JsonNode body = reply.json();
    assertThat(body.get("error").asText()).isEqualTo(c.error());
    assertThat(body.get("error_description").asText()).isEqualTo(c.description());
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void names_the_refused_scope() {
    Reply reply =
        emulator
            .http()
            .postForm(
                "/oidc/token",
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", "scoped",
                    "client_secret", "scoped-secret",
                    "scope", "email"));

    assertThat(reply.json().get("scope").asText()).isEqualTo("email");
  }

  @Test
  void challenges_with_www_authenticate_when_basic_authentication_fails() {
    Reply reply =
        emulator
            .http()
            .post(
                "/oidc/token",
                FORM,
                "grant_type=client_credentials",
                Map.of("Authorization", TestHttp.basic("orders-svc", "wrong")));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate"))
        .isEqualTo(
            "Basic realm=\"https://userid.security\", error=\"invalid_client\","
                + " error_description=\"client authentication failed\"");
  }

  @Test
  void does_not_challenge_when_the_secret_was_in_the_body() {
    Reply reply = emulator.http().token("orders-svc", "wrong", Map.of());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isNull();
  }

  @Test
  void refuses_a_body_over_the_engines_56_kib_as_unparseable() {
    String huge = "grant_type=client_credentials&padding=" + "x".repeat(70_000) + "&" + GOOD;

    Reply reply = emulator.http().post("/oidc/token", FORM, huge, Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("failed to parse the request body");
  }

  @Test
  void answers_unknown_routes_with_an_oauth_error_not_an_html_page() {
    Reply reply = emulator.http().get("/oidc/nothing-here", Map.of());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("unrecognized route or not allowed method (GET on /oidc/nothing-here)");
  }

  @Test
  void answers_get_on_the_token_endpoint_with_an_oauth_error() {
    Reply reply = emulator.http().get("/oidc/token", Map.of());

    assertThat(reply.status()).isIn(404, 405);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void speaks_transmit_rest_style_when_configured() {
    try (TestEmulator rest =
        TestEmulator.start(
            config(MockConfig.builder()).errorStyle(ErrorStyle.TRANSMIT_REST).build())) {
      Reply reply = rest.http().token("orders-svc", "wrong", Map.of());

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.body())
          .isEqualTo("{\"message\":[\"client authentication failed\"],\"error_code\":401}");
    }
  }

  @Test
  void falls_back_to_the_default_audience_for_unassigned_resources_when_configured()
      throws Exception {
    try (TestEmulator lenient =
        TestEmulator.start(
            config(MockConfig.builder())
                .unassignedResourcePolicy(UnassignedResourcePolicy.DEFAULT_AUDIENCE)
                .build())) {
      String token =
          lenient
              .http()
              .accessToken(
                  "orders-svc", "orders-secret", Map.of("resource", "https://api.other.example"));

      assertThat(TestEmulator.payload(token).get("aud").asText()).isEqualTo("userid-api");
    }
  }
}
