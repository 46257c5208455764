package dev.transmitmock.spring.test;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.config.ClientConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The properties {@link AutoConfigureTransmitMock} writes into its context's {@code Environment}:
 * Spring Security's resource server and the {@code transmit} client provider pointed at the
 * emulator, the declared registrations' credentials, and the {@code transmit.mock.*} values.
 */
final class EmulatorProperties {

  /** The property source's name, as listed by {@code /actuator/env}. */
  static final String SOURCE_NAME = "transmit-mock";

  /** The OAuth2 client provider id the registrations are pointed at. */
  static final String PROVIDER = "transmit";

  static final String RESOURCE_SERVER = "spring.security.oauth2.resourceserver.jwt.";
  static final String PROVIDER_PREFIX = "spring.security.oauth2.client.provider." + PROVIDER + ".";
  static final String REGISTRATION_PREFIX = "spring.security.oauth2.client.registration.";

  /** Spring's name for {@code @DynamicPropertySource} values (not a public constant in 6.2). */
  private static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

  private EmulatorProperties() {}

  /**
   * Adds the properties ahead of the application's configuration and behind the test's own
   * properties, which a test sets on purpose.
   *
   * @throws IllegalStateException when a registration names a client the emulator does not have
   */
  static void addTo(
      ConfigurableEnvironment environment,
      TransmitMockHandle mock,
      List<TransmitRegistration> registrations,
      String where) {
    MapPropertySource source =
        new MapPropertySource(SOURCE_NAME, values(environment, mock, registrations, where));
    MutablePropertySources sources = environment.getPropertySources();
    Optional<String> lastTestSource =
        sources.stream()
            .map(PropertySource::getName)
            .filter(
                name ->
                    name.equals(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)
                        || name.equals(DYNAMIC_TEST_PROPERTIES))
            .reduce((first, second) -> second);
    if (lastTestSource.isPresent()) {
      sources.addAfter(lastTestSource.get(), source);
    } else {
      sources.addFirst(source);
    }
  }

  private static Map<String, Object> values(
      ConfigurableEnvironment environment,
      TransmitMockHandle mock,
      List<TransmitRegistration> registrations,
      String where) {
    Map<String, Object> values = new LinkedHashMap<>(mock.properties());
    values.put(RESOURCE_SERVER + "jwk-set-uri", mock.jwksUri().toString());
    values.put(RESOURCE_SERVER + "issuer-uri", mock.issuer());
    values.put(PROVIDER_PREFIX + "token-uri", mock.tokenEndpoint().toString());
    values.put(PROVIDER_PREFIX + "jwk-set-uri", mock.jwksUri().toString());
    for (TransmitRegistration registration : registrations) {
      ClientConfig client = client(mock, registration, where);
      String prefix = REGISTRATION_PREFIX + registration.registrationId().trim() + ".";
      values.put(prefix + "provider", PROVIDER);
      values.put(prefix + "client-id", client.clientId());
      if (client.authMethod().usesSecret()) {
        values.put(prefix + "client-secret", client.clientSecret());
      }
      values.put(prefix + "authorization-grant-type", "client_credentials");
      if (!environment.containsProperty(prefix + "client-authentication-method")) {
        values.put(prefix + "client-authentication-method", client.authMethod().wireName());
      }
    }
    return values;
  }

  private static ClientConfig client(
      TransmitMockHandle mock, TransmitRegistration registration, String where) {
    List<ClientConfig> clients = mock.server().config().clients();
    return clients.stream()
        .filter(client -> client.clientId().equals(registration.clientId().trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    where
                        + ": @TransmitRegistration(registrationId = \""
                        + registration.registrationId()
                        + "\", clientId = \""
                        + registration.clientId()
                        + "\") names a client the emulator does not have; declare it with"
                        + " clients = @TransmitClient(id = \""
                        + registration.clientId()
                        + "\", ...) or in the configuration. Its clients: "
                        + clients.stream()
                            .map(ClientConfig::clientId)
                            .collect(Collectors.joining(", "))));
  }
}
