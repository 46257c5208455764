package dev.transmitmock.server.config;

import java.util.Locale;
import java.util.Optional;

/** Whether the HTTPS listener asks clients for a certificate in the TLS handshake. */
public enum ClientAuthMode {
  /** No certificate is requested: mTLS client authentication is impossible. */
  NONE,
  /**
   * A certificate is requested but optional (the default when TLS is on): mTLS clients present one,
   * secret and {@code private_key_jwt} clients need not.
   */
  WANT,
  /** A certificate is required: handshakes without one fail. */
  NEED;

  /** The config name: {@code none}, {@code want} or {@code need}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode with this config name, case-insensitive. */
  public static Optional<ClientAuthMode> parse(String name) {
    for (ClientAuthMode mode : values()) {
      if (mode.configName().equalsIgnoreCase(name.trim())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
