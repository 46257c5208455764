package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.TransmitMockServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

class MisuseTest {

  @Test
  void refuses_the_annotation_together_with_a_registered_extension() {
    assertThat(Fixtures.firstFailureOf(AnnotationAndRegisteredExtension.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("uses both @TransmitMock and a registered TransmitMockExtension")
        .hasMessageContaining("keep one");
  }

  @Test
  void refuses_an_annotated_nested_class_inside_a_class_with_a_registered_extension() {
    assertThat(Fixtures.firstFailureOf(RegisteredOuterAnnotatedNested.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("uses both @TransmitMock");
  }

  @Test
  void says_where_to_put_a_config_resource_that_is_not_found() {
    assertThat(Fixtures.firstFailureOf(MissingConfig.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("\"no-such-config.yaml\" not found on the test classpath")
        .hasMessageContaining("src/test/resources/no-such-config.yaml")
        .hasMessageContaining(MissingConfig.class.getName());
  }

  @Test
  void reports_an_invalid_config_resource_with_the_path_of_the_error() {
    assertThat(Fixtures.firstFailureOf(BrokenConfig.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("classpath:broken-config.yaml")
        .hasMessageContaining("clients[0].resources[0]");
  }

  @Test
  void lists_the_known_regions_for_an_unknown_one() {
    assertThat(Fixtures.firstFailureOf(UnknownRegion.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("unknown region \"mars\"")
        .hasMessageContaining("US, EU, CA, AU");
  }

  @Test
  void shows_the_iso_8601_form_for_a_bad_duration() {
    assertThat(Fixtures.firstFailureOf(BadDuration.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("tokenLifetime")
        .hasMessageContaining("\"5m\" is not an ISO-8601 duration")
        .hasMessageContaining("PT5M");
  }

  @Test
  void shows_the_iso_8601_form_for_a_bad_client_lifetime() {
    assertThat(Fixtures.firstFailureOf(BadClientLifetime.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TransmitClient(id = \"orders-svc\")")
        .hasMessageContaining("\"1 hour\" is not an ISO-8601 duration");
  }

  @Test
  void asks_for_an_absolute_resource_uri() {
    assertThat(Fixtures.firstFailureOf(RelativeResource.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("resource \"orders\" is not an absolute URI");
  }

  @Test
  void refuses_to_inject_into_a_field_of_another_type() {
    assertThat(Fixtures.firstFailureOf(WrongFieldType.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("WrongFieldType.server has type java.lang.String")
        .hasMessageContaining("declare it as TransmitMockServer or TransmitMockHandle");
  }

  @Test
  void refuses_to_inject_into_a_final_field() {
    assertThat(Fixtures.firstFailureOf(FinalField.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("is final");
  }

  @Test
  void says_when_a_fixed_port_is_in_use() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      busyPort = busy.getLocalPort(); // read when BusyPort is initialised, on the engine below

      assertThat(Fixtures.firstFailureOf(BusyPort.class))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("cannot start transmit-mock on port " + busy.getLocalPort())
          .hasMessageContaining("Use port 0 to get a free one");
    }
  }

  private static volatile int busyPort;

  static class BusyPort {
    @RegisterExtension
    static TransmitMockExtension mock = TransmitMockExtension.builder().port(busyPort).build();

    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class AnnotationAndRegisteredExtension {
    @RegisterExtension static TransmitMockExtension mock = TransmitMockExtension.builder().build();

    @Test
    void never_runs() {}
  }

  static class RegisteredOuterAnnotatedNested {
    @RegisterExtension static TransmitMockExtension mock = TransmitMockExtension.builder().build();

    @Nested
    @TransmitMock
    class Inner {
      @Test
      void never_runs() {}
    }
  }

  @TransmitMock(config = "no-such-config.yaml")
  static class MissingConfig {
    @Test
    void never_runs() {}
  }

  @TransmitMock(config = "broken-config.yaml")
  static class BrokenConfig {
    @Test
    void never_runs() {}
  }

  @TransmitMock(region = "mars")
  static class UnknownRegion {
    @Test
    void never_runs() {}
  }

  @TransmitMock(tokenLifetime = "5m")
  static class BadDuration {
    @Test
    void never_runs() {}
  }

  @TransmitMock(clients = @TransmitClient(id = "orders-svc", lifetime = "1 hour"))
  static class BadClientLifetime {
    @Test
    void never_runs() {}
  }

  @TransmitMock(clients = @TransmitClient(id = "orders-svc", resources = "orders"))
  static class RelativeResource {
    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class WrongFieldType {
    @InjectTransmitMock String server;

    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class FinalField {
    @InjectTransmitMock final TransmitMockServer server = null;

    @Test
    void never_runs() {}
  }
}
