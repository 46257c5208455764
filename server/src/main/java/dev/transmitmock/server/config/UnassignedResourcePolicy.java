package dev.transmitmock.server.config;

/**
 * What happens when a client asks for a {@code resource} that is not assigned to it. Transmit does
 * not document it; rejecting is the inference from node-oidc-provider.
 */
public enum UnassignedResourcePolicy {
  /** Answer 400 {@code invalid_target}, the default. */
  REJECT("reject"),
  /** Issue the token anyway, with the default audience ({@code userid-api}). */
  DEFAULT_AUDIENCE("default-audience");

  private final String configName;

  UnassignedResourcePolicy(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files. */
  public String configName() {
    return configName;
  }
}
