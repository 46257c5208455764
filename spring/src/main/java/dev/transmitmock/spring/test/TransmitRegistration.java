package dev.transmitmock.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points one of the application's OAuth2 client registrations ({@code
 * spring.security.oauth2.client.registration.<registrationId>}) at the emulator of {@link
 * AutoConfigureTransmitMock}, with the credentials of one of its clients.
 *
 * <pre>{@code
 * @AutoConfigureTransmitMock(
 *     clients = @TransmitClient(id = "orders-svc", resources = "https://api.inventory.example"),
 *     registrations = @TransmitRegistration(registrationId = "transmit-inventory",
 *         clientId = "orders-svc"))
 * }</pre>
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TransmitRegistration {
  /**
   * The registration's id: the {@code <id>} in {@code
   * spring.security.oauth2.client.registration.<id>}.
   */
  String registrationId();

  /** The emulator client whose id (and secret, for a secret client) the registration uses. */
  String clientId();
}
