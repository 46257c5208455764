package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the emulator injects on one endpoint, added with {@link FaultControl#add(FaultRule)}.
 *
 * <pre>{@code
 * FaultRule outage = FaultRule.on("token").status(503).times(2).build();
 * FaultRule slowJwks = FaultRule.on("jwks").delay(Duration.ofSeconds(3)).build();
 * }</pre>
 *
 * @param fields the rule as the control API's JSON members
 */
public record FaultRule(Map<String, Object> fields) {

  /** Copies the fields. */
  public FaultRule {
    fields = Map.copyOf(requireNonNull(fields, "fields must not be null"));
  }

  /**
   * Starts a rule for an endpoint: {@code token}, {@code jwks}, {@code discovery} or {@code
   * introspection}.
   */
  public static Builder on(String endpoint) {
    return new Builder(endpoint);
  }

  /** Builds a {@link FaultRule}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder(String endpoint) {
      fields.put("endpoint", requireNonNull(endpoint, "endpoint must not be null"));
    }

    /** Answer with this HTTP status. */
    public Builder status(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
      }
      fields.put("status", status);
      return this;
    }

    /** Answer with this body. */
    public Builder body(String body) {
      fields.put("body", requireNonNull(body, "body must not be null"));
      return this;
    }

    /** Delay the answer. */
    public Builder delay(Duration delay) {
      requireNonNull(delay, "delay must not be null");
      fields.put("delay", delay.toString());
      return this;
    }

    /** Only for the next {@code times} matching requests (default: until cleared). */
    public Builder times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1, was " + times);
      }
      fields.put("times", times);
      return this;
    }

    /** Only for requests of this client. */
    public Builder clientId(String clientId) {
      fields.put("clientId", requireNonNull(clientId, "clientId must not be null"));
      return this;
    }

    /** Any other member of the control API's fault JSON, e.g. {@code ("drop", true)}. */
    public Builder with(String name, Object value) {
      fields.put(requireNonNull(name, "name must not be null"), requireNonNull(value, "value"));
      return this;
    }

    /** Builds the rule. */
    public FaultRule build() {
      return new FaultRule(fields);
    }
  }
}
