package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestLifecycleTest {
  @RegisterExtension TransmitMockExtension mock = TransmitMockExtension.builder().build();

  private static TransmitMockServer previous;

  @Test
  @Order(1)
  void an_instance_field_starts_a_server_for_the_test() {
    previous = mock.server();
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void the_next_test_gets_a_new_server_and_the_previous_one_is_stopped() {
    assertThat(mock.server()).isNotSameAs(previous);
    assertThat(previous.isRunning()).isFalse();
    assertThat(mock.journal().entries()).isEmpty();
  }

  @Test
  @Order(3)
  void the_extension_is_also_resolved_as_a_parameter(TransmitMockServer server) {
    assertThat(server).isSameAs(mock.server());
  }
}
