package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.TransmitPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An application that signs its tokens with its own keys (Transmit's "app-specific token signing
 * keys"): the tokens of its clients (those whose {@code appId} is this one) carry the app's own
 * domain as {@code iss} and are signed by its keys, published in its own JWKS. Tokens signed with
 * the tenant's global key before the switch stay valid for {@link #globalKeyAcceptedFor()} (about
 * 14 days at Transmit), during which the app's JWKS publishes the global keys too.
 *
 * <pre>{@code
 * ApplicationConfig orders = ApplicationConfig.builder("app-orders")
 *     .issuer("https://orders.app.transmitsecurity.io")
 *     .build();   // one generated RS256 key, JWKS at /apps/app-orders/oidc/jwks
 * MockConfig config = MockConfig.builder()
 *     .application(orders)
 *     .client(ClientConfig.builder("orders-svc").secret("s").appId("app-orders").build())
 *     .build();
 * }</pre>
 *
 * <p>Where Transmit serves an app's JWKS is not documented (the page says it is "derived" from the
 * app's domain): {@link #jwksPath()} is where the emulator serves it, {@code
 * /apps/<appId>/oidc/jwks} by default, standing for {@code https://<app domain>/oidc/jwks}. The
 * app's discovery document is served at {@code /apps/<appId>/.well-known/openid-configuration}.
 *
 * @param appId the application id, the {@code app_id} of its clients' tokens
 * @param issuer the {@code iss} of its tokens: the app's domain, e.g. {@code
 *     https://acme.app.transmitsecurity.io}
 * @param keys the app's signing keys (empty: one generated RS256 key)
 * @param jwksPath the path of the app's JWKS on the emulator
 * @param globalKeyAcceptedFor how long after the switch (the emulator's start) tokens signed with
 *     the global key stay valid for this app
 */
public record ApplicationConfig(
    String appId,
    String issuer,
    List<KeyConfig> keys,
    String jwksPath,
    Duration globalKeyAcceptedFor) {

  /** Transmit: tokens signed with the global key "remain valid for ~14 days". */
  public static final Duration DEFAULT_GLOBAL_KEY_ACCEPTED_FOR = Duration.ofDays(14);

  /** Characters an app id may have: it names a path on the emulator. */
  private static final Pattern PATH_SAFE_ID = Pattern.compile("[A-Za-z0-9._~-]+");

  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+");

  public ApplicationConfig {
    requireNonNull(appId, "appId must not be null");
    requireNonNull(issuer, "issuer must not be null");
    keys = List.copyOf(requireNonNull(keys, "keys must not be null"));
    requireNonNull(jwksPath, "jwksPath must not be null");
    requireNonNull(globalKeyAcceptedFor, "globalKeyAcceptedFor must not be null");
    if (!PATH_SAFE_ID.matcher(appId).matches()) {
      throw new IllegalArgumentException(
          "appId '" + appId + "' must consist of letters, digits and . _ ~ - (it names a path)");
    }
    if (!isAbsoluteHttpUri(issuer)) {
      throw new IllegalArgumentException("issuer: not an absolute URI: " + issuer);
    }
    if (!PATH.matcher(jwksPath).matches()) {
      throw new IllegalArgumentException(
          "jwksPath: '" + jwksPath + "' is not a plain absolute path such as /apps/my-app/jwks");
    }
    if (globalKeyAcceptedFor.isNegative()) {
      throw new IllegalArgumentException(
          "globalKeyAcceptedFor must not be negative, was " + globalKeyAcceptedFor);
    }
  }

  /** The default {@link #jwksPath()} of an app: {@code /apps/<appId>/oidc/jwks}. */
  public static String defaultJwksPath(String appId) {
    return TransmitPaths.applicationJwks(appId);
  }

  /** Where the app's discovery document is served: {@code /apps/<appId>/.well-known/...}. */
  public String discoveryPath() {
    return TransmitPaths.applicationDiscovery(appId);
  }

  private static boolean isAbsoluteHttpUri(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Starts an application with its id. */
  public static Builder builder(String appId) {
    return new Builder(requireNonNull(appId, "appId must not be null"));
  }

  /** Builds {@link ApplicationConfig}s. */
  public static final class Builder {
    private final String appId;
    private String issuer;
    private final List<KeyConfig> keys = new ArrayList<>();
    private String jwksPath;
    private Duration globalKeyAcceptedFor = DEFAULT_GLOBAL_KEY_ACCEPTED_FOR;

    private Builder(String appId) {
      this.appId = appId;
    }

    /** The app's domain, the {@code iss} of its tokens (required). */
    public Builder issuer(String issuer) {
      this.issuer = requireNonNull(issuer, "issuer must not be null");
      return this;
    }

    /** Adds a signing key of the app (none: one generated RS256 key). */
    public Builder key(KeyConfig key) {
      keys.add(requireNonNull(key, "key must not be null"));
      return this;
    }

    /** Where the emulator serves the app's JWKS; default {@code /apps/<appId>/oidc/jwks}. */
    public Builder jwksPath(String jwksPath) {
      this.jwksPath = requireNonNull(jwksPath, "jwksPath must not be null");
      return this;
    }

    /**
     * How long tokens signed with the global key stay valid after the switch (the emulator's
     * start); default 14 days.
     */
    public Builder globalKeyAcceptedFor(Duration globalKeyAcceptedFor) {
      this.globalKeyAcceptedFor =
          requireNonNull(globalKeyAcceptedFor, "globalKeyAcceptedFor must not be null");
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalArgumentException for a missing issuer or a bad app id, issuer or path
     */
    public ApplicationConfig build() {
      if (issuer == null) {
        throw new IllegalArgumentException(
            "issuer is required: the app's own domain, e.g. https://acme.app.transmitsecurity.io");
      }
      return new ApplicationConfig(
          appId,
          issuer,
          keys,
          jwksPath != null ? jwksPath : defaultJwksPath(appId),
          globalKeyAcceptedFor);
    }
  }
}
