package dev.transmitmock.server.config;

/**
 * The kind of Transmit application a client belongs to. Management-application clients get
 * tenant-wide admin tokens, which carry {@code "roles": ["Admin"]}.
 */
public enum ClientType {
  /** A client of an ordinary application: {@code "roles": []}. */
  APP("app"),
  /** A client of a management application: {@code "roles": ["Admin"]}. */
  MANAGEMENT("management");

  private final String configName;

  ClientType(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files. */
  public String configName() {
    return configName;
  }
}
