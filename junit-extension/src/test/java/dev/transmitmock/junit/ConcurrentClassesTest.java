package dev.transmitmock.junit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.testing.TestHttp;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ConcurrentClassesTest {

  @Test
  void annotated_classes_run_in_parallel_each_with_its_own_server() {
    Fixtures.runConcurrently(PerClass1.class, PerClass2.class, PerClass3.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3));
  }

  @Test
  void refuses_one_static_extension_instance_used_by_two_classes_at_once() {
    EngineExecutionResults results = Fixtures.runConcurrently(FirstUser.class, SecondUser.class);

    assertThat(Fixtures.failures(results))
        .singleElement()
        .isInstanceOf(ExtensionConfigurationException.class)
        .satisfies(
            failure ->
                assertThat(failure.getMessage())
                    .contains("already in use by another test class running at the same time")
                    .contains("shared(true)"));
  }

  @TransmitMock(clients = @TransmitClient(id = "one"))
  static class PerClass1 {
    @Test
    void gets_a_token(TransmitMockHandle mock) {
      assertThat(TestHttp.to(mock.tokenEndpoint()).token("one", "one-secret").status())
          .isEqualTo(200);
    }
  }

  @TransmitMock(clients = @TransmitClient(id = "two"))
  static class PerClass2 {
    @Test
    void gets_a_token(TransmitMockHandle mock) {
      assertThat(TestHttp.to(mock.tokenEndpoint()).token("two", "two-secret").status())
          .isEqualTo(200);
      assertThat(TestHttp.to(mock.tokenEndpoint()).token("one", "one-secret").status())
          .isEqualTo(401);
    }
  }

  @TransmitMock(clients = @TransmitClient(id = "three"))
  static class PerClass3 {
    @Test
    void gets_a_token(TransmitMockHandle mock) {
      assertThat(TestHttp.to(mock.tokenEndpoint()).token("three", "three-secret").status())
          .isEqualTo(200);
    }
  }

  /** One extension instance that two classes both register: a mistake under parallel runs. */
  static final class Holder {
    static final TransmitMockExtension MOCK = TransmitMockExtension.builder().build();
    static final CountDownLatch FIRST_ATTACHED = new CountDownLatch(1);
    static final CountDownLatch SECOND_DONE = new CountDownLatch(1);

    private Holder() {}
  }

  static class FirstUser {
    @RegisterExtension static TransmitMockExtension mock = Holder.MOCK;

    @BeforeAll
    static void holdTheServerUntilTheSecondClassTried() throws InterruptedException {
      Holder.FIRST_ATTACHED.countDown();
      Holder.SECOND_DONE.await(30, SECONDS);
    }

    @Test
    void uses_it() {
      assertThat(mock.server().isRunning()).isTrue();
    }
  }

  static class SecondUser {
    @RegisterExtension
    @Order(1)
    static BeforeAllCallback waitForFirst = context -> Holder.FIRST_ATTACHED.await(30, SECONDS);

    @RegisterExtension
    @Order(2)
    static AfterAllCallback signalDone = context -> Holder.SECOND_DONE.countDown();

    @RegisterExtension
    @Order(3)
    static TransmitMockExtension mock = Holder.MOCK;

    @Test
    void never_runs() {}
  }
}
