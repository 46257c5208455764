package dev.transmitmock.spring.test;

import static dev.transmitmock.spring.apps.orders.OrdersApplication.ORDERS_API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Spring's context cache and the emulator: classes declared alike share a context and its emulator,
 * classes declared otherwise get their own, and a closed context stops its emulator.
 */
class ContextSharingTest {

  private static final Map<Class<?>, TransmitMockServer> SEEN = new ConcurrentHashMap<>();

  @Test
  void classes_declared_alike_share_one_emulator_and_others_get_their_own() {
    FixtureRuns.run(DeclaredAlike.class, AlsoDeclaredAlike.class, DeclaredOtherwise.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(SEEN.get(DeclaredAlike.class)).isSameAs(SEEN.get(AlsoDeclaredAlike.class));
    assertThat(SEEN.get(DeclaredOtherwise.class)).isNotSameAs(SEEN.get(DeclaredAlike.class));
  }

  @Test
  void the_emulator_stops_when_its_context_is_closed() {
    FixtureRuns.run(ClosesItsContext.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertThat(SEEN.get(ClosesItsContext.class).isRunning()).isFalse();
  }

  @Test
  void customizers_of_equal_declarations_are_equal_and_of_different_ones_not() {
    TransmitMockContextCustomizerFactory factory = new TransmitMockContextCustomizerFactory();

    Object alike = factory.createContextCustomizer(DeclaredAlike.class, java.util.List.of());
    Object alsoAlike =
        factory.createContextCustomizer(AlsoDeclaredAlike.class, java.util.List.of());
    Object otherwise =
        factory.createContextCustomizer(DeclaredOtherwise.class, java.util.List.of());

    assertThat(alike).isEqualTo(alsoAlike).hasSameHashCodeAs(alsoAlike).isNotEqualTo(otherwise);
    assertThat(factory.createContextCustomizer(ContextSharingTest.class, java.util.List.of()))
        .isNull();
  }

  @Test
  void a_customizer_names_its_clients_but_never_their_secrets() {
    Object customizer =
        new TransmitMockContextCustomizerFactory()
            .createContextCustomizer(ClientWithASecret.class, java.util.List.of());

    assertThat(customizer.toString())
        .contains("orders-svc (client_secret_basic)")
        .doesNotContain("s3cr3t-value");
  }

  @AutoConfigureTransmitMock(clients = @TransmitClient(id = "orders-svc", secret = "s3cr3t-value"))
  static class ClientWithASecret {}

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(clients = @TransmitClient(id = "storefront", resources = ORDERS_API))
  static class DeclaredAlike {
    @Test
    void records_its_emulator(TransmitMockServer server) {
      SEEN.put(DeclaredAlike.class, server);
    }
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(clients = @TransmitClient(id = "storefront", resources = ORDERS_API))
  static class AlsoDeclaredAlike {
    @Test
    void records_its_emulator(TransmitMockServer server) {
      SEEN.put(AlsoDeclaredAlike.class, server);
    }
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(
      clients = @TransmitClient(id = "storefront", resources = ORDERS_API),
      tokenLifetime = "PT5M")
  static class DeclaredOtherwise {
    @Test
    void records_its_emulator(TransmitMockServer server) {
      SEEN.put(DeclaredOtherwise.class, server);
    }
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(tokenLifetime = "PT7M")
  @DirtiesContext
  static class ClosesItsContext {
    @Test
    void records_its_emulator(TransmitMockServer server) {
      SEEN.put(ClosesItsContext.class, server);
    }
  }
}
