package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@TransmitMock
class ParameterInjectionTest {
  private static TransmitMockServer fromBeforeAll;

  @BeforeAll
  static void remember(TransmitMockServer server) {
    fromBeforeAll = server;
  }

  @Test
  void provides_the_server_as_a_test_method_parameter(TransmitMockServer server) {
    Reply response = TestHttp.to(server.tokenEndpoint()).token("demo-app", "demo-app-secret");

    assertThat(response.status()).isEqualTo(200);
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  void provides_a_handle_as_a_test_method_parameter(TransmitMockHandle mock) throws Exception {
    Reply response = TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret");

    assertThat(response.claims().getIssuer()).isEqualTo(mock.issuer());
    assertThat(mock.journal().tokensIssuedTo("demo-app")).isEqualTo(1);
  }

  @Test
  void provides_the_same_server_to_lifecycle_methods_and_tests(TransmitMockServer server) {
    assertThat(server).isSameAs(fromBeforeAll);
  }

  @Test
  void serves_the_jwks_on_loopback(TransmitMockHandle mock) {
    assertThat(mock.baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(TestHttp.plain().get(mock.jwksUri()).status()).isEqualTo(200);
  }

  @BeforeEach
  void servesBeforeEachMethods(TransmitMockHandle mock) {
    assertThat(mock.server().isRunning()).isTrue();
  }
}
