package dev.transmitmock.client;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

/**
 * One client-credentials exchange with the token endpoint, including bounded retries: builds the
 * form (or Basic header), sends it, parses RFC 6749 success and error bodies, and decides what is
 * worth retrying. Holds the secret; never prints it.
 */
final class TokenEndpointCall {

  private static final System.Logger LOG = System.getLogger(TransmitTokenClient.class.getName());

  private static final String GRANT_TYPE = "client_credentials";
  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
  private static final String DEFAULT_TOKEN_TYPE = "Bearer";

  /** Token responses are a couple of kilobytes; refuse to buffer anything much larger. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private static final int HTTP_OK = 200;
  private static final int HTTP_REQUEST_TIMEOUT = 408;
  private static final int HTTP_TOO_MANY_REQUESTS = 429;
  private static final int HTTP_SERVER_ERROR_MIN = 500;
  private static final int HTTP_SERVER_ERROR_MAX = 599;

  private final HttpClient http;
  private final URI endpoint;
  private final String clientId;
  private final String clientSecret;
  private final ClientAuthentication authentication;
  private final String scope;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final String basicHeader;

  TokenEndpointCall(
      HttpClient http,
      URI endpoint,
      String clientId,
      String clientSecret,
      ClientAuthentication authentication,
      String scope,
      Duration requestTimeout,
      RetryPolicy retryPolicy,
      Clock clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.authentication = authentication;
    this.scope = scope;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
    this.basicHeader =
        authentication == ClientAuthentication.CLIENT_SECRET_BASIC
            ? "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (formEncode(clientId) + ":" + formEncode(clientSecret))
                            .getBytes(StandardCharsets.UTF_8))
            : null;
  }

  /**
   * Requests a token for {@code resource} (null: Transmit's default audience {@code userid-api}).
   */
  AccessToken request(String resource) {
    HttpRequest request = buildRequest(resource);
    int attempt = 0;
    while (true) {
      attempt++;
      Outcome outcome = send(request, attempt);
      if (outcome.token != null) {
        return outcome.token;
      }
      TokenRequestException failure = outcome.failure;
      if (!outcome.retryable || attempt > retryPolicy.maxRetries()) {
        throw failure;
      }
      Duration delay = retryPolicy.backoff(attempt);
      if (outcome.retryAfter != null) {
        if (outcome.retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0) {
          throw failure; // the server asks for a longer pause than callers can be made to wait
        }
        delay = outcome.retryAfter;
      }
      LOG.log(
          Level.DEBUG,
          "token request attempt {0} of {1} failed ({2}); retrying in {3} ms",
          attempt,
          retryPolicy.maxRetries() + 1,
          failure.getMessage(),
          delay.toMillis());
      sleep(delay, failure);
    }
  }

  private HttpRequest buildRequest(String resource) {
    StringBuilder form = new StringBuilder(128).append("grant_type=").append(GRANT_TYPE);
    if (authentication == ClientAuthentication.CLIENT_SECRET_POST) {
      form.append("&client_id=").append(formEncode(clientId));
      form.append("&client_secret=").append(formEncode(clientSecret));
    }
    if (resource != null) {
      form.append("&resource=").append(formEncode(resource));
    }
    if (scope != null) {
      form.append("&scope=").append(formEncode(scope));
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", FORM_CONTENT_TYPE)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8));
    if (basicHeader != null) {
      builder.header("Authorization", basicHeader);
    }
    return builder.build();
  }

  private Outcome send(HttpRequest request, int attempt) {
    // Expiry counts from before the request, truncated to whole seconds like exp: never later than
    // the token's real exp, however slow the response.
    Instant sentAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<InputStream> response;
    String body;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          return Outcome.failure(
              failure(
                  "response body exceeds " + MAX_BODY_BYTES + " bytes",
                  response.statusCode(),
                  attempt,
                  null),
              false,
              null);
        }
        body = new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return Outcome.failure(
          failure("no response (" + e.getClass().getSimpleName() + ")", 0, attempt, e), true, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted", 0, attempt, e);
    }
    int status = response.statusCode();
    if (status == HTTP_OK) {
      return parseSuccess(body, attempt, sentAt);
    }
    Map<String, Object> json = parseJsonOrNull(body);
    String error = json == null ? null : stringOrNull(json, "error");
    String description = json == null ? null : stringOrNull(json, "error_description");
    if (json != null && error == null && description == null) {
      description = stringOrNull(json, "message"); // Transmit's REST error style
    }
    boolean retryable =
        status == HTTP_REQUEST_TIMEOUT
            || status == HTTP_TOO_MANY_REQUESTS
            || (status >= HTTP_SERVER_ERROR_MIN && status <= HTTP_SERVER_ERROR_MAX);
    Duration retryAfter =
        retryable ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
    return Outcome.failure(
        TokenRequestException.fromResponse(
            endpoint.toString(), status, error, description, attempt),
        retryable,
        retryAfter);
  }

  private Outcome parseSuccess(String body, int attempt, Instant sentAt) {
    Map<String, Object> json = parseJsonOrNull(body);
    if (json == null) {
      // A garbled success body is more likely a proxy hiccup than a lasting condition.
      return Outcome.failure(
          failure("HTTP 200 with a body that is not JSON", HTTP_OK, attempt, null), true, null);
    }
    String value = stringOrNull(json, "access_token");
    if (value == null || value.isBlank()) {
      return Outcome.failure(
          failure("HTTP 200 without an access_token", HTTP_OK, attempt, null), false, null);
    }
    String tokenType = stringOrNull(json, "token_type");
    long expiresIn = expiresIn(json.get("expires_in"));
    Instant expiresAt = sentAt.plusSeconds(expiresIn);
    return Outcome.success(
        new AccessToken(
            value,
            tokenType == null ? DEFAULT_TOKEN_TYPE : tokenType,
            expiresAt,
            stringOrNull(json, "scope")));
  }

  /** {@code expires_in} is RECOMMENDED only; without it the token is used once, never cached. */
  private static long expiresIn(Object value) {
    if (value instanceof Number number) {
      return Math.max(0, number.longValue());
    }
    if (value instanceof String text) {
      try {
        return Math.max(0, Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String trimmed = header.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private TokenRequestException failure(String what, int status, int attempt, Throwable cause) {
    return new TokenRequestException(
        "token request to "
            + endpoint
            + " failed: "
            + what
            + " after "
            + attempt
            + (attempt == 1 ? " attempt" : " attempts"),
        null,
        null,
        status,
        attempt,
        cause);
  }

  private static void sleep(Duration delay, TokenRequestException pending) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.addSuppressed(e);
      throw pending;
    }
  }

  private static Map<String, Object> parseJsonOrNull(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      return null;
    }
  }

  private static String stringOrNull(Map<String, Object> json, String name) {
    Object value = json.get(name);
    return value instanceof String s ? s : null;
  }

  /**
   * Form-encodes a form parameter, or (RFC 6749 section 2.3.1) the id and secret inside the Basic
   * header: node-oidc-provider, which Transmit's server appears to be, decodes a {@code +} there as
   * a space and {@code %2B} as a plus.
   */
  static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Outcome(
      AccessToken token, TokenRequestException failure, boolean retryable, Duration retryAfter) {
    static Outcome success(AccessToken token) {
      return new Outcome(token, null, false, null);
    }

    static Outcome failure(TokenRequestException failure, boolean retryable, Duration retryAfter) {
      return new Outcome(null, failure, retryable, retryAfter);
    }
  }
}
