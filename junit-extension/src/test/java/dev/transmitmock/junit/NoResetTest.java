package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TransmitMock(resetBeforeEach = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoResetTest {

  @Test
  @Order(1)
  void moves_the_clock(TransmitMockHandle mock) {
    mock.clock().advance(Duration.ofMinutes(10));
  }

  @Test
  @Order(2)
  void keeps_state_between_tests_when_reset_is_off(TransmitMockHandle mock) {
    assertThat(mock.clock().offset()).isGreaterThanOrEqualTo(Duration.ofMinutes(9));
  }
}
