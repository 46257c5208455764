package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One entry of the emulator's catalog of defective tokens that a correct consumer must reject.
 *
 * @param id the defect's id, for {@link TokenMintRequest.Builder#defect(String)}
 * @param description the attack in one line
 * @param reference where it comes from (an RFC 8725 section or a CVE)
 * @param expectedRejection the first check a careful verifier fails, e.g. {@code EXPIRED}
 */
public record Defect(String id, String description, String reference, String expectedRejection) {

  /** Validates the values. */
  public Defect {
    requireNonNull(id, "id must not be null");
    requireNonNull(description, "description must not be null");
    requireNonNull(reference, "reference must not be null");
    requireNonNull(expectedRejection, "expectedRejection must not be null");
  }

  static Defect fromJson(Map<?, ?> entry) {
    return new Defect(
        String.valueOf(entry.get("id")),
        entry.get("description") instanceof String ? (String) entry.get("description") : "",
        entry.get("reference") instanceof String ? (String) entry.get("reference") : "",
        entry.get("expectedRejection") instanceof String
            ? (String) entry.get("expectedRejection")
            : "");
  }
}
