package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client the container's emulator accepts, declared in a test with {@link
 * TransmitMockContainer#withClient(ClientDefinition)}.
 *
 * <pre>{@code
 * ClientDefinition orders = ClientDefinition.app("orders-svc", "orders-secret")
 *     .resources("https://api.orders.example")
 *     .tokenLifetime(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the secret.
 *
 * @param clientId the OAuth client id
 * @param clientSecret the client secret
 * @param type an application client or a management (admin) client
 * @param resources the resources (audiences) the client may ask for
 * @param scopes the scopes the client may ask for
 * @param tokenLifetime the lifetime of its tokens, when it differs from the emulator's default
 */
public record ClientDefinition(
    String clientId,
    String clientSecret,
    Type type,
    List<String> resources,
    List<String> scopes,
    Optional<Duration> tokenLifetime) {

  /** The two kinds of Transmit client. */
  public enum Type {
    /** An application client: {@code roles} is empty. */
    APP,
    /** A management (admin) client: {@code roles} is {@code ["Admin"]}. */
    MANAGEMENT
  }

  /** Validates and copies the values. */
  public ClientDefinition {
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(clientSecret, "clientSecret must not be null");
    requireNonNull(type, "type must not be null");
    resources = List.copyOf(requireNonNull(resources, "resources must not be null"));
    scopes = List.copyOf(requireNonNull(scopes, "scopes must not be null"));
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (clientSecret.isEmpty()) {
      throw new IllegalArgumentException("clientSecret must not be empty");
    }
  }

  /** Starts an application client. */
  public static Builder app(String clientId, String clientSecret) {
    return new Builder(clientId, clientSecret, Type.APP);
  }

  /** Starts a management (admin) client. */
  public static Builder management(String clientId, String clientSecret) {
    return new Builder(clientId, clientSecret, Type.MANAGEMENT);
  }

  /** The client as a config-file entry (the emulator's camelCase keys). */
  Map<String, Object> toConfig() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("clientId", clientId);
    entry.put("clientSecret", clientSecret);
    entry.put("type", type == Type.MANAGEMENT ? "management" : "app");
    if (!resources.isEmpty()) {
      entry.put("resources", resources);
    }
    if (!scopes.isEmpty()) {
      entry.put("scopes", scopes);
    }
    tokenLifetime.ifPresent(lifetime -> entry.put("tokenLifetime", lifetime.toString()));
    return entry;
  }

  @Override
  public String toString() {
    return "ClientDefinition[clientId="
        + clientId
        + ", clientSecret=***, type="
        + type
        + ", resources="
        + resources
        + ", scopes="
        + scopes
        + ", tokenLifetime="
        + tokenLifetime.map(Duration::toString).orElse("default")
        + "]";
  }

  /** Builds a {@link ClientDefinition}; start with {@link #app} or {@link #management}. */
  public static final class Builder {
    private final String clientId;
    private final String clientSecret;
    private final Type type;
    private final List<String> resources = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private Duration tokenLifetime;

    private Builder(String clientId, String clientSecret, Type type) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      this.clientSecret = requireNonNull(clientSecret, "clientSecret must not be null");
      this.type = type;
    }

    /** Adds resources (absolute URIs) the client may request tokens for. */
    public Builder resources(String... resourceUris) {
      requireNonNull(resourceUris, "resourceUris must not be null");
      Arrays.stream(resourceUris)
          .map(uri -> requireNonNull(uri, "resource URI must not be null"))
          .forEach(resources::add);
      return this;
    }

    /** Adds scopes the client may request. */
    public Builder scopes(String... scopeNames) {
      requireNonNull(scopeNames, "scopeNames must not be null");
      Arrays.stream(scopeNames)
          .map(scope -> requireNonNull(scope, "scope must not be null"))
          .forEach(scopes::add);
      return this;
    }

    /** Sets the lifetime of this client's tokens. */
    public Builder tokenLifetime(Duration lifetime) {
      requireNonNull(lifetime, "lifetime must not be null");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive, was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Builds the definition. */
    public ClientDefinition build() {
      return new ClientDefinition(
          clientId, clientSecret, type, resources, scopes, Optional.ofNullable(tokenLifetime));
    }
  }
}
