package dev.transmitmock.spring.test;

import dev.transmitmock.junit.TransmitApplication;
import dev.transmitmock.junit.TransmitClient;
import java.util.List;

/**
 * The attributes of an {@link AutoConfigureTransmitMock} that decide which emulator and beans a
 * context gets: two test classes with equal declarations share one cached context. {@code
 * resetBeforeEach} is left out: it changes what happens between tests, not the context. Annotation
 * values compare by value, so clients declared alike are equal.
 */
record TransmitMockDeclaration(
    String config,
    String issuer,
    String region,
    String tokenLifetime,
    List<TransmitClient> clients,
    List<TransmitApplication> applications,
    boolean verboseErrors,
    List<TransmitRegistration> registrations,
    boolean shareClock) {

  TransmitMockDeclaration {
    clients = List.copyOf(clients);
    applications = List.copyOf(applications);
    registrations = List.copyOf(registrations);
  }

  /** Names the clients and their methods, never their secrets (Spring prints this on failures). */
  @Override
  public String toString() {
    return "TransmitMockDeclaration[config="
        + config
        + ", issuer="
        + issuer
        + ", region="
        + region
        + ", tokenLifetime="
        + tokenLifetime
        + ", clients="
        + clients.stream()
            .map(client -> client.id() + " (" + client.authMethod().wireName() + ")")
            .toList()
        + ", applications="
        + applications.stream().map(TransmitApplication::id).toList()
        + ", verboseErrors="
        + verboseErrors
        + ", registrations="
        + registrations.stream()
            .map(registration -> registration.registrationId() + " -> " + registration.clientId())
            .toList()
        + ", shareClock="
        + shareClock
        + "]";
  }

  static TransmitMockDeclaration of(AutoConfigureTransmitMock annotation) {
    return new TransmitMockDeclaration(
        annotation.config(),
        annotation.issuer(),
        annotation.region(),
        annotation.tokenLifetime(),
        List.of(annotation.clients()),
        List.of(annotation.applications()),
        annotation.verboseErrors(),
        List.of(annotation.registrations()),
        annotation.shareClock());
  }
}
