package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@TransmitMock
class FieldInjectionTest {
  @InjectTransmitMock static TransmitMockServer staticServer;

  @InjectTransmitMock TransmitMockServer server;

  @InjectTransmitMock TransmitMockHandle mock;

  TransmitMockServer notAnnotated;

  private static boolean setBeforeAll;

  @BeforeAll
  static void staticFieldIsSetBeforeBeforeAllMethods() {
    setBeforeAll = staticServer != null && staticServer.isRunning();
  }

  @Test
  void injects_static_fields_before_before_all_methods() {
    assertThat(setBeforeAll).isTrue();
  }

  @Test
  void injects_instance_fields_of_both_types_with_the_same_server() {
    assertThat(server).isSameAs(staticServer);
    assertThat(mock.server()).isSameAs(server);
  }

  @Test
  void leaves_fields_without_the_annotation_alone() {
    assertThat(notAnnotated).isNull();
  }

  @Test
  void injected_server_answers_token_requests() {
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }

  @Nested
  class InANestedClass {
    @InjectTransmitMock TransmitMockHandle nestedMock;

    @Test
    void injects_fields_of_the_nested_and_the_enclosing_instance() {
      assertThat(nestedMock.server()).isSameAs(staticServer);
      assertThat(mock.server()).isSameAs(staticServer);
    }
  }
}
