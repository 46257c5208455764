package dev.transmitmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /_mock/openapi.json} describes exactly the routes Javalin registers (a new route
 * without a description, or a described route that does not exist, fails the build) and is a valid
 * OpenAPI 3.1 document for swagger-parser.
 */
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Control routes reachable without the control token. */
  private static final Set<String> OPEN_CONTROL_ROUTES =
      Set.of(
          "GET /_mock/health",
          "GET /_mock/ui",
          "GET /_mock/ui/console.js",
          "GET /_mock/ui/console.css");

  private static TransmitMockServer server;

  /** The application whose routes stand for the described {@code /apps/{appId}/...} ones. */
  private static final String APP_ID = "app-orders";

  @BeforeAll
  static void start() {
    // HTTPS on, control API on, an application with its own keys: every route the emulator can
    // register is registered.
    server =
        TransmitMockServer.builder()
            .https()
            .config(
                ConfigLoader.embeddedDefault().toBuilder()
                    .application(
                        ApplicationConfig.builder(APP_ID)
                            .issuer("https://orders.app.transmitsecurity.io")
                            .build())
                    .build())
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Reply get(URI uri, String bearer) {
    TestHttp http = TestHttp.plain();
    return (bearer == null ? http : http.withBearer(bearer)).get(uri);
  }

  private static JsonNode servedDocument() throws Exception {
    Reply response = get(server.baseUrl().resolve("/_mock/openapi.json"), null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  /** "METHOD /path" of every operation the document describes. */
  private static Set<String> describedRoutes(JsonNode document) {
    Set<String> routes = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (METHODS.contains(method)) {
                  routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
              });
    }
    return routes;
  }

  /**
   * "METHOD /path" of every HTTP endpoint Javalin registered (not before/after handlers), the
   * application's paths written with the {@code {appId}} parameter as the document does.
   */
  private static Set<String> registeredRoutes() {
    Set<String> routes = new TreeSet<>();
    for (ParsedEndpoint parsed : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
      Endpoint endpoint = parsed.endpoint;
      if (endpoint.method.isHttpMethod()) {
        routes.add(
            endpoint.method.name()
                + " "
                + endpoint.path.replace("/apps/" + APP_ID + "/", "/apps/{appId}/"));
      }
    }
    return routes;
  }

  private static SwaggerParseResult parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIParser().readContents(json, null, options);
  }

  @Test
  void every_registered_route_is_described() throws Exception {
    Set<String> undescribed = new TreeSet<>(registeredRoutes());
    undescribed.removeAll(describedRoutes(servedDocument()));

    assertThat(registeredRoutes()).hasSizeGreaterThan(40);
    assertThat(undescribed)
        .as("routes Javalin registers without a description in openapi.yaml")
        .isEmpty();
  }

  @Test
  void every_described_route_exists() throws Exception {
    Set<String> phantom = new TreeSet<>(describedRoutes(servedDocument()));
    phantom.removeAll(registeredRoutes());

    assertThat(phantom)
        .as("routes openapi.yaml describes that Javalin does not register")
        .isEmpty();
  }

  @Test
  void the_served_document_is_valid_openapi_3_1() throws Exception {
    SwaggerParseResult result = parse(servedDocument().toString());

    assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
    OpenAPI openApi = result.getOpenAPI();
    assertThat(openApi).isNotNull();
    assertThat(openApi.getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(openApi.getPaths()).containsKeys("/oidc/token", "/cis/oidc/jwks", "/_mock/clock");
  }

  @Test
  void the_validator_catches_a_broken_document() throws Exception {
    ObjectNode broken = (ObjectNode) servedDocument();
    ((ObjectNode) broken.get("paths").get("/_mock/clock").get("get")).remove("responses");
    ((ObjectNode) broken.get("paths").get("/_mock/keys").get("get"))
        .putObject("responses")
        .putObject("200")
        .put("$ref", "#/components/responses/NoSuchResponse");

    SwaggerParseResult result = parse(broken.toString());

    assertThat(result.getMessages()).isNotEmpty();
    assertThat(String.join("\n", result.getMessages()))
        .contains("responses")
        .contains("NoSuchResponse");
  }

  @Test
  void every_operation_has_a_unique_operation_id_and_a_summary() throws Exception {
    JsonNode document = servedDocument();
    Set<String> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          String where = operation.getKey() + " " + path.getKey();
                          JsonNode op = operation.getValue();
                          if (!op.hasNonNull("summary")) {
                            problems.add(where + ": no summary");
                          }
                          if (!op.hasNonNull("operationId")
                              || !ids.add(op.get("operationId").asText())) {
                            problems.add(where + ": missing or repeated operationId");
                          }
                        }));

    assertThat(problems).isEmpty();
  }

  @Test
  void every_protected_control_operation_documents_the_401_and_404_answers() throws Exception {
    JsonNode document = servedDocument();
    List<String> problems = new ArrayList<>();
    for (String route : describedRoutes(document)) {
      String[] parts = route.split(" ", 2);
      if (!parts[1].startsWith("/_mock/") || OPEN_CONTROL_ROUTES.contains(route)) {
        continue;
      }
      JsonNode responses =
          document
              .get("paths")
              .get(parts[1])
              .get(parts[0].toLowerCase(Locale.ROOT))
              .get("responses");
      if (!responses.has("401") || !responses.has("404")) {
        problems.add(route);
      }
    }

    assertThat(problems).as("control operations without 401 and 404 answers").isEmpty();
  }

  @Test
  void the_transmit_routes_and_the_open_control_routes_need_no_control_token() throws Exception {
    JsonNode paths = servedDocument().get("paths");
    for (String route : describedRoutes(servedDocument())) {
      String[] parts = route.split(" ", 2);
      boolean open = !parts[1].startsWith("/_mock/") || OPEN_CONTROL_ROUTES.contains(route);
      JsonNode security =
          paths.get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT)).get("security");
      if (open) {
        assertThat(security).as(route).isNotNull();
        assertThat(security.toString()).as(route).doesNotContain("controlToken");
      } else {
        assertThat(security).as(route + " inherits the top-level requirement").isNull();
      }
    }
  }

  @Test
  void the_served_document_names_the_base_url_the_caller_used() throws Exception {
    JsonNode servers = servedDocument().get("servers");

    assertThat(servers).hasSize(1);
    assertThat(servers.get(0).get("url").asText()).isEqualTo(server.baseUrl().toString());
  }

  @Test
  void without_a_control_token_the_document_requires_none() throws Exception {
    assertThat(servedDocument().has("security")).isFalse();
  }

  @Test
  void with_a_control_token_the_document_needs_it_and_requires_it_on_control_routes()
      throws Exception {
    try (TransmitMockServer protectedServer =
        TransmitMockServer.builder().controlToken("s3cret").build().start()) {
      URI uri = protectedServer.baseUrl().resolve("/_mock/openapi.json");

      assertThat(get(uri, null).status()).isEqualTo(401);
      JsonNode document = JSON.readTree(get(uri, "s3cret").body());
      assertThat(document.get("security").toString()).isEqualTo("[{\"controlToken\":[]}]");
    }
  }

  @Test
  void with_the_control_api_off_the_document_is_not_served() throws Exception {
    try (TransmitMockServer off = TransmitMockServer.builder().controlApi(false).build().start()) {
      assertThat(get(off.baseUrl().resolve("/_mock/openapi.json"), null).status()).isEqualTo(404);
    }
  }
}
