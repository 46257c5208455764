package dev.transmitmock.protocol;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a fault rule ({@code POST /_mock/faults}): its JSON fields, their limits and the
 * rules for combining them, with their messages. The server's {@code FaultRule} and the
 * Testcontainers module's {@code FaultRule} builder both apply them.
 *
 * <pre>{@code
 * {"endpoint": "token", "status": 503, "times": 1}
 * {"endpoint": "jwks", "delay": "PT2S"}
 * {"endpoint": "token", "drop": true, "clientId": "orders-svc"}
 * }</pre>
 *
 * <p>A rule with only a delay lets the request through to the real endpoint after the delay; any
 * other rule answers in place of the endpoint. {@code drop} sends nothing, so it takes no status,
 * headers, body or {@code malformed}; {@code malformed} sends its own body; body and headers need a
 * status (or {@code malformed}).
 */
public final class FaultRuleShape {
  /** The {@link Endpoint} wire name ({@value Endpoint#WIRE_NAMES}); required. */
  public static final String ENDPOINT = "endpoint";

  /** The status to answer with, {@value #MIN_STATUS} to {@value #MAX_STATUS}. */
  public static final String STATUS = "status";

  /** How many requests the rule affects, at least 1; absent: until cleared. */
  public static final String TIMES = "times";

  /** An ISO-8601 duration to wait before answering, at most {@link #MAX_DELAY}. */
  public static final String DELAY = "delay";

  /** {@code true}: close the connection without a response. */
  public static final String DROP = "drop";

  /** {@code true}: answer a JSON content type with a body that does not parse. */
  public static final String MALFORMED = "malformed";

  /** Only requests presenting this client id are affected. */
  public static final String CLIENT_ID = "clientId";

  /** Extra response headers, an object of strings. */
  public static final String HEADERS = "headers";

  /** The response body. */
  public static final String BODY = "body";

  /** The body's content type; default {@link #JSON_CONTENT_TYPE}. */
  public static final String CONTENT_TYPE = "contentType";

  /** The rule's id, in answers and listings ({@code fault-1}). */
  public static final String ID = "id";

  /** A one-line description, in listings. */
  public static final String DESCRIPTION = "description";

  /** Every field a request may send. */
  public static final Set<String> FIELDS =
      Set.of(
          ENDPOINT, STATUS, TIMES, DELAY, DROP, MALFORMED, CLIENT_ID, HEADERS, BODY, CONTENT_TYPE);

  /** The lowest status a rule may answer with. */
  public static final int MIN_STATUS = 200;

  /** The highest status a rule may answer with. */
  public static final int MAX_STATUS = 599;

  /** The longest delay a rule may add; longer would only make tests hang. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(5);

  /** The content type of fault bodies unless set otherwise. */
  public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

  /** Transmit's documented 500 body for its token and JWKS endpoints. */
  public static final String TRANSMIT_SERVER_ERROR_BODY =
      "{\"message\":\"Something went wrong - Internal server error\",\"error_code\":500}";

  /** What a malformed-JSON fault sends: a JSON object cut off in the middle. */
  public static final String MALFORMED_JSON_BODY = "{\"access_token\":\"eyJhbGciOi";

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7e\\x80-\\xff]*");

  private FaultRuleShape() {}

  /**
   * Checks a status.
   *
   * @throws IllegalArgumentException when it is outside {@value #MIN_STATUS}..{@value #MAX_STATUS}
   */
  public static void checkStatus(int status) {
    if (status < MIN_STATUS || status > MAX_STATUS) {
      throw new IllegalArgumentException(
          "status must be between " + MIN_STATUS + " and " + MAX_STATUS + ", was " + status);
    }
  }

  /**
   * Checks a delay.
   *
   * @throws IllegalArgumentException when it is negative or longer than {@link #MAX_DELAY}
   */
  public static void checkDelay(Duration delay) {
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(
          "delay must be between PT0S and " + MAX_DELAY + ", was " + delay);
    }
  }

  /**
   * Checks a number of uses.
   *
   * @throws IllegalArgumentException when it is below 1
   */
  public static void checkTimes(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
  }

  /**
   * Checks a response header.
   *
   * @throws IllegalArgumentException when the name is not an HTTP token or the value holds control
   *     characters
   */
  public static void checkHeader(String name, String value) {
    if (!HEADER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("header name '" + name + "' is not a valid token");
    }
    if (!HEADER_VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("header " + name + " must not contain control characters");
    }
  }

  /**
   * Checks a content type.
   *
   * @throws IllegalArgumentException when it is blank or holds control characters
   */
  public static void checkContentType(String contentType) {
    if (!HEADER_VALUE.matcher(contentType).matches() || contentType.isBlank()) {
      throw new IllegalArgumentException("contentType must be a non-blank header value");
    }
  }

  /**
   * Checks how the parts of a rule combine.
   *
   * @param status whether a status is set
   * @param body whether a body is set
   * @param headers whether any header is set
   * @param delayed whether a non-zero delay is set
   * @param drop whether the rule drops the connection
   * @param malformed whether the rule sends malformed JSON
   * @throws IllegalArgumentException naming what does not fit
   */
  public static void checkCombination(
      boolean status,
      boolean body,
      boolean headers,
      boolean delayed,
      boolean drop,
      boolean malformed) {
    if (drop && (status || body || malformed || headers)) {
      throw new IllegalArgumentException(
          "drop sends no response, so it cannot be combined with status, headers, body or"
              + " malformedJson");
    }
    if (malformed && body) {
      throw new IllegalArgumentException("malformedJson sends its own body; do not also set body");
    }
    if (!drop && !malformed && !status && !delayed) {
      throw new IllegalArgumentException(
          "a fault needs at least one of status, delay, drop or malformedJson");
    }
    if (!status && !malformed && (body || headers)) {
      throw new IllegalArgumentException("body and headers need a status");
    }
  }

  /** The message for an endpoint name that is not one of {@link Endpoint}'s. */
  public static String unknownEndpoint(String name) {
    return "'" + name + "' is not one of " + Endpoint.WIRE_NAMES;
  }
}
