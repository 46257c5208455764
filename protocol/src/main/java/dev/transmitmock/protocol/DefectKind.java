package dev.transmitmock.protocol;

import java.util.Optional;

/**
 * The kinds of entries in the emulator's catalog of attacks ({@code "kind"} in {@code GET
 * /_mock/defects}).
 *
 * <pre>{@code
 * DefectKind kind = DefectKind.byWireName("client-assertion").orElse(DefectKind.ACCESS_TOKEN);
 * kind.mintable();   // false: POST /_mock/tokens refuses it
 * }</pre>
 */
public enum DefectKind {
  /** Access tokens a correct consumer must reject; minted by {@code POST /_mock/tokens}. */
  ACCESS_TOKEN("access-token", true),
  /** {@code private_key_jwt} client assertions the token endpoint refuses; not mintable. */
  CLIENT_ASSERTION("client-assertion", false),
  /** Validly signed tokens with a missing or wrong certificate binding ({@code cnf.x5t#S256}). */
  CERTIFICATE_BINDING("certificate-binding", true);

  private final String wireName;
  private final boolean mintable;

  DefectKind(String wireName, boolean mintable) {
    this.wireName = wireName;
    this.mintable = mintable;
  }

  /** The name on the wire, e.g. {@code access-token}. */
  public String wireName() {
    return wireName;
  }

  /** Whether {@code POST /_mock/tokens} mints defects of this kind. */
  public boolean mintable() {
    return mintable;
  }

  /** The kind with this wire name, if any. */
  public static Optional<DefectKind> byWireName(String name) {
    for (DefectKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
