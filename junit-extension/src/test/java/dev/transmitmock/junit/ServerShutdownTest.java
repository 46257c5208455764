package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.TransmitMockServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension stops every server it started when the test or class that owns it ends, on every
 * supported JUnit version (it does not rely on the Store closing its values), also after failures.
 */
class ServerShutdownTest {
  private static final Map<String, TransmitMockServer> SEEN = new ConcurrentHashMap<>();

  @Test
  void a_class_server_stops_once_its_class_has_finished() {
    Fixtures.run(PerClass.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(SEEN.get("per-class").isRunning()).isFalse();
  }

  @Test
  void the_server_of_a_class_whose_before_all_method_failed_is_stopped() {
    Fixtures.run(FailingBeforeAll.class);

    assertThat(SEEN.get("failing-before-all").isRunning()).isFalse();
  }

  @Test
  void an_instance_field_server_stops_after_its_test_even_when_the_test_failed() {
    Fixtures.run(PerTestFailing.class).testEvents().assertStatistics(stats -> stats.failed(1));

    assertThat(SEEN.get("per-test").isRunning()).isFalse();
  }

  @Test
  void the_outer_server_outlives_its_nested_classes_and_stops_with_the_outer_class() {
    Fixtures.run(OuterWithNested.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(SEEN.get("nested")).isSameAs(SEEN.get("outer-before-all"));
    assertThat(SEEN.get("outer-before-all").isRunning()).isFalse();
  }

  @TransmitMock
  static class PerClass {
    @Test
    void records_its_server(TransmitMockServer server) {
      SEEN.put("per-class", server);
    }
  }

  @TransmitMock
  static class FailingBeforeAll {
    @BeforeAll
    static void fails_after_the_server_started(TransmitMockServer server) {
      SEEN.put("failing-before-all", server);
      throw new IllegalStateException("set-up of the test class failed");
    }

    @Test
    void never_runs() {}
  }

  static class PerTestFailing {
    @RegisterExtension TransmitMockExtension mock = TransmitMockExtension.builder().build();

    @Test
    void fails() {
      SEEN.put("per-test", mock.server());
      throw new AssertionError("the test failed");
    }
  }

  @TransmitMock
  static class OuterWithNested {
    @BeforeAll
    static void records_the_outer_server(TransmitMockServer server) {
      SEEN.put("outer-before-all", server);
    }

    @Nested
    class Inner {
      @Test
      void uses_the_outer_server_while_it_runs(TransmitMockServer server) {
        assertThat(server.isRunning()).isTrue();
        SEEN.put("nested", server);
      }
    }
  }
}
