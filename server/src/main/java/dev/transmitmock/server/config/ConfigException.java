package dev.transmitmock.server.config;

import java.util.Optional;

/**
 * A configuration that cannot be used. The message names where the problem is: the source (a file,
 * an environment variable) and the path inside it, e.g. {@code transmit-mock.yaml:
 * clients[2].resources[0]: not an absolute URI}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String detail;

  /**
   * @param source where the config came from (file path, environment variable), or null
   * @param path the path inside it (e.g. {@code clients[0].clientId}), or null for the whole
   * @param detail what is wrong, never containing a secret
   */
  public ConfigException(String source, String path, String detail) {
    super(format(source, path, detail));
    this.source = source;
    this.path = path;
    this.detail = detail;
  }

  /** A problem at a path, source to be filled in by the loader. */
  public static ConfigException at(String path, String detail) {
    return new ConfigException(null, path, detail);
  }

  /** The same problem, attributed to a source when it had none. */
  public ConfigException withSource(String newSource) {
    return source == null ? new ConfigException(newSource, path, detail) : this;
  }

  /** The file or variable the problem is in, if known. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The path inside the source, if the problem is not the whole source. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** What is wrong. */
  public String detail() {
    return detail;
  }

  private static String format(String source, String path, String detail) {
    StringBuilder message = new StringBuilder();
    if (source != null) {
      message.append(source).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      message.append(path).append(": ");
    }
    return message.append(detail).toString();
  }
}
