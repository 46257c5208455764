package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

/**
 * One behaviour the {@link ClientContract} checks of a token client, e.g. {@code caches} or {@code
 * honours-retry-after}: what goes wrong when the client gets it wrong, and what to fix.
 *
 * @param id a stable identifier, e.g. {@code single-flight}
 * @param title a short description, used in the test's display name
 * @param risk what happens in production when the client gets this wrong
 * @param fix what to change in the client when the case fails
 */
public record ClientCase(String id, String title, String risk, String fix) {

  /** Validates the parts. */
  public ClientCase {
    requireNonNull(id, "id must not be null");
    requireNonNull(title, "title must not be null");
    requireNonNull(risk, "risk must not be null");
    requireNonNull(fix, "fix must not be null");
  }

  /** The display name of the generated test: {@code "[id] title"}. */
  public String displayName() {
    return "[" + id + "] " + title;
  }

  @Override
  public String toString() {
    return "ClientCase[" + id + "]";
  }
}
