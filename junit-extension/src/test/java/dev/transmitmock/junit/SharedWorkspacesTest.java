package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @TransmitMock(shared = true)}: one server for the run, a workspace per test class, so
 * classes running at the same time neither see each other's clients nor undo each other's faults
 * and clock by their per-test resets.
 */
class SharedWorkspacesTest {
  /** Both classes meet here twice: once set up, once done with the other's checks. */
  static final CyclicBarrier MEET = new CyclicBarrier(2);

  static final Set<TransmitMockServer> SERVERS = ConcurrentHashMap.newKeySet();
  static final Set<String> WORKSPACES = ConcurrentHashMap.newKeySet();
  static final AtomicReference<TransmitMockServer> LAST = new AtomicReference<>();

  private static EngineExecutionResults runInParallel(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(
            java.util.Arrays.stream(classes)
                .map(c -> selectClass(c))
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter(
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .execute();
  }

  @Test
  void parallel_shared_classes_each_get_a_workspace_and_do_not_undo_each_other() {
    SERVERS.clear();
    WORKSPACES.clear();
    MEET.reset();

    EngineExecutionResults results = runInParallel(FaultyClass.class, CalmClass.class);

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SERVERS).as("one shared server").hasSize(1);
    assertThat(WORKSPACES).as("one workspace per class").hasSize(2);
    TransmitMockServer server = SERVERS.iterator().next();
    assertThat(server.workspaces().list()).as("deleted after their classes").isEmpty();
  }

  @Test
  void nested_classes_use_their_outer_class_workspace_and_handles_make_workspaces() {
    EngineExecutionResults results = runInParallel(WithNested.class);

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
  }

  @Test
  void generated_clients_authenticate_at_the_workspace_with_assertions_naming_it() {
    EngineExecutionResults results = runInParallel(WithKeyClient.class);

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void a_workspace_handle_outside_a_shared_class_is_refused_with_what_to_do() {
    Throwable failure = Fixtures.firstFailureOf(NotShared.class);

    assertThat(failure)
        .isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class)
        .hasMessageContaining("@TransmitMock(shared = true)")
        .hasMessageContaining("createWorkspace()");
  }

  /**
   * A client-credentials request to exactly this token endpoint (a workspace's keeps its prefix).
   */
  private static Reply token(java.net.URI tokenEndpoint, String clientId, String secret) {
    return TestHttp.plain()
        .postForm(
            tokenEndpoint,
            java.util.Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                secret));
  }

  private static void meet() {
    try {
      MEET.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the other class did not run at the same time", e);
    }
  }

  @TransmitMock(shared = true)
  @TransmitClient(id = "faulty")
  static class FaultyClass {
    @Test
    void its_fault_and_clock_stay_its_own(TransmitMockHandle mock) {
      SERVERS.add(mock.server());
      WORKSPACES.add(mock.workspace().orElseThrow().id());
      assertThat(mock.tokenEndpoint().getPath()).matches("/_ws/ws-[0-9a-f]{12}/oidc/token");
      mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(503));
      mock.clock().advance(Duration.ofDays(1));

      meet(); // the other class now resets its workspace and requests tokens
      meet();

      assertThat(token(mock.tokenEndpoint(), "faulty", "faulty-secret").status())
          .as("its fault survived the other class's reset")
          .isEqualTo(503);
      assertThat(mock.clock().offset()).isEqualTo(Duration.ofDays(1));
      assertThat(mock.journal().tokenRequests()).hasSize(1);
    }
  }

  @TransmitMock(shared = true)
  @TransmitClient(id = "calm")
  @Execution(ExecutionMode.SAME_THREAD) // its tests one after the other, beside FaultyClass
  static class CalmClass {
    @BeforeEach
    void record(TransmitMockHandle mock) {
      SERVERS.add(mock.server());
      WORKSPACES.add(mock.workspace().orElseThrow().id());
    }

    @Test
    void sees_neither_the_others_client_nor_its_fault_nor_its_clock(TransmitMockHandle mock) {
      meet();
      mock.reset(); // what the extension does before each test: this workspace only

      Reply calm = token(mock.tokenEndpoint(), "calm", "calm-secret");
      assertThat(calm.status()).as(calm.body()).isEqualTo(200);
      assertThat(calm.claims().getIssueTime().toInstant())
          .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
      assertThat(calm.claims().getIssuer()).isEqualTo(mock.issuer());
      assertThat(token(mock.tokenEndpoint(), "faulty", "faulty-secret").status()).isEqualTo(401);
      assertThat(token(mock.server().tokenEndpoint(), "calm", "calm-secret").status())
          .as("the class's client is in its workspace, not on the shared server")
          .isEqualTo(401);
      meet();
    }

    @Test
    void its_clients_survive_the_reset_before_each_test(
        TransmitMockHandle mock,
        @InjectTransmitMock(client = "calm") TransmitClientCredentials calm) {
      assertThat(calm.tokenEndpoint()).isEqualTo(mock.tokenEndpoint());
      Reply issued = TestHttp.plain().send(calm.tokenRequest());
      assertThat(issued.status()).as(issued.body()).isEqualTo(200);
      assertThat(mock.properties().get(TransmitMockProperties.TOKEN_ENDPOINT))
          .isEqualTo(mock.tokenEndpoint().toString());
      mock.journal().assertTokensIssued("calm", 1);
    }
  }

  @TransmitMock(shared = true)
  @TransmitClient(id = "outer")
  static class WithNested {
    @Test
    void makes_a_workspace_of_its_own_on_demand(TransmitMockHandle mock) {
      try (WorkspaceHandle extra = mock.createWorkspace()) {
        assertThat(extra.id()).isNotEqualTo(mock.workspace().orElseThrow().id());
        extra.faults().add(FaultRule.on(Endpoint.TOKEN).status(500));
        assertThat(token(extra.tokenEndpoint(), "demo-app", "demo-app-secret").status())
            .isEqualTo(500);
        assertThat(token(mock.tokenEndpoint(), "demo-app", "demo-app-secret").status())
            .isEqualTo(200);
        LAST.set(mock.server());
        WORKSPACES.add(extra.id());
      }
      assertThat(mock.server().workspaces().list())
          .extracting(ws -> ws.id())
          .containsExactly(mock.workspace().orElseThrow().id());
    }

    @Test
    void injects_the_class_workspace(WorkspaceHandle workspace, TransmitMockHandle mock) {
      assertThat(workspace.id()).isEqualTo(mock.workspace().orElseThrow().id());
      assertThat(workspace.introspectionEndpoint().getPath())
          .isEqualTo("/_ws/" + workspace.id() + "/cis/oidc/token/introspection");
    }

    @Nested
    class Inner {
      @Test
      void shares_the_outer_workspace_and_its_clients(WorkspaceHandle workspace) {
        assertThat(workspace.clients().client("outer")).isPresent();
        assertThat(token(workspace.tokenEndpoint(), "outer", "outer-secret").status())
            .isEqualTo(200);
        assertThat(List.of(workspace.server().workspaces().list().size())).containsAnyOf(1, 2);
      }
    }
  }

  @TransmitMock(shared = true)
  @TransmitClient(id = "batch-svc", authMethod = AuthMethod.PRIVATE_KEY_JWT)
  @Execution(ExecutionMode.SAME_THREAD)
  static class WithKeyClient {
    @Test
    void next_token_rules_shape_only_its_workspace(TransmitMockHandle mock) {
      mock.nextToken("demo-app").expiresIn(Duration.ofSeconds(7)).install();

      assertThat(mock.server().nextTokenRules().rules()).isEmpty();
      Reply root = token(mock.server().tokenEndpoint(), "demo-app", "demo-app-secret");
      assertThat(root.body()).doesNotContain("\"expires_in\":7");
      Reply shaped = token(mock.tokenEndpoint(), "demo-app", "demo-app-secret");
      assertThat(shaped.body()).contains("\"expires_in\":7");
    }

    @Test
    void gets_a_token_from_its_workspace(
        TransmitMockHandle mock,
        @InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch) {
      assertThat(batch.tokenEndpoint()).isEqualTo(mock.tokenEndpoint());
      mock.clock().advance(Duration.ofHours(3)); // the assertion is stamped on this clock

      Reply issued = TestHttp.plain().send(batch.tokenRequest());

      assertThat(issued.status()).as(issued.body()).isEqualTo(200);
      mock.journal().assertTokensIssued("batch-svc", 1);
      assertThat(mock.server().journal().tokenRequests().count()).isZero();
    }
  }

  @TransmitMock
  static class NotShared {
    @Test
    void wants_a_workspace(WorkspaceHandle workspace) {}
  }
}
