package dev.transmitmock.server.config;

/** How error responses of the token, introspection and revocation endpoints are shaped. */
public enum ErrorStyle {
  /**
   * RFC 6749 {@code {"error": "...", "error_description": "..."}}, as node-oidc-provider answers.
   */
  OAUTH("oauth"),
  /** Transmit's REST style {@code {"message": ["..."], "error_code": 400}}. */
  TRANSMIT_REST("transmit-rest");

  private final String configName;

  ErrorStyle(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files and environment variables. */
  public String configName() {
    return configName;
  }
}
