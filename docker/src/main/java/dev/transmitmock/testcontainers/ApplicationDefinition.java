package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ClientFields;
import dev.transmitmock.protocol.TransmitPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An application whose clients' tokens are signed with its own keys (Transmit's "app-specific token
 * signing keys"), declared with {@link TransmitMockContainer#withApplication}: its clients ({@link
 * ClientDefinition.Builder#appId}) get tokens with the app's domain as {@code iss}, signed by a key
 * the emulator generates for it and publishes at {@link
 * TransmitMockContainer#getApplicationJwksUri(String)}.
 *
 * <pre>{@code
 * ApplicationDefinition orders =
 *     ApplicationDefinition.builder("app-orders", "https://orders.app.transmitsecurity.io")
 *         .globalKeyAcceptedFor(Duration.ofDays(14))   // the default, Transmit's "~14 days"
 *         .build();
 * }</pre>
 *
 * @param appId the application id, the {@code app_id} of its clients' tokens
 * @param issuer the app's own domain, the {@code iss} of its tokens
 * @param jwksPath where the emulator serves the app's JWKS; empty: {@code /apps/<appId>/oidc/jwks}
 *     (Transmit does not document where; a guess standing for {@code https://<app
 *     domain>/oidc/jwks})
 * @param globalKeyAcceptedFor how long after the start tokens signed with the global key stay
 *     valid; empty: 14 days
 */
public record ApplicationDefinition(
    String appId,
    String issuer,
    Optional<String> jwksPath,
    Optional<Duration> globalKeyAcceptedFor) {

  /** Validates the values. */
  public ApplicationDefinition {
    requireNonNull(appId, "appId must not be null");
    requireNonNull(issuer, "issuer must not be null");
    requireNonNull(jwksPath, "jwksPath must not be null");
    requireNonNull(globalKeyAcceptedFor, "globalKeyAcceptedFor must not be null");
    if (!appId.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException(
          "appId '" + appId + "' must consist of letters, digits and . _ ~ - (it names a path)");
    }
    try {
      URI uri = new URI(issuer);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException("issuer must be an absolute URI, was " + issuer);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("issuer must be an absolute URI, was " + issuer, e);
    }
    jwksPath.ifPresent(
        path -> {
          if (!path.startsWith("/")) {
            throw new IllegalArgumentException("jwksPath must start with '/', was " + path);
          }
        });
    globalKeyAcceptedFor.ifPresent(
        window -> {
          if (window.isNegative()) {
            throw new IllegalArgumentException(
                "globalKeyAcceptedFor must not be negative, was " + window);
          }
        });
  }

  /** Starts an application with its id and its own domain (the issuer of its tokens). */
  public static Builder builder(String appId, String issuer) {
    return new Builder(appId, issuer);
  }

  /** The path of the app's JWKS on the emulator. */
  public String effectiveJwksPath() {
    return jwksPath.orElse(TransmitPaths.applicationJwks(appId));
  }

  /** The path of the app's discovery document on the emulator. */
  public String discoveryPath() {
    return TransmitPaths.applicationDiscovery(appId);
  }

  /** The application as an entry of the emulator's {@code applications} config. */
  Map<String, Object> toConfig() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(ClientFields.APP_ID, appId);
    entry.put(ClientFields.ISSUER, issuer);
    jwksPath.ifPresent(path -> entry.put(ClientFields.JWKS_PATH, path));
    globalKeyAcceptedFor.ifPresent(
        window -> entry.put(ClientFields.GLOBAL_KEY_ACCEPTED_FOR, window.toString()));
    return entry;
  }

  /** Builds {@link ApplicationDefinition}s. */
  public static final class Builder {
    private final String appId;
    private final String issuer;
    private String jwksPath;
    private Duration globalKeyAcceptedFor;

    private Builder(String appId, String issuer) {
      this.appId = requireNonNull(appId, "appId must not be null");
      this.issuer = requireNonNull(issuer, "issuer must not be null");
    }

    /** Where the emulator serves the app's JWKS, e.g. {@code /orders/jwks}. */
    public Builder jwksPath(String jwksPath) {
      this.jwksPath = requireNonNull(jwksPath, "jwksPath must not be null");
      return this;
    }

    /** How long after the start tokens signed with the global key stay valid. */
    public Builder globalKeyAcceptedFor(Duration window) {
      this.globalKeyAcceptedFor = requireNonNull(window, "window must not be null");
      return this;
    }

    /** Builds; an {@link IllegalArgumentException} names the bad value. */
    public ApplicationDefinition build() {
      return new ApplicationDefinition(
          appId, issuer, Optional.ofNullable(jwksPath), Optional.ofNullable(globalKeyAcceptedFor));
    }
  }
}
