package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Transmit resource: an API that clients may ask tokens for with the {@code resource} parameter.
 * Its URI becomes the token's {@code aud}.
 *
 * <pre>{@code
 * ResourceConfig orders = ResourceConfig.builder("https://api.orders.example")
 *     .tokenLifetime(Duration.ofMinutes(5))
 *     .scopes("orders:read", "orders:write")
 *     .build();
 * }</pre>
 *
 * @param uri the absolute resource URI
 * @param tokenLifetime the access-token lifetime for this resource; empty means the server default
 * @param scopes the scopes a token for this resource may carry (node-oidc-provider's resource
 *     server {@code scope}); other requested scopes are dropped
 */
public record ResourceConfig(URI uri, Optional<Duration> tokenLifetime, List<String> scopes) {

  public ResourceConfig {
    requireNonNull(uri, "uri must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    scopes = List.copyOf(requireNonNull(scopes, "scopes must not be null"));
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("resource uri must be absolute: " + uri);
    }
    for (String scope : scopes) {
      if (scope.isEmpty() || scope.contains(" ")) {
        throw new IllegalArgumentException("a scope is one non-empty word: '" + scope + "'");
      }
    }
  }

  /** A resource without scopes (the shape before {@code scopes} existed). */
  public ResourceConfig(URI uri, Optional<Duration> tokenLifetime) {
    this(uri, tokenLifetime, List.of());
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
    private final List<String> scopes = new ArrayList<>();

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

    /** Adds scopes a token for this resource may carry. */
    public Builder scopes(String... scopes) {
      this.scopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /** Adds scopes a token for this resource may carry. */
    public Builder scopes(List<String> scopes) {
      this.scopes.addAll(scopes);
      return this;
    }

    /** Builds the resource. */
    public ResourceConfig build() {
      return new ResourceConfig(uri, Optional.ofNullable(tokenLifetime), scopes);
    }
  }
}
