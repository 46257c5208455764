package dev.transmitmock.examples.client;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The downstream inventory API ({@code inventory.*} in {@code application.yml}).
 *
 * @param baseUrl where it answers
 * @param resource its resource URI in Transmit: sent as {@code resource} in the token request, it
 *     becomes the token's {@code aud}
 * @param registrationId the {@code spring.security.oauth2.client.registration} entry whose tokens
 *     it accepts
 */
@ConfigurationProperties("inventory")
public record InventoryProperties(URI baseUrl, String resource, String registrationId) {

  /** Fails start-up with the missing property's name. */
  public InventoryProperties {
    require(baseUrl, "inventory.base-url");
    require(resource, "inventory.resource");
    require(registrationId, "inventory.registration-id");
  }

  private static void require(Object value, String name) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(name + " must be set (see application.yml)");
    }
  }
}
