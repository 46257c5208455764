package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.DefectKind;
import java.util.Map;

/**
 * One entry of the emulator's catalog of attacks ({@code GET /_mock/defects}). The catalog holds
 * three kinds ({@link DefectKind}):
 *
 * <ul>
 *   <li>{@code access-token}: tokens a correct consumer must reject, minted with {@link
 *       TokenControl#mint(TokenMintRequest)};
 *   <li>{@code certificate-binding}: validly signed tokens that a consumer checking the mTLS
 *       binding ({@code cnf.x5t#S256}, RFC 8705 §3) against the caller's certificate must reject;
 *       minted the same way;
 *   <li>{@code client-assertion}: {@code private_key_jwt} client assertions the token endpoint
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
 * @param kind {@code access-token}, {@code client-assertion} or {@code certificate-binding} (an
 *     emulator that lists no kind is read as {@code access-token})
 */
public record Defect(
    String id, String description, String reference, String expectedRejection, String kind) {

  /** The kind of defective access tokens. */
  public static final String ACCESS_TOKEN = DefectKind.ACCESS_TOKEN.wireName();

  /** The kind of defective {@code private_key_jwt} client assertions (not mintable as tokens). */
  public static final String CLIENT_ASSERTION = DefectKind.CLIENT_ASSERTION.wireName();

  /** The kind of tokens with a missing or wrong certificate binding ({@code cnf.x5t#S256}). */
  public static final String CERTIFICATE_BINDING = DefectKind.CERTIFICATE_BINDING.wireName();

  /** Validates the values. */
  public Defect {
    requireNonNull(id, "id must not be null");
    requireNonNull(description, "description must not be null");
    requireNonNull(reference, "reference must not be null");
    requireNonNull(expectedRejection, "expectedRejection must not be null");
    requireNonNull(kind, "kind must not be null");
  }

  /** An {@code access-token} defect (the only kind emulators listed before kinds existed). */
  public Defect(String id, String description, String reference, String expectedRejection) {
    this(id, description, reference, expectedRejection, ACCESS_TOKEN);
  }

  /**
   * Whether {@code POST /_mock/tokens} mints this defect: true for {@code access-token} and {@code
   * certificate-binding}, false for {@code client-assertion} and unknown kinds.
   */
  public boolean isMintable() {
    return DefectKind.byWireName(kind).map(DefectKind::mintable).orElse(false);
  }

  static Defect fromJson(Map<?, ?> entry) {
    return new Defect(
        String.valueOf(entry.get(ControlFields.Tokens.ID)),
        text(entry, ControlFields.Tokens.DESCRIPTION, ""),
        text(entry, ControlFields.Tokens.REFERENCE, ""),
        text(entry, ControlFields.Tokens.EXPECTED_REJECTION, ""),
        text(entry, ControlFields.Tokens.KIND, ACCESS_TOKEN));
  }

  private static String text(Map<?, ?> entry, String name, String absent) {
    return entry.get(name) instanceof String ? (String) entry.get(name) : absent;
  }
}
