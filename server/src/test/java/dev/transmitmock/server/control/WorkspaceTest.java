package dev.transmitmock.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.TokenInspection;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.server.workspace.Workspace;
import dev.transmitmock.server.workspace.WorkspaceException;
import dev.transmitmock.server.workspace.Workspaces;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Workspaces over real HTTP: each one's clients, faults, journal, clock and reset stay its own. */
class WorkspaceTest {
  private static final String CLIENT =
      "{\"clientId\":\"ws-only\",\"clientSecret\":\"ws-only-secret\"}";

  private static final String APP = "demo-app";
  private static final String APP_SECRET = "demo-app-secret";

  private static TransmitMockServer server;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    server = TransmitMockServer.builder().build().start();
    http = TestHttp.to(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void clean() {
    server.workspaces().deleteAll();
    server.reset();
  }

  private static JsonNode json0(Reply reply) {
    return reply.json();
  }

  private static Map<String, String> tokenForm(String clientId, String secret) {
    return Map.of(
        "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
  }

  private static JsonNode create() {
    Reply created = http.post("/_mock/workspaces", "");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return json0(created);
  }

  private static Reply token(String prefix, String clientId, String secret) {
    return http.postForm(prefix + "/oidc/token", tokenForm(clientId, secret));
  }

  @Test
  void a_workspace_serves_tokens_that_verify_like_the_roots() throws Exception {
    JsonNode ws = create();
    String id = ws.get("id").asText();

    assertThat(id).matches("ws-[0-9a-f]{12}");
    assertThat(ws.get("tokenEndpoint").asText())
        .isEqualTo(server.baseUrl() + "/_ws/" + id + "/oidc/token");
    assertThat(ws.get("issuer").asText()).isEqualTo(server.issuer());
    Reply issued = token("/_ws/" + id, APP, APP_SECRET);
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    String token = json0(issued).get("access_token").asText();
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo(server.issuer());
    TokenInspection inspection = server.tokenInspector().inspect(token);
    assertThat(inspection.accepted()).as(inspection.findings().toString()).isTrue();
    JsonNode discovery =
        json0(http.get("/_ws/" + id + "/cis/oidc/.well-known/openid-configuration"));
    assertThat(discovery.get("issuer").asText()).isEqualTo(server.issuer());
    assertThat(discovery.get("token_endpoint").asText())
        .isEqualTo(server.baseUrl() + "/_ws/" + id + "/cis/oidc/token");
    assertThat(http.get("/_ws/" + id + "/cis/oidc/jwks").body())
        .isEqualTo(http.get("/cis/oidc/jwks").body());
  }

  @Test
  void clients_registered_in_a_workspace_exist_only_there() {
    String a = create().get("id").asText();
    String b = create().get("id").asText();

    assertThat(http.post("/_ws/" + a + "/_mock/clients", CLIENT).status()).isEqualTo(201);

    assertThat(token("/_ws/" + a, "ws-only", "ws-only-secret").status()).isEqualTo(200);
    assertThat(token("/_ws/" + b, "ws-only", "ws-only-secret").status()).isEqualTo(401);
    assertThat(token("", "ws-only", "ws-only-secret").status()).isEqualTo(401);
    assertThat(json0(http.get("/_ws/" + b + "/_mock/clients")).toString())
        .doesNotContain("ws-only");
    assertThat(server.workspace(a).orElseThrow().clients().client("ws-only")).isPresent();
  }

  @Test
  void faults_journal_and_clock_of_a_workspace_touch_no_other() throws Exception {
    String a = create().get("id").asText();
    String b = create().get("id").asText();
    http.post("/_ws/" + a + "/_mock/faults", "{\"endpoint\":\"token\",\"status\":503}");
    http.post("/_ws/" + a + "/_mock/clock", "{\"advance\":\"PT2H\"}");

    assertThat(token("/_ws/" + a, APP, APP_SECRET).status()).isEqualTo(503);
    Reply fromB = token("/_ws/" + b, APP, APP_SECRET);
    Reply fromRoot = token("", APP, APP_SECRET);
    assertThat(fromB.status()).isEqualTo(200);
    assertThat(fromRoot.status()).isEqualTo(200);
    long iatB =
        SignedJWT.parse(json0(fromB).get("access_token").asText())
            .getJWTClaimsSet()
            .getIssueTime()
            .toInstant()
            .getEpochSecond();
    assertThat(iatB)
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    http.delete("/_ws/" + a + "/_mock/faults");
    long iatA =
        SignedJWT.parse(json0(token("/_ws/" + a, APP, APP_SECRET)).get("access_token").asText())
            .getJWTClaimsSet()
            .getIssueTime()
            .toInstant()
            .getEpochSecond();
    assertThat(iatA - iatB).isBetween(7200L - 60, 7200L + 60);

    JsonNode journalA = json0(http.get("/_ws/" + a + "/_mock/journal"));
    assertThat(journalA.get("size").asInt()).isEqualTo(2);
    assertThat(journalA.get("entries").get(0).get("outcome").asText()).isEqualTo("faulted");
    assertThat(json0(http.get("/_ws/" + a + "/_mock/journal?outcome=faulted")).get("size").asInt())
        .as("query parameters survive the prefix")
        .isEqualTo(2);
    assertThat(
            json0(http.get("/_ws/" + a + "/_mock/journal?outcome=faulted")).get("entries").size())
        .isEqualTo(1);
    assertThat(json0(http.get("/_ws/" + b + "/_mock/journal")).get("size").asInt()).isEqualTo(1);
    assertThat(json0(http.get("/_mock/journal")).get("size").asInt()).isEqualTo(1);
    assertThat(json0(http.get("/_mock/clock")).get("offset").asText()).isEqualTo("PT0S");
    assertThat(json0(http.get("/_ws/" + a + "/_mock/clock")).get("offset").asText())
        .startsWith("PT2H");
  }

  @Test
  void resetting_a_workspace_touches_nothing_else_and_a_root_reset_leaves_workspaces_alone() {
    String a = create().get("id").asText();
    String b = create().get("id").asText();
    http.post("/_ws/" + a + "/_mock/clients", CLIENT);
    http.post("/_ws/" + b + "/_mock/clients", CLIENT);
    http.post("/_mock/clients", CLIENT);

    assertThat(http.post("/_ws/" + a + "/_mock/reset", "").status()).isEqualTo(200);

    assertThat(token("/_ws/" + a, "ws-only", "ws-only-secret").status()).isEqualTo(401);
    assertThat(token("/_ws/" + b, "ws-only", "ws-only-secret").status()).isEqualTo(200);
    assertThat(token("", "ws-only", "ws-only-secret").status()).isEqualTo(200);

    assertThat(http.post("/_mock/reset", "").status()).isEqualTo(200);

    assertThat(token("", "ws-only", "ws-only-secret").status()).isEqualTo(401);
    assertThat(token("/_ws/" + b, "ws-only", "ws-only-secret").status()).isEqualTo(200);
  }

  @Test
  void next_token_rules_of_a_workspace_shape_only_its_tokens_and_its_reset_clears_them() {
    String a = create().get("id").asText();
    Reply installed =
        http.post(
            "/_ws/" + a + "/_mock/next-token",
            "{\"clientId\":\"demo-app\",\"expiresIn\":5,\"times\":2}");
    assertThat(installed.status()).as(installed.body()).isEqualTo(201);

    assertThat(json0(token("", APP, APP_SECRET)).get("expires_in").asInt()).isNotEqualTo(5);
    assertThat(json0(token("/_ws/" + a, APP, APP_SECRET)).get("expires_in").asInt()).isEqualTo(5);
    assertThat(json0(http.get("/_mock/next-token")).get("rules")).isEmpty();
    assertThat(json0(http.get("/_ws/" + a + "/_mock/next-token")).get("rules")).hasSize(1);
    assertThat(server.workspace(a).orElseThrow().nextTokenRules().rules()).hasSize(1);

    http.post("/_ws/" + a + "/_mock/reset", "");

    assertThat(json0(http.get("/_ws/" + a + "/_mock/next-token")).get("rules")).isEmpty();
    assertThat(json0(token("/_ws/" + a, APP, APP_SECRET)).get("expires_in").asInt())
        .isNotEqualTo(5);
    Reply settings = http.get("/_ws/" + a + "/_mock/settings");
    assertThat(settings.status()).isEqualTo(404);
    assertThat(json0(settings).get("error_description").asText()).contains("server-wide");
  }

  @Test
  void a_next_token_rule_with_a_defect_in_a_workspace_mints_that_defect_there_only() {
    String a = create().get("id").asText();
    Reply installed =
        http.post(
            "/_ws/" + a + "/_mock/next-token",
            "{\"clientId\":\"demo-app\",\"defect\":\"expired\"}");
    assertThat(installed.status()).as(installed.body()).isEqualTo(201);

    Reply root = token("", APP, APP_SECRET);
    assertThat(root.status()).as(root.body()).isEqualTo(200);
    TokenInspection rootToken =
        server.tokenInspector().inspect(json0(root).get("access_token").asText());
    assertThat(rootToken.accepted()).as(rootToken.findings().toString()).isTrue();

    Reply shaped = token("/_ws/" + a, APP, APP_SECRET);
    assertThat(shaped.status()).as(shaped.body()).isEqualTo(200);
    TokenInspection inspection =
        server
            .workspace(a)
            .orElseThrow()
            .tokenInspector()
            .inspect(json0(shaped).get("access_token").asText());
    assertThat(inspection.firstReason())
        .as(inspection.findings().toString())
        .contains(Defect.EXPIRED.expectedRejection());
  }

  @Test
  void workspaces_are_listed_read_and_deleted() {
    String a = create().get("id").asText();

    assertThat(json0(http.get("/_mock/workspaces")).get("workspaces").get(0).get("id").asText())
        .isEqualTo(a);
    assertThat(json0(http.get("/_mock/workspaces/" + a)).get("controlUrl").asText())
        .isEqualTo(server.baseUrl() + "/_ws/" + a + "/_mock");
    Reply deleted = http.delete("/_mock/workspaces/" + a);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(json0(deleted).get("deleted").asText()).isEqualTo(a);

    Reply gone = token("/_ws/" + a, APP, APP_SECRET);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(json0(gone).get("error_description").asText()).contains("no workspace " + a);
    assertThat(http.get("/_mock/workspaces/" + a).status()).isEqualTo(404);
    assertThat(http.delete("/_mock/workspaces/" + a).status()).isEqualTo(404);
  }

  @Test
  void bad_ids_taken_ids_and_server_wide_routes_are_refused() {
    Reply named = http.post("/_mock/workspaces", "{\"id\":\"team-a\"}");
    assertThat(named.status()).isEqualTo(201);
    assertThat(json0(named).get("id").asText()).isEqualTo("team-a");

    Reply taken = http.post("/_mock/workspaces", "{\"id\":\"team-a\"}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(json0(taken).get("error").asText()).isEqualTo("conflict");
    Reply bad = http.post("/_mock/workspaces", "{\"id\":\"Team_A\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(json0(bad).get("error_description").asText()).startsWith("id: ");
    assertThat(http.post("/_mock/workspaces", "{\"name\":\"x\"}").status()).isEqualTo(400);
    assertThat(http.post("/_mock/workspaces", "{\"id\":\"root\"}").status()).isEqualTo(400);
    assertThat(http.get("/_ws/Bad_Id/oidc/token").status()).isEqualTo(400);

    Reply keys = http.get("/_ws/team-a/_mock/keys");
    assertThat(keys.status()).isEqualTo(404);
    assertThat(json0(keys).get("error_description").asText()).contains("server-wide");
    assertThat(http.get("/_ws/team-a/_mock/workspaces").status()).isEqualTo(404);
    assertThat(http.get("/_ws/team-a/_mock/nope").status()).isEqualTo(404);
  }

  @Test
  void a_server_holds_at_most_a_thousand_workspaces() {
    List<Workspace> made = new ArrayList<>();
    for (int i = 0; i < Workspaces.MAX_WORKSPACES; i++) {
      made.add(server.createWorkspace());
    }

    Reply refused = http.post("/_mock/workspaces", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(json0(refused).get("error_description").asText()).contains("1000");
    assertThatThrownBy(server::createWorkspace).isInstanceOf(WorkspaceException.class);
    made.get(0).delete();
    assertThat(http.post("/_mock/workspaces", "").status()).isEqualTo(201);
  }

  @Test
  void the_java_api_drives_the_same_workspaces() throws Exception {
    Workspace ws = server.createWorkspace();
    ws.faults().add(FaultRule.on(Endpoint.TOKEN).status(429).times(1));
    ws.clock().advance(Duration.ofDays(1));

    Reply limited = http.postForm(ws.tokenEndpoint(), tokenForm(APP, APP_SECRET));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(http.postForm(ws.tokenEndpoint(), tokenForm(APP, APP_SECRET)).status())
        .isEqualTo(200);
    ws.journal().tokenRequests().forClient(APP).issued().verifyCount(1);
    server.journal().tokenRequests().verifyCount(0);
    assertThat(SignedJWT.parse(ws.tokenFor(APP)).getJWTClaimsSet().getIssueTime().toInstant())
        .isAfter(Instant.now().plus(Duration.ofHours(23)));
    assertThat(ws.tokenEndpoint())
        .isEqualTo(URI.create(server.baseUrl() + "/_ws/" + ws.id() + "/oidc/token"));

    ws.reset();
    assertThat(ws.journal().size()).isZero();
    assertThat(ws.clock().offset()).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> server.workspaces().root().delete())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_workspace_discovery_document_names_its_mtls_endpoints_under_its_prefix() {
    try (TransmitMockServer tls = TransmitMockServer.builder().https().build().start()) {
      Workspace ws = tls.createWorkspace();
      JsonNode discovery =
          json0(
              TestHttp.to(tls.baseUrl())
                  .get(ws.pathPrefix() + "/cis/oidc/.well-known/openid-configuration"));

      assertThat(discovery.path("mtls_endpoint_aliases").path("token_endpoint").asText())
          .isEqualTo(tls.httpsBaseUrl() + ws.pathPrefix() + "/cis/oidc/token");
      assertThat(discovery.get("issuer").asText()).isEqualTo(tls.issuer());
    }
  }

  @Test
  void the_control_token_guards_workspace_routes() {
    try (TransmitMockServer guarded =
        TransmitMockServer.builder().controlToken("s3cret").build().start()) {
      TestHttp anonymous = TestHttp.to(guarded.baseUrl());
      TestHttp authorized = anonymous.withBearer("s3cret");
      assertThat(anonymous.post("/_mock/workspaces", "").status()).isEqualTo(401);
      String id = json0(authorized.post("/_mock/workspaces", "")).get("id").asText();
      assertThat(anonymous.get("/_ws/" + id + "/_mock/journal").status()).isEqualTo(401);
      assertThat(authorized.get("/_ws/" + id + "/_mock/journal").status()).isEqualTo(200);
    }
  }
}
