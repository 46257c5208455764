package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.TransmitMockProperties;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** What {@link AutoConfigureTransmitMock} writes into its context's Environment, and where. */
@SpringBootTest(
    classes = OrdersApplication.class,
    properties = "spring.security.oauth2.client.provider.transmit.jwk-set-uri=https://set-by.test")
@AutoConfigureTransmitMock
class EnvironmentPropertiesTest {

  @Autowired Environment environment;

  @Test
  void the_resource_server_properties_name_the_emulators_jwks_and_issuer(TransmitMockHandle mock) {
    assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
        .isEqualTo(mock.jwksUri().toString());
    assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
        .isEqualTo(mock.issuer());
  }

  @Test
  void the_transmit_client_provider_names_the_emulators_token_endpoint(TransmitMockHandle mock) {
    assertThat(environment.getProperty("spring.security.oauth2.client.provider.transmit.token-uri"))
        .isEqualTo(mock.tokenEndpoint().toString());
  }

  @Test
  void the_transmit_mock_properties_are_there_for_placeholders(TransmitMockHandle mock) {
    assertThat(environment.getProperty(TransmitMockProperties.TOKEN_ENDPOINT))
        .isEqualTo(mock.tokenEndpoint().toString());
    assertThat(environment.resolvePlaceholders("${transmit.mock.base-url}/x"))
        .isEqualTo(mock.baseUrl() + "/x");
  }

  @Test
  void a_property_the_test_sets_itself_wins_over_the_emulators() {
    assertThat(
            environment.getProperty("spring.security.oauth2.client.provider.transmit.jwk-set-uri"))
        .isEqualTo("https://set-by.test");
  }

  @Test
  void nothing_is_published_as_a_system_property(TransmitMockHandle mock) {
    // other test classes run JVM-wide emulators too: only this context's values must be absent
    assertThat(System.getProperty(TransmitMockProperties.JWKS_URI))
        .isNotEqualTo(mock.jwksUri().toString());
  }
}
