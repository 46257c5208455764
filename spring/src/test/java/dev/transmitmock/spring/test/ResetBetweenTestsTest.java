package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;

/** The emulator is reset before each test method: time moved by one test is back for the next. */
@SpringBootTest(classes = OrdersApplication.class)
@AutoConfigureTransmitMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

  @Test
  @Order(1)
  void a_test_moves_the_clock_a_day_ahead(TransmitMockHandle mock) {
    mock.clock().advance(Duration.ofDays(1));

    assertThat(mock.clock().instant()).isAfter(Instant.now().plus(Duration.ofHours(23)));
  }

  @Test
  @Order(2)
  void the_next_test_finds_the_clock_back_at_system_time(TransmitMockHandle mock) {
    assertThat(mock.clock().instant()).isBefore(Instant.now().plus(Duration.ofHours(1)));
  }
}
