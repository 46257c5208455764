package dev.transmitmock.spring.test;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the emulator of a Spring test answers, and how to get tokens from it: registered as a bean
 * by {@link AutoConfigureTransmitMock} (an emulator in this JVM) or by {@code @ServiceConnection}
 * on a {@code TransmitMockContainer}. The application's {@link
 * dev.transmitmock.spring.TransmitJwtDecoder} beans and Transmit OAuth2 client registrations are
 * pointed at it, and {@link TransmitMockMvc#transmitToken(String)} mints its tokens through it.
 */
public interface TransmitMockConnectionDetails extends ConnectionDetails {

  /** The {@code iss} of the emulator's tokens. */
  String issuer();

  /** The emulator's JWKS: {@code <base>/cis/oidc/jwks}. */
  URI jwksUri();

  /** The emulator's token endpoint: {@code <base>/oidc/token}. */
  URI tokenEndpoint();

  /**
   * The emulator's clock, when the application should judge time by it: present for an emulator in
   * this JVM (unless {@link AutoConfigureTransmitMock#shareClock()} is false), empty for a
   * container.
   */
  Optional<Clock> clock();

  /**
   * A valid token of a client, signed by the emulator's active key, without an HTTP token request.
   *
   * @param clientId a client of the emulator
   * @param resource the resource (the token's {@code aud}); empty: the client's default audience
   * @param claims claims to set or override, e.g. {@code roles}
   */
  String mintToken(String clientId, Optional<String> resource, Map<String, Object> claims);
}
