package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Rules shaping what the emulator's real token endpoint answers a client next ({@code
 * /_mock/next-token}). A rule applies once the client authenticated successfully (a wrong secret
 * still gets 401), each answer consumes one use, and the journal names the rule. {@link
 * TransmitMockControl#reset()} forgets pending rules.
 *
 * <pre>{@code
 * mock.control().nextToken().install(
 *     NextTokenRule.forClient("demo-app").expiresIn(Duration.ofSeconds(5)).build());
 * String token = mock.getClientCredentialsToken("demo-app", "demo-app-secret"); // expires_in 5
 * }</pre>
 */
public final class NextTokenControl {

  static final String PATH = "/_mock/next-token";

  private final EmulatorHttp http;

  NextTokenControl(EmulatorHttp http) {
    this.http = http;
  }

  /**
   * Installs a rule.
   *
   * @return the rule's id (e.g. {@code next-token-1}), for {@link #remove(String)}
   * @throws TransmitMockException with the emulator's 400 naming the field when the rule makes no
   *     sense or its client is not registered
   */
  public String install(NextTokenRule rule) {
    requireNonNull(rule, "rule must not be null");
    Object answer = http.controlPost(PATH, rule.fields());
    if (answer instanceof Map && ((Map<?, ?>) answer).get("id") instanceof String) {
      return (String) ((Map<?, ?>) answer).get("id");
    }
    throw new TransmitMockException("POST " + PATH + " answered without a rule id", 201, "");
  }

  /**
   * The pending rules as the emulator lists them ({@code id}, {@code clientId}, remaining {@code
   * times}, {@code description}, ...), in the order they apply.
   */
  public List<Map<String, Object>> rules() {
    Object answer = http.controlGet(PATH);
    Object rules = answer instanceof Map ? ((Map<?, ?>) answer).get("rules") : null;
    if (!(rules instanceof List)) {
      throw new TransmitMockException("GET " + PATH + " answered without a list of rules", 200, "");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list =
        ((List<?>) rules)
            .stream().filter(Map.class::isInstance).map(r -> (Map<String, Object>) r).toList();
    return list;
  }

  /** Forgets one pending rule. */
  public void remove(String ruleId) {
    requireNonNull(ruleId, "ruleId must not be null");
    http.controlDelete(PATH + "/" + EmulatorHttp.pathSegment(ruleId));
  }

  /** Forgets every pending rule. */
  public void clear() {
    http.controlDelete(PATH);
  }
}
