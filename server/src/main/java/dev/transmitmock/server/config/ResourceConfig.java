package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A Transmit resource: an API that clients may ask tokens for with the {@code resource} parameter.
 * Its URI becomes the token's {@code aud}.
 *
 * <pre>{@code
 * ResourceConfig orders = ResourceConfig.builder("https://api.orders.example")
 *     .tokenLifetime(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * @param uri the absolute resource URI
 * @param tokenLifetime the access-token lifetime for this resource; empty means the server default
 */
public record ResourceConfig(URI uri, Optional<Duration> tokenLifetime) {

  public ResourceConfig {
    requireNonNull(uri, "uri must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("resource uri must be absolute: " + uri);
    }
  }

  /** Starts a resource with the given absolute URI. */
  public static Builder builder(String uri) {
    return new Builder(URI.create(requireNonNull(uri, "uri must not be null")));
  }

  /** Starts a resource with the given absolute URI. */
  public static Builder builder(URI uri) {
    return new Builder(requireNonNull(uri, "uri must not be null"));
  }

  /** Builds {@link ResourceConfig}s. */
  public static final class Builder {
    private final URI uri;
    private Duration tokenLifetime;

    private Builder(URI uri) {
      this.uri = uri;
    }

    /**
     * Lifetime of tokens for this resource; zero means instant expiry, negative already expired.
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /** Builds the resource. */
    public ResourceConfig build() {
      return new ResourceConfig(uri, Optional.ofNullable(tokenLifetime));
    }
  }
}
