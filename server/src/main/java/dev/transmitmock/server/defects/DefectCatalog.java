package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.DefectKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one catalog of deliberate defects, of three {@link DefectKind}s: access tokens a consumer
 * must reject ({@link Defect}), client assertions the token endpoint refuses ({@link
 * AssertionDefect}) and certificate-bound tokens a consumer checking the mTLS binding must reject
 * ({@link BindingDefect}). The enums are the typed handles that mint; {@link Entry} is the one
 * shape every kind is listed in ({@code GET /_mock/defects}, the contract kit, the docs).
 *
 * <pre>{@code
 * for (DefectCatalog.Entry entry : DefectCatalog.catalog()) {
 *   System.out.println(entry.kind().wireName() + " " + entry.id() + ": " + entry.description());
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

  /** Every access-token defect as a plain value (serializes to JSON as is). */
  public static List<Entry> entries() {
    return Arrays.stream(Defect.values()).map(Entry::of).toList();
  }

  /** Every defect of every kind: the access-token ones first, then assertions, then bindings. */
  public static List<Entry> catalog() {
    List<Entry> all = new ArrayList<>(entries());
    Arrays.stream(AssertionDefect.values()).map(Entry::of).forEach(all::add);
    Arrays.stream(BindingDefect.values()).map(Entry::of).forEach(all::add);
    return List.copyOf(all);
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
   * @param kind what the defect attacks
   * @param id stable kebab-case id
   * @param description the attack, in one line
   * @param reference RFC section or CVE id
   * @param expectedRejection a careful verifier's reason (an OAuth error for client assertions)
   * @param skewSensitive whether the verifier's clock skew decides the outcome
   * @param specifics what only this kind states, in order (for client assertions: the expected
   *     status, description and detail, and whether the assertion must have been used before)
   */
  public record Entry(
      DefectKind kind,
      String id,
      String description,
      String reference,
      String expectedRejection,
      boolean skewSensitive,
      Map<String, Object> specifics) {

    public Entry {
      requireNonNull(kind, "kind must not be null");
      specifics = Collections.unmodifiableMap(new LinkedHashMap<>(specifics));
    }

    /** The entry of an access-token defect. */
    public static Entry of(Defect defect) {
      return new Entry(
          DefectKind.ACCESS_TOKEN,
          defect.id(),
          defect.description(),
          defect.reference(),
          defect.expectedRejection().name(),
          defect.skewSensitive(),
          Map.of());
    }

    /** The entry of a client-assertion defect. */
    public static Entry of(AssertionDefect defect) {
      Map<String, Object> specifics = new LinkedHashMap<>();
      specifics.put("expectedStatus", 401);
      specifics.put("expectedDescription", defect.expectedDescription());
      specifics.put("expectedDetail", defect.expectedDetail());
      specifics.put("needsPriorUse", defect.needsPriorUse());
      return new Entry(
          DefectKind.CLIENT_ASSERTION,
          defect.id(),
          defect.description(),
          defect.reference(),
          "invalid_client",
          false,
          specifics);
    }

    /** The entry of a certificate-binding defect. */
    public static Entry of(BindingDefect defect) {
      return new Entry(
          DefectKind.CERTIFICATE_BINDING,
          defect.id(),
          defect.description(),
          defect.reference(),
          defect.expectedRejection(),
          false,
          Map.of());
    }
  }
}
