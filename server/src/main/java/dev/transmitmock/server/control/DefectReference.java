package dev.transmitmock.server.control;

/**
 * A defect of the catalog, named by its id, as rules below the catalog's floor hold it (a
 * next-token rule's defect). The catalog's {@code Defect} implements it; whoever mints looks the
 * recipe up by {@link #id()}.
 *
 * <pre>{@code
 * NextTokenRule rule = NextTokenRule.builder("demo-app").defect(Defect.EXPIRED).build();
 * rule.defect().map(DefectReference::id);   // Optional["expired"]
 * }</pre>
 */
public interface DefectReference {
  /** The stable kebab-case id of the defect in the catalog. */
  String id();
}
