package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.testing.TestHttp;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

// Methods of this class run at the same time, each with its own server (instance field).
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentTestsTest {
  private static final int REPETITIONS = 6;
  private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

  @RegisterExtension TransmitMockExtension mock = TransmitMockExtension.builder().build();

  @RepeatedTest(REPETITIONS)
  void concurrent_tests_each_see_only_their_own_requests() {
    PORTS.add(mock.server().port());
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "wrong").status())
        .isEqualTo(401);

    mock.journal().assertTokensIssued("demo-app", 1).assertRejected("demo-app", "invalid_client");
    assertThat(mock.journal().entries()).hasSize(2);
  }

  @AfterAll
  static void every_test_had_a_server_of_its_own() {
    assertThat(PORTS).hasSize(REPETITIONS);
  }
}
