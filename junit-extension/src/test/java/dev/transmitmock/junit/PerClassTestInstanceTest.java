package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TransmitMock
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassTestInstanceTest {
  private final TransmitMockServer fromConstructor;

  PerClassTestInstanceTest(TransmitMockServer server) {
    this.fromConstructor = server;
  }

  @Test
  void injects_the_server_into_the_constructor_of_a_per_class_instance(TransmitMockServer server) {
    assertThat(fromConstructor).isSameAs(server);
    assertThat(TestHttp.to(server.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }
}
