package dev.transmitmock.examples.resourceserver;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where this API's tokens come from ({@code transmit.*} in {@code application.yml}).
 *
 * <p>Transmit's issuer ({@code https://userid.security}) is not a host that serves discovery, so
 * Spring's {@code issuer-uri} cannot be used: the JWKS URI and the issuer are given separately.
 *
 * @param issuer the {@code iss} every token must carry exactly
 * @param jwksUri Transmit's public keys, e.g. {@code https://api.transmitsecurity.io/cis/oidc/jwks}
 * @param audience this API's resource URI in Transmit: the {@code aud} its tokens must contain
 */
@ConfigurationProperties("transmit")
public record TransmitProperties(String issuer, URI jwksUri, String audience) {

  /** Fails start-up with the missing property's name. */
  public TransmitProperties {
    require(issuer, "transmit.issuer");
    require(jwksUri, "transmit.jwks-uri");
    require(audience, "transmit.audience");
  }

  private static void require(Object value, String name) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(name + " must be set (see application.yml)");
    }
  }
}
