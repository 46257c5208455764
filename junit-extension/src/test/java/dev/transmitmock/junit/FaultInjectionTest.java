package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TransmitMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

  @Test
  @Order(1)
  void injects_a_fault_into_the_next_token_request(TransmitMockHandle mock) {
    mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));

    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(503);
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void leaves_a_fault_in_force_for_the_rest_of_the_test(TransmitMockHandle mock) {
    mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(500));

    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(500);
  }

  @Test
  @Order(3)
  void clears_faults_before_each_test(TransmitMockHandle mock) {
    assertThat(mock.faults().isEmpty()).isTrue();
    assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }
}
