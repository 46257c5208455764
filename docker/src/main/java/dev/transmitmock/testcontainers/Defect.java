package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One entry of the emulator's catalog of defective tokens that a correct consumer must reject.
 *
 * @param id the defect's id, for {@link TokenMintRequest.Builder#defect(String)}
 * @param description the attack in one line
 * @param reference where it comes from (an RFC 8725 section or a CVE)
 */
public record Defect(String id, String description, String reference) {

  /** Validates the values. */
  public Defect {
    requireNonNull(id, "id must not be null");
    requireNonNull(description, "description must not be null");
    requireNonNull(reference, "reference must not be null");
  }

  static Defect fromJson(Map<?, ?> entry) {
    return new Defect(
        String.valueOf(entry.get("id")),
        entry.get("description") instanceof String ? (String) entry.get("description") : "",
        entry.get("reference") instanceof String ? (String) entry.get("reference") : "");
  }
}
