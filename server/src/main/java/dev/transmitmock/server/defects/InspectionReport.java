package dev.transmitmock.server.defects;

import dev.transmitmock.protocol.RejectionCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the checks of one inspection found so far, in the order they found it. */
final class InspectionReport {
  private final List<TokenInspection.Finding> findings = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Optional<String> signedBy = Optional.empty();

  void reject(RejectionCategory reason, String check, String message) {
    findings.add(new TokenInspection.Finding(reason, check, message));
  }

  void addAll(List<TokenInspection.Finding> more) {
    findings.addAll(more);
  }

  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  void signedBy(String kid) {
    signedBy = Optional.of(kid);
  }

  List<TokenInspection.Finding> findings() {
    return findings;
  }

  List<String> notes() {
    return notes;
  }

  Optional<String> signedBy() {
    return signedBy;
  }
}
