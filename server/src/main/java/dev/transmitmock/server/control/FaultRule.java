package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.protocol.FaultRuleShape;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fault to inject at one endpoint: answer with a status and body, add a delay, drop the
 * connection without a response, or send malformed JSON; for the next {@code times} requests or
 * until cleared; optionally only for one client.
 *
 * <pre>{@code
 * server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));
 * server.faults().add(FaultRule.on(Endpoint.TOKEN).status(429).header("Retry-After", "2"));
 * server.faults().add(FaultRule.on(Endpoint.JWKS).delay(Duration.ofSeconds(2)));
 * server.faults().add(FaultRule.on(Endpoint.TOKEN).dropConnection().forClient("orders-svc"));
 * server.faults().add(FaultRule.on(Endpoint.DISCOVERY).malformedJson());
 * }</pre>
 *
 * <p>A rule with only a delay lets the request through to the real endpoint after the delay; any
 * other rule answers in place of the endpoint (after the delay, if one is set).
 *
 * @param id the rule's id, assigned by {@link Faults#add(FaultRule)} ({@code fault-1}, ...)
 * @param endpoint the endpoint the rule applies to
 * @param clientId only requests presenting this client id are affected (empty: every request)
 * @param status the status to answer with (empty: 200 for malformed JSON, the endpoint's own answer
 *     for a delay-only rule)
 * @param headers extra response headers, e.g. {@code Retry-After}
 * @param body the response body (empty: a default for the status, see {@link #effectiveBody()})
 * @param contentType the body's content type
 * @param delay how long to wait before answering
 * @param drop whether to close the connection without any response
 * @param malformedJson whether to answer a JSON content type with a body that does not parse
 * @param times how many requests the rule affects (empty: until cleared)
 */
public record FaultRule(
    String id,
    Endpoint endpoint,
    Optional<String> clientId,
    OptionalInt status,
    Map<String, String> headers,
    Optional<String> body,
    String contentType,
    Duration delay,
    boolean drop,
    boolean malformedJson,
    OptionalInt times) {

  /** Transmit's documented 500 body for its token and JWKS endpoints. */
  public static final String TRANSMIT_SERVER_ERROR_BODY = FaultRuleShape.TRANSMIT_SERVER_ERROR_BODY;

  /** What a malformed-JSON fault sends: a JSON object cut off in the middle. */
  public static final String MALFORMED_JSON_BODY = FaultRuleShape.MALFORMED_JSON_BODY;

  /** The content type of fault bodies unless set otherwise. */
  public static final String JSON_CONTENT_TYPE = FaultRuleShape.JSON_CONTENT_TYPE;

  /** The longest delay a rule may add; longer would only make tests hang. */
  public static final Duration MAX_DELAY = FaultRuleShape.MAX_DELAY;

  public FaultRule {
    requireNonNull(id, "id must not be null");
    requireNonNull(endpoint, "endpoint must not be null");
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(status, "status must not be null");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(headers, "headers")));
    requireNonNull(body, "body must not be null");
    requireNonNull(contentType, "contentType must not be null");
    requireNonNull(delay, "delay must not be null");
    requireNonNull(times, "times must not be null");
    status.ifPresent(FaultRuleShape::checkStatus);
    headers.forEach(FaultRuleShape::checkHeader);
    FaultRuleShape.checkContentType(contentType);
    FaultRuleShape.checkDelay(delay);
    times.ifPresent(FaultRuleShape::checkTimes);
    FaultRuleShape.checkCombination(
        status.isPresent(),
        body.isPresent(),
        !headers.isEmpty(),
        !delay.isZero(),
        drop,
        malformedJson);
  }

  /** Starts a rule for an endpoint. */
  public static Builder on(Endpoint endpoint) {
    return new Builder(requireNonNull(endpoint, "endpoint must not be null"));
  }

  /** Whether the rule only delays, then lets the endpoint answer as usual. */
  public boolean delayOnly() {
    return !drop && !malformedJson && status.isEmpty();
  }

  /** Whether a request to {@code target} from {@code requestClientId} is affected. */
  public boolean matches(Endpoint target, Optional<String> requestClientId) {
    return endpoint == target && (clientId.isEmpty() || clientId.equals(requestClientId));
  }

  /** The status sent: the given one, or 200 for malformed JSON. */
  public int effectiveStatus() {
    return status.orElse(200);
  }

  /** Whether the status forbids a body (204, 304): then none is sent. */
  public boolean bodyless() {
    int code = effectiveStatus();
    return code == 204 || code == 304;
  }

  /**
   * The body sent: the given one; for malformed JSON {@link #MALFORMED_JSON_BODY}; for 500 {@link
   * #TRANSMIT_SERVER_ERROR_BODY}; else Transmit's REST error shape {@code {"message":"<reason>",
   * "error_code":<status>}}.
   */
  public String effectiveBody() {
    if (malformedJson) {
      return MALFORMED_JSON_BODY;
    }
    if (body.isPresent()) {
      return body.get();
    }
    int code = effectiveStatus();
    if (code == 500) {
      return TRANSMIT_SERVER_ERROR_BODY;
    }
    return "{\"message\":\"" + reason(code) + "\",\"error_code\":" + code + "}";
  }

  /** The same rule under another id and with a number of remaining uses. */
  FaultRule with(String newId, OptionalInt remaining) {
    return new FaultRule(
        newId,
        endpoint,
        clientId,
        status,
        headers,
        body,
        contentType,
        delay,
        drop,
        malformedJson,
        remaining);
  }

  /** A one-line description, for the journal and for listings. */
  public String describe() {
    StringBuilder line = new StringBuilder(id).append(' ').append(endpoint.wireName());
    clientId.ifPresent(c -> line.append(" client=").append(c));
    if (!delay.isZero()) {
      line.append(" delay=").append(delay);
    }
    if (drop) {
      line.append(" drop");
    } else if (malformedJson) {
      line.append(" malformed-json ").append(effectiveStatus());
    } else {
      status.ifPresent(s -> line.append(" status=").append(s));
    }
    line.append(times.isPresent() ? " times=" + times.getAsInt() : " until cleared");
    return line.toString();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Invalid token";
      case 403 -> "Forbidden";
      case 404 -> "Resource not found";
      case 408 -> "Request timeout";
      case 429 -> "Rate limit reached";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> status >= 500 ? "Server error" : "Error";
    };
  }

  /** Builds a {@link FaultRule}; {@link Faults#add(Builder)} assigns its id. */
  public static final class Builder {
    private final Endpoint endpoint;
    private String clientId;
    private Integer status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private String contentType = JSON_CONTENT_TYPE;
    private Duration delay = Duration.ZERO;
    private boolean drop;
    private boolean malformedJson;
    private Integer times;

    private Builder(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    /** Only requests presenting this client id (in the form or a Basic header) are affected. */
    public Builder forClient(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      return this;
    }

    /** Answers with this status (and a default body unless {@link #body(String)} is set). */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public Builder header(String name, String value) {
      headers.put(
          requireNonNull(name, "name must not be null"),
          requireNonNull(value, "value must not be null"));
      return this;
    }

    /** The response body. */
    public Builder body(String body) {
      this.body = requireNonNull(body, "body must not be null");
      return this;
    }

    /** The body's content type; default JSON. */
    public Builder contentType(String contentType) {
      this.contentType = requireNonNull(contentType, "contentType must not be null");
      return this;
    }

    /** Waits this long before answering. */
    public Builder delay(Duration delay) {
      this.delay = requireNonNull(delay, "delay must not be null");
      return this;
    }

    /** Closes the connection without sending any response. */
    public Builder dropConnection() {
      this.drop = true;
      return this;
    }

    /** Answers (200 unless a status is set) with a JSON content type and a truncated body. */
    public Builder malformedJson() {
      this.malformedJson = true;
      return this;
    }

    /** Affects only the next {@code times} matching requests; default: until cleared. */
    public Builder times(int times) {
      this.times = times;
      return this;
    }

    /**
     * Builds the rule, validated, with a placeholder id.
     *
     * @throws IllegalArgumentException when the combination makes no sense
     */
    public FaultRule build() {
      return new FaultRule(
          "unassigned",
          endpoint,
          Optional.ofNullable(clientId),
          status == null ? OptionalInt.empty() : OptionalInt.of(status),
          headers,
          Optional.ofNullable(body),
          contentType,
          delay,
          drop,
          malformedJson,
          times == null ? OptionalInt.empty() : OptionalInt.of(times));
    }
  }
}
