package dev.transmitmock.server.keys;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.MockConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who signs a client's tokens, and as which issuer: the tenant's global {@link KeyRing} and issuer,
 * or, for clients of an application with app-specific token signing keys ({@link
 * ApplicationConfig}), that application's own key ring and domain.
 *
 * <p>The switch to app-specific keys happens when the emulator starts ({@code switchedAt}). For
 * {@link ApplicationConfig#globalKeyAcceptedFor()} after it, tokens of the app signed with the
 * global key stay valid and the app's JWKS publishes the global keys beside its own, as Transmit
 * "continues to serve both public keys during this period".
 *
 * <pre>{@code
 * AppSigningKeys signing = new AppSigningKeys(config, KeyRing.fromConfig(config.keys()), now);
 * SigningKey key = signing.keyFor(client);        // the app's active key, or the global one
 * String iss = signing.issuerFor(client);         // the app's domain, or the tenant's issuer
 * }</pre>
 */
public final class AppSigningKeys {
  private final MockConfig config;
  private final KeyRing global;
  private final Map<String, KeyRing> apps;
  private final Instant switchedAt;

  /**
   * Starts the key rings of the configured applications (generated keys in the background).
   *
   * @param global the tenant's key ring
   * @param switchedAt when the applications switched to their own keys: the emulator's start
   * @throws ConfigException naming {@code applications[i].keys[j]} when a PEM key cannot be used
   */
  public AppSigningKeys(MockConfig config, KeyRing global, Instant switchedAt) {
    this.config = requireNonNull(config, "config must not be null");
    this.global = requireNonNull(global, "global must not be null");
    this.switchedAt = requireNonNull(switchedAt, "switchedAt must not be null");
    Map<String, KeyRing> rings = new LinkedHashMap<>();
    for (int i = 0; i < config.applications().size(); i++) {
      ApplicationConfig app = config.applications().get(i);
      try {
        rings.put(app.appId(), KeyRing.fromConfig(app.keys()));
      } catch (ConfigException e) {
        throw ConfigException.at("applications[" + i + "]." + e.path().orElse("keys"), e.detail());
      }
    }
    this.apps = Map.copyOf(rings);
  }

  /** The tenant's keys, published at {@code /cis/oidc/jwks}. */
  public KeyRing global() {
    return global;
  }

  /** The key ring of an application with app-specific keys. */
  public Optional<KeyRing> ring(String appId) {
    return Optional.ofNullable(apps.get(appId));
  }

  /** The application with app-specific keys a client belongs to, if any. */
  public Optional<ApplicationConfig> applicationOf(ClientConfig client) {
    return config.applicationOf(client);
  }

  /**
   * The {@code iss} of the client's tokens: its application's domain, or the tenant's configured
   * issuer. A running emulator may have changed the tenant's issuer ({@code Settings}): use {@link
   * #issuerFor(ClientConfig, String)} with the issuer in force.
   */
  public String issuerFor(ClientConfig client) {
    return issuerFor(client, config.issuer());
  }

  /** The {@code iss} of the client's tokens: its application's domain, or {@code tenantIssuer}. */
  public String issuerFor(ClientConfig client, String tenantIssuer) {
    return applicationOf(client).map(ApplicationConfig::issuer).orElse(tenantIssuer);
  }

  /** The key that signs the client's tokens now. */
  public SigningKey keyFor(ClientConfig client) {
    return applicationOf(client).map(app -> apps.get(app.appId()).active()).orElse(global.active());
  }

  /**
   * Whether a token of this application signed with the global key is still valid at {@code now}:
   * before the end of the transition window.
   */
  public boolean acceptsGlobalKey(ApplicationConfig app, Instant now) {
    return now.isBefore(switchedAt.plus(app.globalKeyAcceptedFor()));
  }

  /**
   * The application's JWKS at {@code now}: its published keys, then the global ones while the
   * transition window lasts.
   */
  public String jwksJson(ApplicationConfig app, Instant now) {
    List<JWK> keys = new ArrayList<>();
    apps.get(app.appId()).state().published().forEach(key -> keys.add(key.publicJwk()));
    if (acceptsGlobalKey(app, now)) {
      global.state().published().forEach(key -> keys.add(key.publicJwk()));
    }
    return new JWKSet(keys).toString(true);
  }

  /** Waits for every generated key (a started server answers its first request at once). */
  public void awaitKeys() {
    global.state();
    apps.values().forEach(KeyRing::state);
  }

  /** Puts every application's keys back as they started (the global ring is reset by its owner). */
  public void resetApplications() {
    apps.values().forEach(KeyRing::resetToInitial);
  }
}
