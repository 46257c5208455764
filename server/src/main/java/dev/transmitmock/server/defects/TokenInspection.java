package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.RejectionCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link TokenInspector} found in one token: every reason a careful consumer rejects it (in
 * the order such a verifier checks: parse, type, algorithm, key, signature, claims), remarks that
 * are not rejections, and the decoded header and claims. Holds no copy of the token itself.
 *
 * @param findings every rejection reason, first the one a verifier stops at; empty when accepted
 * @param notes remarks that do not make a careful consumer reject the token (revoked at the
 *     emulator, {@code at+jwt} and default Nimbus or Spring set-ups, a skew-sensitive expiry, ...)
 * @param header the decoded JOSE header, when it is a JSON object
 * @param claims the decoded claims, when they are a JSON object
 * @param signedBy the {@code kid} of the published key whose signature verified, if any
 * @param checkedAt the emulator's clock at the time of the check
 */
public record TokenInspection(
    List<Finding> findings,
    List<String> notes,
    Optional<Map<String, Object>> header,
    Optional<Map<String, Object>> claims,
    Optional<String> signedBy,
    Instant checkedAt) {

  public TokenInspection {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    header = requireNonNull(header, "header must not be null").map(TokenInspection::frozen);
    claims = requireNonNull(claims, "claims must not be null").map(TokenInspection::frozen);
    requireNonNull(signedBy, "signedBy must not be null");
    requireNonNull(checkedAt, "checkedAt must not be null");
  }

  /** Whether a careful consumer accepts the token: no finding. */
  public boolean accepted() {
    return findings.isEmpty();
  }

  /** The distinct reasons, in the order of {@link #findings()}. */
  public List<RejectionCategory> reasons() {
    List<RejectionCategory> reasons = new ArrayList<>();
    for (Finding finding : findings) {
      if (!reasons.contains(finding.reason())) {
        reasons.add(finding.reason());
      }
    }
    return List.copyOf(reasons);
  }

  /** The reason a careful verifier gives (the first check that fails), if it rejects the token. */
  public Optional<RejectionCategory> firstReason() {
    return findings.stream().findFirst().map(Finding::reason);
  }

  private static Map<String, Object> frozen(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * One reason to reject the token.
   *
   * @param reason the category, as the catalog's {@link Defect#expectedRejection()} names them
   * @param check a stable kebab-case id of the failed check ({@code alg-none}, {@code kid-retired},
   *     {@code expired}, {@code missing-aud}, ...)
   * @param message one sentence for a person: what is wrong, with the values involved
   */
  public record Finding(RejectionCategory reason, String check, String message) {
    public Finding {
      requireNonNull(reason, "reason must not be null");
      requireNonNull(check, "check must not be null");
      requireNonNull(message, "message must not be null");
    }
  }
}
