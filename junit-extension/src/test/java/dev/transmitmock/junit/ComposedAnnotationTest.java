package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** {@code @TransmitMock} and {@code @TransmitClient} inside an annotation of the team's own. */
@ComposedAnnotationTest.OrdersEmulator
class ComposedAnnotationTest {
  static final String ORDERS = "https://api.orders.example";

  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @TransmitMock(issuer = "https://orders.userid.example")
  @TransmitClient(id = "orders-svc", secret = "orders-secret", resources = ORDERS)
  @interface OrdersEmulator {}

  @Test
  void a_composed_annotation_starts_the_emulator_with_its_settings_and_clients(
      TransmitMockHandle mock) {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret", ORDERS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getIssuer()).isEqualTo("https://orders.userid.example");
  }
}
