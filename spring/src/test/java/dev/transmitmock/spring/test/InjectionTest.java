package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The emulator as beans and as test method parameters. */
@SpringBootTest(classes = OrdersApplication.class)
@AutoConfigureTransmitMock
class InjectionTest {

  static TransmitMockServer seenBeforeAll;

  @Autowired TransmitMockHandle autowiredHandle;
  @Autowired TransmitMockServer autowiredServer;
  @Autowired Clock clock;

  @BeforeAll
  static void lifecycle_methods_get_the_emulator_too(TransmitMockServer server) {
    seenBeforeAll = server;
  }

  @Test
  void a_handle_parameter_is_the_contexts_emulator(TransmitMockHandle mock) {
    assertThat(mock).isSameAs(autowiredHandle);
    assertThat(mock.server()).isSameAs(autowiredServer).isSameAs(seenBeforeAll);
    assertThat(mock.server().isRunning()).isTrue();
  }

  @Test
  void an_autowired_parameter_is_left_to_spring(@Autowired TransmitMockServer server) {
    assertThat(server).isSameAs(autowiredServer);
  }

  @Test
  void the_emulators_clock_is_the_primary_clock_bean(TransmitMockHandle mock) {
    assertThat(clock).isSameAs(mock.clock());
  }
}
