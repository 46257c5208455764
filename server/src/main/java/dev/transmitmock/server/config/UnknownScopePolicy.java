package dev.transmitmock.server.config;

/**
 * What happens to a requested scope the emulator does not know: one that is not among the tenant's
 * {@code scopes} (no resource requested) or the resource's {@code scopes}.
 */
public enum UnknownScopePolicy {
  /**
   * Leave it out of the token, silently, as node-oidc-provider does for client credentials ({@code
   * actions/grants/client_credentials.js}, {@code shared/check_resource.js}): the default.
   */
  DROP("drop"),
  /** Grant every requested scope the client may request (what the emulator did at first). */
  GRANT("grant");

  private final String configName;

  UnknownScopePolicy(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files. */
  public String configName() {
    return configName;
  }
}
