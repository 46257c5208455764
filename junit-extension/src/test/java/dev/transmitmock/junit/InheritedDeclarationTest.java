package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.EmulatedOrdersBase;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.Test;

/** A subclass inherits {@code @TransmitMock} and the class-level clients of its base class. */
class InheritedDeclarationTest extends EmulatedOrdersBase {

  @Test
  void a_subclass_gets_the_clients_declared_on_its_base_class(TransmitMockHandle mock) {
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret").status())
        .isEqualTo(200);
  }
}
