package dev.transmitmock.server.config;

import java.util.Optional;

/**
 * The {@code typ} JOSE header of minted access tokens. Transmit's is inferred to be {@code at+jwt};
 * Spring Security 7 and Nimbus' defaults accept only {@code JWT} or no {@code typ}, so this is
 * configurable.
 */
public enum TokenTyp {
  /** {@code typ: at+jwt} (RFC 9068), the default. */
  AT_JWT("at+jwt"),
  /** {@code typ: JWT}. */
  JWT("JWT"),
  /** No {@code typ} header at all. */
  NONE("none");

  private final String configName;

  TokenTyp(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files and environment variables. */
  public String configName() {
    return configName;
  }

  /** The header value, or empty for {@link #NONE}. */
  public Optional<String> headerValue() {
    return this == NONE ? Optional.empty() : Optional.of(configName);
  }
}
