package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

/**
 * Injected failures: make the token, JWKS, discovery or introspection endpoint answer 503, 429,
 * slowly, or not at all, so that retry and outage handling is testable.
 *
 * <pre>{@code
 * mock.control().faults().add(FaultRule.on("token").status(503).times(1).build());
 * }</pre>
 */
public final class FaultControl {

  static final String PATH = "/_mock/faults";

  private final EmulatorHttp http;

  FaultControl(EmulatorHttp http) {
    this.http = http;
  }

  /** Adds a fault rule. */
  public void add(FaultRule rule) {
    requireNonNull(rule, "rule must not be null");
    http.controlPost(PATH, rule.fields());
  }

  /** Removes every fault rule. */
  public void clear() {
    http.controlDelete(PATH);
  }
}
