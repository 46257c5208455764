package dev.transmitmock.server.control;

import java.util.Locale;
import java.util.Optional;

/** The emulator's endpoints, as named in the journal and in fault rules. */
public enum Endpoint {
  TOKEN,
  INTROSPECTION,
  REVOCATION,
  JWKS,
  DISCOVERY;

  /** The lower-case name used on the wire ({@code "token"}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name case-insensitively. */
  public static Optional<Endpoint> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Endpoint endpoint : values()) {
      if (endpoint.name().equalsIgnoreCase(name.trim())) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }
}
