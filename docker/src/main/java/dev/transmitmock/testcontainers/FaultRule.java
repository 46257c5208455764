package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.protocol.FaultRuleShape;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the emulator injects on one endpoint, added with {@link FaultControl#add(FaultRule)}.
 * The first matching rule answers; a rule with {@code times} disappears once used up.
 *
 * <pre>{@code
 * FaultRule.on(Endpoint.TOKEN).status(503).times(1).build();
 * FaultRule.on("token").status(429).header("Retry-After", "2").clientId("demo-app").build();
 * FaultRule.on("jwks").dropConnection().build();
 * FaultRule.on("discovery").delay(Duration.ofSeconds(3)).build();
 * }</pre>
 *
 * <p>The builder applies the emulator's own limits and combination rules ({@link FaultRuleShape}),
 * so a rule it builds is one the emulator accepts.
 *
 * @param fields the rule as the control API's JSON members
 */
public record FaultRule(Map<String, Object> fields) {

  /** The longest delay the emulator accepts. */
  public static final Duration MAX_DELAY = FaultRuleShape.MAX_DELAY;

  /** Copies the fields. */
  public FaultRule {
    fields = Map.copyOf(requireNonNull(fields, "fields must not be null"));
  }

  /**
   * Starts a rule for an endpoint: {@code token}, {@code jwks}, {@code discovery}, {@code
   * introspection} or {@code revocation}.
   *
   * @throws IllegalArgumentException for another name
   */
  public static Builder on(String endpoint) {
    requireNonNull(endpoint, "endpoint must not be null");
    return on(
        Endpoint.parse(endpoint)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        FaultRuleShape.ENDPOINT
                            + ": "
                            + FaultRuleShape.unknownEndpoint(endpoint))));
  }

  /** Starts a rule for an endpoint. */
  public static Builder on(Endpoint endpoint) {
    return new Builder(requireNonNull(endpoint, "endpoint must not be null"));
  }

  /** Builds a {@link FaultRule}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;

    private Builder(Endpoint endpoint) {
      fields.put(FaultRuleShape.ENDPOINT, endpoint.wireName());
    }

    /** Answer with this HTTP status (default body: Transmit's REST error shape). */
    public Builder status(int status) {
      FaultRuleShape.checkStatus(status);
      fields.put(FaultRuleShape.STATUS, status);
      return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public Builder header(String name, String value) {
      requireNonNull(name, "name must not be null");
      requireNonNull(value, "value must not be null");
      FaultRuleShape.checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /** Answer with this body text. */
    public Builder body(String body) {
      fields.put(FaultRuleShape.BODY, requireNonNull(body, "body must not be null"));
      return this;
    }

    /** The content type of the body (default JSON). */
    public Builder contentType(String contentType) {
      requireNonNull(contentType, "contentType must not be null");
      FaultRuleShape.checkContentType(contentType);
      fields.put(FaultRuleShape.CONTENT_TYPE, contentType);
      return this;
    }

    /** Wait this long first; with nothing else, the real endpoint then answers. */
    public Builder delay(Duration delay) {
      requireNonNull(delay, "delay must not be null");
      FaultRuleShape.checkDelay(delay);
      this.delay = delay;
      fields.put(FaultRuleShape.DELAY, delay.toString());
      return this;
    }

    /** Close the connection without answering (not with status, headers, body or malformed). */
    public Builder dropConnection() {
      fields.put(FaultRuleShape.DROP, true);
      return this;
    }

    /** Answer with a JSON content type and a truncated JSON body. */
    public Builder malformedJson() {
      fields.put(FaultRuleShape.MALFORMED, true);
      return this;
    }

    /** Only for the next {@code times} matching requests (default: until cleared). */
    public Builder times(int times) {
      FaultRuleShape.checkTimes(times);
      fields.put(FaultRuleShape.TIMES, times);
      return this;
    }

    /** Only for requests of this client. */
    public Builder clientId(String clientId) {
      fields.put(FaultRuleShape.CLIENT_ID, requireNonNull(clientId, "clientId must not be null"));
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws IllegalArgumentException when the parts do not combine (the emulator's rules)
     */
    public FaultRule build() {
      FaultRuleShape.checkCombination(
          fields.containsKey(FaultRuleShape.STATUS),
          fields.containsKey(FaultRuleShape.BODY),
          !headers.isEmpty(),
          !delay.isZero(),
          fields.containsKey(FaultRuleShape.DROP),
          fields.containsKey(FaultRuleShape.MALFORMED));
      Map<String, Object> all = new LinkedHashMap<>(fields);
      if (!headers.isEmpty()) {
        all.put(FaultRuleShape.HEADERS, new LinkedHashMap<>(headers));
      }
      return new FaultRule(all);
    }
  }
}
