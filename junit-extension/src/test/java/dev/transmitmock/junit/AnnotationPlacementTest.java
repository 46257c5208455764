package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.TransmitMockServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Annotations placed where they compile but could not take effect are refused with what to do,
 * never ignored. (Placements the compiler refuses, such as {@code @TransmitClient} or
 * {@code @TransmitMock} on a method, need no test: both target types only.)
 */
class AnnotationPlacementTest {

  @Test
  void refuses_a_class_level_client_on_a_class_without_transmit_mock() {
    assertThat(Fixtures.firstFailureOf(ClientWithoutEmulator.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "@TransmitClient(id = \"orders-svc\") on " + ClientWithoutEmulator.class.getName())
        .hasMessageContaining(
            "has no emulator to join: add @TransmitMock to ClientWithoutEmulator");
  }

  @Test
  void refuses_a_class_level_client_on_a_nested_class_that_shares_the_outer_emulator() {
    assertThat(Fixtures.firstFailureOf(ClientOnNestedClass.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TransmitClient(id = \"inner-svc\") on ")
        .hasMessageContaining("Inner shares the emulator of " + ClientOnNestedClass.class.getName())
        .hasMessageContaining("put the client on ClientOnNestedClass next to its @TransmitMock");
  }

  @Test
  void a_nested_class_with_its_own_transmit_mock_gets_its_class_level_clients() {
    Fixtures.run(NestedWithOwnEmulator.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void refuses_a_class_level_client_beside_a_registered_extension() {
    assertThat(Fixtures.firstFailureOf(ClientBesideRegisteredExtension.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TransmitClient(id = \"orders-svc\") on ")
        .hasMessageContaining("declare the client with its builder");
  }

  @Test
  void refuses_a_client_id_declared_both_in_clients_and_on_the_class() {
    assertThat(Fixtures.firstFailureOf(SameClientTwice.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("client \"orders-svc\" is declared twice");
  }

  @Test
  void refuses_inject_transmit_mock_fields_in_a_class_with_a_registered_extension() {
    assertThat(Fixtures.firstFailureOf(InjectedFieldBesideRegisteredExtension.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "@InjectTransmitMock field "
                + InjectedFieldBesideRegisteredExtension.class.getName()
                + ".server is filled by @TransmitMock only")
        .hasMessageContaining("use the extension field itself");
  }

  @Test
  void refuses_an_inject_transmit_mock_parameter_of_a_type_it_cannot_supply() {
    assertThat(Fixtures.firstFailureOf(InjectedParameterOfOtherType.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("@InjectTransmitMock parameter")
        .hasMessageContaining("has type java.lang.String")
        .hasMessageContaining("declare it as TransmitMockServer or TransmitMockHandle");
  }

  @Test
  void an_inject_transmit_mock_parameter_another_resolver_supplies_is_not_silently_resolved() {
    assertThat(Fixtures.firstFailureOf(InjectedParameterAnotherResolverSupplies.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("competing ParameterResolvers")
        .hasMessageContaining(TransmitMockExtension.class.getName());
  }

  @TransmitClient(id = "orders-svc")
  static class ClientWithoutEmulator {
    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class ClientOnNestedClass {
    @Nested
    @TransmitClient(id = "inner-svc")
    class Inner {
      @Test
      void never_runs() {}
    }
  }

  @TransmitMock
  static class NestedWithOwnEmulator {
    @Test
    void the_outer_emulator_lacks_the_inner_client(TransmitMockHandle mock) {
      assertThat(mock.clients().client("inner-svc")).isEmpty();
    }

    @Nested
    @TransmitMock
    @TransmitClient(id = "inner-svc")
    class Inner {
      @Test
      void the_inner_emulator_has_it(TransmitMockHandle mock) {
        assertThat(mock.clients().client("inner-svc")).isPresent();
      }
    }
  }

  @TransmitClient(id = "orders-svc")
  static class ClientBesideRegisteredExtension {
    @RegisterExtension static TransmitMockExtension mock = TransmitMockExtension.builder().build();

    @Test
    void never_runs() {}
  }

  @TransmitMock(clients = @TransmitClient(id = "orders-svc"))
  @TransmitClient(id = "orders-svc", secret = "other-secret")
  static class SameClientTwice {
    @Test
    void never_runs() {}
  }

  static class InjectedFieldBesideRegisteredExtension {
    @RegisterExtension static TransmitMockExtension mock = TransmitMockExtension.builder().build();

    @InjectTransmitMock TransmitMockServer server;

    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class InjectedParameterOfOtherType {
    @Test
    void never_runs(@InjectTransmitMock String tokenEndpoint) {}
  }

  @TransmitMock
  static class InjectedParameterAnotherResolverSupplies {
    @RegisterExtension static ParameterResolver strings = new StringResolver();

    @Test
    void never_runs(@InjectTransmitMock String tokenEndpoint) {}
  }

  /** Another resolver that could supply the parameter: the annotation must not be ignored. */
  static final class StringResolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return "not the emulator's";
    }
  }
}
