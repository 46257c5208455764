package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ClientFields;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A resource (API audience) the container's emulator knows, declared with {@link
 * TransmitMockContainer#withResource(String)} or {@link TransmitMockContainer#withResource(String,
 * Duration)}.
 *
 * @param uri the resource's absolute URI, the {@code aud} of tokens issued for it
 * @param tokenLifetime the lifetime of tokens for this resource, when it differs from the default
 */
public record ResourceDefinition(String uri, Optional<Duration> tokenLifetime) {

  /** Validates the values. */
  public ResourceDefinition {
    requireNonNull(uri, "uri must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    if (!URI.create(uri).isAbsolute()) {
      throw new IllegalArgumentException("resource must be an absolute URI, was '" + uri + "'");
    }
    tokenLifetime.ifPresent(
        lifetime -> {
          if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive, was " + lifetime);
          }
        });
  }

  /** The resource as a config-file entry (the emulator's camelCase keys). */
  Map<String, Object> toConfig() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(ClientFields.URI, uri);
    tokenLifetime.ifPresent(
        lifetime -> entry.put(ClientFields.TOKEN_LIFETIME, lifetime.toString()));
    return entry;
  }
}
