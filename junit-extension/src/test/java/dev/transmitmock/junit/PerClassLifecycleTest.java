package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassLifecycleTest {
  @RegisterExtension static TransmitMockExtension mock = TransmitMockExtension.builder().build();

  private static int firstPort;

  @Test
  @Order(1)
  void a_static_field_starts_one_server_for_the_class() {
    firstPort = mock.server().port();
    mock.clock().advance(Duration.ofHours(3));
    mock.clients()
        .putClient(ClientConfig.builder("runtime-svc").secret("runtime-secret").build(), List.of());
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("runtime-svc", "runtime-secret").status())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void the_next_test_gets_the_same_server() {
    assertThat(mock.server().port()).isEqualTo(firstPort);
  }

  @Test
  @Order(3)
  void the_server_is_reset_before_each_test() {
    assertThat(mock.clock().offset()).isEqualTo(Duration.ZERO);
    assertThat(mock.journal().entries()).isEmpty();
    assertThat(mock.clients().client("runtime-svc")).isEmpty();
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("runtime-svc", "runtime-secret").status())
        .isEqualTo(401);
  }

  @AfterAll
  static void the_server_still_runs_in_after_all_methods() {
    assertThat(mock.server().isRunning()).isTrue();
  }
}
