package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the emulator injects on one endpoint, added with {@link FaultControl#add(FaultRule)}.
 * The first matching rule answers; a rule with {@code times} disappears once used up.
 *
 * <pre>{@code
 * FaultRule.on("token").status(503).times(1).build();
 * FaultRule.on("token").status(429).header("Retry-After", "2").clientId("demo-app").build();
 * FaultRule.on("jwks").dropConnection().build();
 * FaultRule.on("discovery").delay(Duration.ofSeconds(3)).build();
 * }</pre>
 *
 * @param fields the rule as the control API's JSON members
 */
public record FaultRule(Map<String, Object> fields) {

  /** The longest delay the emulator accepts. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(5);

  /** Copies the fields. */
  public FaultRule {
    fields = Map.copyOf(requireNonNull(fields, "fields must not be null"));
  }

  /**
   * Starts a rule for an endpoint: {@code token}, {@code jwks}, {@code discovery}, {@code
   * introspection} or {@code revocation}.
   */
  public static Builder on(String endpoint) {
    return new Builder(endpoint);
  }

  /** Builds a {@link FaultRule}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(String endpoint) {
      fields.put("endpoint", requireNonNull(endpoint, "endpoint must not be null"));
    }

    /** Answer with this HTTP status (default body: Transmit's REST error shape). */
    public Builder status(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
      }
      fields.put("status", status);
      return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public Builder header(String name, String value) {
      headers.put(
          requireNonNull(name, "name must not be null"),
          requireNonNull(value, "value must not be null"));
      return this;
    }

    /** Answer with this body text. */
    public Builder body(String body) {
      fields.put("body", requireNonNull(body, "body must not be null"));
      return this;
    }

    /** The content type of the body (default JSON). */
    public Builder contentType(String contentType) {
      fields.put("contentType", requireNonNull(contentType, "contentType must not be null"));
      return this;
    }

    /** Wait this long first; with nothing else, the real endpoint then answers. */
    public Builder delay(Duration delay) {
      requireNonNull(delay, "delay must not be null");
      if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("delay must be between 0 and " + MAX_DELAY);
      }
      fields.put("delay", delay.toString());
      return this;
    }

    /** Close the connection without answering (not with status, headers, body or malformed). */
    public Builder dropConnection() {
      fields.put("drop", true);
      return this;
    }

    /** Answer with a JSON content type and a truncated JSON body. */
    public Builder malformedJson() {
      fields.put("malformed", true);
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

    /** Builds the rule. */
    public FaultRule build() {
      Map<String, Object> all = new LinkedHashMap<>(fields);
      if (!headers.isEmpty()) {
        all.put("headers", new LinkedHashMap<>(headers));
      }
      return new FaultRule(all);
    }
  }
}
