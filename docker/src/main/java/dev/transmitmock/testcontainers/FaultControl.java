package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.FaultRuleShape;
import java.util.Map;

/**
 * Injected failures: make the token, JWKS, discovery, introspection or revocation endpoint answer
 * 503, 429, slowly, malformed or not at all, so that retry and outage handling is testable.
 *
 * <pre>{@code
 * mock.control().faults().add(FaultRule.on("token").status(503).times(1).build());
 * }</pre>
 */
public final class FaultControl {

  static final String PATH = ControlPaths.FAULTS;

  private final EmulatorHttp http;

  FaultControl(EmulatorHttp http) {
    this.http = http;
  }

  /**
   * Adds a fault rule.
   *
   * @return the rule's id, for {@link #remove(String)}
   */
  public String add(FaultRule rule) {
    requireNonNull(rule, "rule must not be null");
    Object answer = http.controlPost(PATH, rule.fields());
    if (answer instanceof Map && ((Map<?, ?>) answer).get(FaultRuleShape.ID) instanceof String) {
      return (String) ((Map<?, ?>) answer).get(FaultRuleShape.ID);
    }
    throw new TransmitMockException("POST " + PATH + " answered without a rule id", 201, "");
  }

  /** Removes one fault rule. */
  public void remove(String ruleId) {
    requireNonNull(ruleId, "ruleId must not be null");
    http.controlDelete(PATH + "/" + EmulatorHttp.pathSegment(ruleId));
  }

  /** Removes every fault rule. */
  public void clear() {
    http.controlDelete(PATH);
  }
}
