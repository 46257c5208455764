package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One entry of the emulator's catalog of attacks ({@code GET /_mock/defects}). The catalog holds
 * three kinds:
 *
 * <ul>
 *   <li>{@value #ACCESS_TOKEN}: tokens a correct consumer must reject, minted with {@link
 *       TokenControl#mint(TokenMintRequest)};
 *   <li>{@value #CERTIFICATE_BINDING}: validly signed tokens that a consumer checking the mTLS
 *       binding ({@code cnf.x5t#S256}, RFC 8705 §3) against the caller's certificate must reject;
 *       minted the same way;
 *   <li>{@value #CLIENT_ASSERTION}: {@code private_key_jwt} client assertions the token endpoint
 *       refuses. They are not access tokens: the emulator answers 400 to a request to mint one.
 * </ul>
 *
 * <pre>{@code
 * for (Defect defect : mock.control().defects()) {
 *   if (defect.isMintable()) {
 *     String token = mock.control().tokens().mint(
 *         TokenMintRequest.forClient("demo-app").defect(defect).build());
 *     // the service under test must refuse it
 *   }
 * }
 * }</pre>
 *
 * @param id the defect's id, for {@link TokenMintRequest.Builder#defect(String)}
 * @param description the attack in one line
 * @param reference where it comes from (an RFC 8725 section or a CVE)
 * @param expectedRejection the first check a careful verifier fails, e.g. {@code EXPIRED}; for a
 *     client assertion the OAuth error ({@code invalid_client}); for a certificate binding the
 *     verifier's reason ({@code UNBOUND}, {@code CERTIFICATE_MISMATCH})
 * @param kind {@value #ACCESS_TOKEN}, {@value #CLIENT_ASSERTION} or {@value #CERTIFICATE_BINDING}
 *     (an emulator that lists no kind is read as {@value #ACCESS_TOKEN})
 */
public record Defect(
    String id, String description, String reference, String expectedRejection, String kind) {

  /** The kind of defective access tokens. */
  public static final String ACCESS_TOKEN = "access-token";

  /** The kind of defective {@code private_key_jwt} client assertions (not mintable as tokens). */
  public static final String CLIENT_ASSERTION = "client-assertion";

  /** The kind of tokens with a missing or wrong certificate binding ({@code cnf.x5t#S256}). */
  public static final String CERTIFICATE_BINDING = "certificate-binding";

  /** Validates the values. */
  public Defect {
    requireNonNull(id, "id must not be null");
    requireNonNull(description, "description must not be null");
    requireNonNull(reference, "reference must not be null");
    requireNonNull(expectedRejection, "expectedRejection must not be null");
    requireNonNull(kind, "kind must not be null");
  }

  /** An {@value #ACCESS_TOKEN} defect (the only kind emulators listed before kinds existed). */
  public Defect(String id, String description, String reference, String expectedRejection) {
    this(id, description, reference, expectedRejection, ACCESS_TOKEN);
  }

  /**
   * Whether {@code POST /_mock/tokens} mints this defect: true for {@value #ACCESS_TOKEN} and
   * {@value #CERTIFICATE_BINDING}, false for {@value #CLIENT_ASSERTION} and unknown kinds.
   */
  public boolean isMintable() {
    return kind.equals(ACCESS_TOKEN) || kind.equals(CERTIFICATE_BINDING);
  }

  static Defect fromJson(Map<?, ?> entry) {
    return new Defect(
        String.valueOf(entry.get("id")),
        text(entry, "description", ""),
        text(entry, "reference", ""),
        text(entry, "expectedRejection", ""),
        text(entry, "kind", ACCESS_TOKEN));
  }

  private static String text(Map<?, ?> entry, String name, String absent) {
    return entry.get(name) instanceof String ? (String) entry.get(name) : absent;
  }
}
