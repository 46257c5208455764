package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.junit.support.JupiterVersion;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedServerTest {
  private static final Map<Class<?>, TransmitMockServer> SEEN = new ConcurrentHashMap<>();

  @Test
  void classes_with_equal_settings_share_one_server_for_the_run() {
    Fixtures.run(SharedA.class, SharedB.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(SEEN.get(SharedA.class)).isSameAs(SEEN.get(SharedB.class));
  }

  @Test
  void classes_with_other_settings_get_their_own_shared_server() {
    Fixtures.run(SharedA.class, SharedWithOtherIssuer.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(SEEN.get(SharedA.class)).isNotSameAs(SEEN.get(SharedWithOtherIssuer.class));
  }

  @Test
  void the_shared_server_stops_when_the_run_ends() {
    assumeTrue(
        JupiterVersion.storeClosesAutoCloseables(),
        "Jupiter " + JupiterVersion.version() + " closes no AutoCloseable store values");

    Fixtures.run(SharedA.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(SEEN.get(SharedA.class).isRunning()).isFalse();
  }

  @Test
  void before_jupiter_5_13_the_shared_server_runs_until_the_jvm_exits() {
    assumeFalse(
        JupiterVersion.storeClosesAutoCloseables(),
        "Jupiter " + JupiterVersion.version() + " stops it when the run ends");

    Fixtures.run(SharedA.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    TransmitMockServer server = SEEN.get(SharedA.class);
    assertThat(server.isRunning()).isTrue();
    server.close(); // the exit hook would stop it when this test JVM ends
  }

  @Test
  void annotation_and_programmatic_registrations_share_when_settings_are_equal() {
    Fixtures.run(SharedA.class, SharedProgrammatic.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(SEEN.get(SharedProgrammatic.class)).isSameAs(SEEN.get(SharedA.class));
  }

  @Test
  void shared_servers_run_classes_in_parallel_without_resets() {
    Fixtures.runConcurrently(SharedNoReset1.class, SharedNoReset2.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(8).succeeded(8));

    assertThat(SEEN.get(SharedNoReset1.class)).isSameAs(SEEN.get(SharedNoReset2.class));
  }

  @TransmitMock(shared = true)
  static class SharedA {
    @Test
    void records_its_server(TransmitMockServer server) {
      SEEN.put(SharedA.class, server);
      assertThat(TestHttp.to(server.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
          .isEqualTo(200);
    }
  }

  @TransmitMock(shared = true)
  static class SharedB {
    @Test
    void records_its_server(TransmitMockServer server) {
      SEEN.put(SharedB.class, server);
    }
  }

  @TransmitMock(shared = true, issuer = "https://other.userid.example")
  static class SharedWithOtherIssuer {
    @Test
    void records_its_server(TransmitMockServer server) {
      SEEN.put(SharedWithOtherIssuer.class, server);
    }
  }

  static class SharedProgrammatic {
    @RegisterExtension
    static TransmitMockExtension mock = TransmitMockExtension.builder().shared(true).build();

    @Test
    void records_its_server() {
      SEEN.put(SharedProgrammatic.class, mock.server());
    }
  }

  @TransmitMock(shared = true, resetBeforeEach = false)
  static class SharedNoReset1 {
    @Test
    void one(TransmitMockServer server) {
      request(server, SharedNoReset1.class);
    }

    @Test
    void two(TransmitMockServer server) {
      request(server, SharedNoReset1.class);
    }

    @Test
    void three(TransmitMockServer server) {
      request(server, SharedNoReset1.class);
    }

    @Test
    void four(TransmitMockServer server) {
      request(server, SharedNoReset1.class);
    }
  }

  @TransmitMock(shared = true, resetBeforeEach = false)
  static class SharedNoReset2 {
    @Test
    void one(TransmitMockServer server) {
      request(server, SharedNoReset2.class);
    }

    @Test
    void two(TransmitMockServer server) {
      request(server, SharedNoReset2.class);
    }

    @Test
    void three(TransmitMockServer server) {
      request(server, SharedNoReset2.class);
    }

    @Test
    void four(TransmitMockServer server) {
      request(server, SharedNoReset2.class);
    }
  }

  private static void request(TransmitMockServer server, Class<?> fixture) {
    SEEN.put(fixture, server);
    assertThat(TestHttp.to(server.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }
}
