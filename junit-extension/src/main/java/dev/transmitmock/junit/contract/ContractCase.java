package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One check of the {@link ConsumerContract}: the {@code Authorization} header an attacker (or a
 * legitimate caller) would send, what the consumer must do with it, and what to fix when it does
 * not. The header is produced when the case runs, so tokens are fresh.
 *
 * @param id a stable identifier, e.g. {@code valid-token} or a defect id such as {@code alg-none}
 * @param title a short description used as the test's display name
 * @param attack what an attacker achieves if the consumer gets this case wrong
 * @param fix what to change in the consumer when the case fails
 * @param expectation what the consumer must do
 * @param authorization produces the header value to send (empty: no header)
 */
public record ContractCase(
    String id,
    String title,
    String attack,
    String fix,
    Expectation expectation,
    Supplier<Optional<String>> authorization) {

  /** Validates the parts. */
  public ContractCase {
    requireNonNull(id, "id must not be null");
    requireNonNull(title, "title must not be null");
    requireNonNull(attack, "attack must not be null");
    requireNonNull(fix, "fix must not be null");
    requireNonNull(expectation, "expectation must not be null");
    requireNonNull(authorization, "authorization must not be null");
  }

  /** The display name of the generated test: {@code "[id] title"}. */
  public String displayName() {
    return "[" + id + "] " + title;
  }

  @Override
  public String toString() {
    return "ContractCase[" + id + ", " + expectation + "]";
  }
}
