package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Workspaces of one container, over its control API, the way parallel test classes use them. */
@ExtendWith(RequiresDocker.class)
class WorkspaceContainerIT {
  private static final String CONTROL_TOKEN = "workspace-control-token";

  private static TransmitMockContainer<?> mock;

  @BeforeAll
  static void startContainer() {
    mock = TestImage.container().withControlToken(CONTROL_TOKEN);
    mock.start();
  }

  @AfterAll
  static void stopContainer() {
    if (mock != null) {
      mock.stop();
    }
  }

  @AfterEach
  void deleteWorkspaces() {
    for (String id : mock.control().workspaceIds()) {
      mock.control().workspace(id).delete();
    }
    mock.control().reset();
  }

  private static JWTClaimsSet claims(String token) throws Exception {
    return JWTParser.parse(token).getJWTClaimsSet();
  }

  @Test
  void a_workspace_has_its_own_clients_clock_faults_and_journal() throws Exception {
    try (WorkspaceControl a = mock.control().createWorkspace();
        WorkspaceControl b = mock.control().createWorkspace()) {
      assertThat(a.id()).matches("ws-[0-9a-f]{12}");
      assertThat(a.getTokenEndpoint())
          .isEqualTo(mock.getBaseUrl() + "/_ws/" + a.id() + "/oidc/token");

      a.clients().putClient(ClientDefinition.app("orders-svc", "orders-secret").build());
      a.clock().advance(Duration.ofDays(1));
      a.faults().add(FaultRule.on("token").status(503).clientId("demo-app").build());

      JWTClaimsSet orders = claims(a.getClientCredentialsToken("orders-svc", "orders-secret"));
      assertThat(orders.getIssuer()).isEqualTo(mock.getIssuer());
      assertThat(orders.getIssueTime().toInstant())
          .isAfter(Instant.now().plus(Duration.ofHours(23)));
      assertThatThrownBy(() -> a.getClientCredentialsToken("demo-app", "demo-app-secret"))
          .isInstanceOfSatisfying(
              TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(503));
      assertThatThrownBy(() -> b.getClientCredentialsToken("orders-svc", "orders-secret"))
          .isInstanceOfSatisfying(
              TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(401));
      JWTClaimsSet fromB = claims(b.getClientCredentialsToken("demo-app", "demo-app-secret"));
      assertThat(fromB.getIssueTime().toInstant()).isBefore(Instant.now().plusSeconds(60));
      assertThat(mock.getClientCredentialsToken("demo-app", "demo-app-secret")).isNotBlank();

      assertThat(a.journal().entries()).hasSize(2);
      assertThat(a.journal().issuedTo("orders-svc")).hasSize(1);
      assertThat(b.journal().entries()).hasSize(2);
      assertThat(mock.control().journal().entries()).hasSize(1);
      assertThat(mock.control().clients().clientIds()).doesNotContain("orders-svc");
      assertThat(mock.control().workspaceIds()).containsExactlyInAnyOrder(a.id(), b.id());
    }
    assertThat(mock.control().workspaceIds()).isEmpty();
  }

  @Test
  void resets_stay_inside_their_workspace() {
    WorkspaceControl a = mock.control().createWorkspace("team-a");
    WorkspaceControl b = mock.control().createWorkspace("team-b");
    a.faults().add(FaultRule.on("token").status(500).build());
    b.faults().add(FaultRule.on("token").status(500).build());
    mock.control().faults().add(FaultRule.on("token").status(500).build());

    b.reset();
    mock.control().reset();

    assertThat(b.getClientCredentialsToken("demo-app", "demo-app-secret")).isNotBlank();
    assertThat(mock.getClientCredentialsToken("demo-app", "demo-app-secret")).isNotBlank();
    assertThatThrownBy(() -> a.getClientCredentialsToken("demo-app", "demo-app-secret"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(500));
  }

  @Test
  void next_token_rules_of_a_workspace_shape_only_its_tokens() throws Exception {
    try (WorkspaceControl a = mock.control().createWorkspace()) {
      a.nextToken()
          .install(
              NextTokenRule.forClient("demo-app")
                  .claim("roles", java.util.List.of("Auditor"))
                  .build());

      assertThat(mock.control().nextToken().rules()).isEmpty();
      assertThat(
              claims(mock.getClientCredentialsToken("demo-app", "demo-app-secret"))
                  .getClaim("roles"))
          .isNotEqualTo(java.util.List.of("Auditor"));
      assertThat(
              claims(a.getClientCredentialsToken("demo-app", "demo-app-secret"))
                  .getStringListClaim("roles"))
          .containsExactly("Auditor");
    }
  }

  @Test
  void unknown_taken_and_malformed_ids_are_refused() {
    mock.control().createWorkspace("team-a");

    assertThatThrownBy(() -> mock.control().createWorkspace("team-a"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(() -> mock.control().createWorkspace("Team A"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> mock.control().workspace("ws-000000000000"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(404));
    WorkspaceControl gone = mock.control().workspace("team-a");
    gone.delete();
    assertThatThrownBy(() -> gone.getClientCredentialsToken("demo-app", "demo-app-secret"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
