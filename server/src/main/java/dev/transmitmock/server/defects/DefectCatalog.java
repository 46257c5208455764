package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.RejectionCategory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@link Defect} catalog as a list, for code that serves or documents it ({@code GET
 * /_mock/defects}, the contract kit, the docs).
 *
 * <pre>{@code
 * for (DefectCatalog.Entry entry : DefectCatalog.entries()) {
 *   System.out.println(entry.id() + ": " + entry.description() + " (" + entry.reference() + ")");
 * }
 * Defect defect = DefectCatalog.require("alg-none");
 * }</pre>
 */
public final class DefectCatalog {
  private DefectCatalog() {}

  /** Every defect, in catalog order. */
  public static List<Defect> all() {
    return List.of(Defect.values());
  }

  /** Every defect as a plain value (serializes to JSON as is). */
  public static List<Entry> entries() {
    return Arrays.stream(Defect.values()).map(Entry::of).toList();
  }

  /** The defect with this id, if any. */
  public static Optional<Defect> find(String id) {
    return Defect.byId(id);
  }

  /**
   * The defect with this id.
   *
   * @throws IllegalArgumentException naming the known ids when there is none
   */
  public static Defect require(String id) {
    requireNonNull(id, "id must not be null");
    return Defect.byId(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown defect '"
                        + id
                        + "'; known defects: "
                        + Arrays.stream(Defect.values())
                            .map(Defect::id)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * One defect, as data.
   *
   * @param id stable kebab-case id
   * @param description the attack, in one line
   * @param reference RFC section or CVE id
   * @param expectedRejection a careful verifier's reason
   * @param skewSensitive whether the verifier's clock skew decides the outcome
   */
  public record Entry(
      String id,
      String description,
      String reference,
      RejectionCategory expectedRejection,
      boolean skewSensitive) {

    /** The entry of a defect. */
    public static Entry of(Defect defect) {
      return new Entry(
          defect.id(),
          defect.description(),
          defect.reference(),
          defect.expectedRejection(),
          defect.skewSensitive());
    }
  }
}
