package dev.transmitmock.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * The emulator's Transmit endpoints, as named in the journal and in fault rules ({@code "endpoint":
 * "token"}).
 *
 * <pre>{@code
 * Endpoint.parse("jwks").orElseThrow();   // Endpoint.JWKS
 * Endpoint.TOKEN.wireName();              // "token"
 * }</pre>
 */
public enum Endpoint {
  TOKEN,
  INTROSPECTION,
  REVOCATION,
  JWKS,
  DISCOVERY;

  /** The wire names in the order error messages list them. */
  public static final String WIRE_NAMES = "token, jwks, discovery, introspection, revocation";

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
