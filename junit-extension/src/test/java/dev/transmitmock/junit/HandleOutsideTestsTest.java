package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandleOutsideTestsTest {

  @Test
  void an_extension_that_never_ran_explains_when_its_server_exists() {
    TransmitMockExtension mock = TransmitMockExtension.builder().build();

    assertThatThrownBy(mock::server)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no transmit-mock server is running for this extension")
        .hasMessageContaining("use it from test and lifecycle methods");
    assertThat(mock).hasToString("TransmitMockExtension[not running]");
  }

  @Test
  void the_builder_refuses_a_port_out_of_range() {
    assertThatThrownBy(() -> TransmitMockExtension.builder().port(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port must be between 0 and 65535");
  }

  @Test
  void the_builder_refuses_a_negative_lifetime() {
    assertThatThrownBy(() -> TransmitMockExtension.builder().tokenLifetime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
