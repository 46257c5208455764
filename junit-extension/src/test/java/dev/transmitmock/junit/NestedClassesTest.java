package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NestedClassesTest {
  @RegisterExtension static TransmitMockExtension mock = TransmitMockExtension.builder().build();

  private static TransmitMockServer outer;

  @BeforeAll
  static void rememberTheOuterServer() {
    outer = mock.server();
  }

  @Test
  void moves_the_clock() {
    mock.clock().advance(Duration.ofMinutes(30));
    assertThat(mock.clock().offset()).isEqualTo(Duration.ofMinutes(30));
  }

  @Nested
  class Inner {
    @Test
    void nested_tests_share_the_server_of_the_enclosing_class() {
      assertThat(mock.server()).isSameAs(outer);
    }

    @Test
    void nested_tests_start_from_a_reset_server() {
      assertThat(mock.clock().offset()).isEqualTo(Duration.ZERO);
    }

    @Nested
    class Deeper {
      @Test
      void reaches_the_same_server_two_levels_down(TransmitMockServer server) {
        assertThat(server).isSameAs(outer);
      }
    }
  }
}
