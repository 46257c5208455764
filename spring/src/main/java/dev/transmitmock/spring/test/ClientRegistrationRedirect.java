package dev.transmitmock.spring.test;

import dev.transmitmock.client.TransmitRegion;
import dev.transmitmock.protocol.TransmitPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * Gives the client registrations that get their tokens from Transmit the emulator's token endpoint.
 * A registration is Transmit's when its token URI is a Transmit region's token endpoint (under
 * {@code /oidc/token} or {@code /cis/oidc/token}), or the {@code transmit} provider's configured
 * {@code token-uri}. Only loaded when Spring Security's OAuth2 client is on the classpath.
 */
final class ClientRegistrationRedirect {

  private ClientRegistrationRedirect() {}

  static boolean applies(Object bean) {
    return bean instanceof InMemoryClientRegistrationRepository;
  }

  static Object redirect(
      Object bean, TransmitMockConnectionDetails details, Environment environment) {
    Set<String> transmitEndpoints = transmitTokenEndpoints(environment);
    String emulator = details.tokenEndpoint().toString();
    List<ClientRegistration> registrations = new ArrayList<>();
    boolean changed = false;
    for (ClientRegistration registration : (InMemoryClientRegistrationRepository) bean) {
      String tokenUri = registration.getProviderDetails().getTokenUri();
      if (tokenUri != null && transmitEndpoints.contains(tokenUri) && !tokenUri.equals(emulator)) {
        registrations.add(
            ClientRegistration.withClientRegistration(registration).tokenUri(emulator).build());
        changed = true;
      } else {
        registrations.add(registration);
      }
    }
    return changed ? new InMemoryClientRegistrationRepository(registrations) : bean;
  }

  private static Set<String> transmitTokenEndpoints(Environment environment) {
    Set<String> endpoints = new HashSet<>();
    for (TransmitRegion region : TransmitRegion.values()) {
      endpoints.add(region.tokenEndpoint().toString());
      endpoints.add(
          region
              .apiBaseUri()
              .resolve(TransmitPaths.CIS_PREFIX + TransmitPaths.TOKEN_SUFFIX)
              .toString());
    }
    String configured = environment.getProperty(EmulatorProperties.PROVIDER_PREFIX + "token-uri");
    if (configured != null) {
      endpoints.add(configured.trim());
    }
    return endpoints;
  }
}
