package dev.transmitmock.junit.contract.clients;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.transmitmock.junit.contract.TokenCaller;
import java.io.IOException;
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
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small client-credentials token client whose habits are switches, so that the kit's tests can
 * show each case catching exactly the habit it is about. {@link #careful} has every good habit;
 * {@link #naive} has the bad ones of a client written in an afternoon.
 */
public final class TestTokenClient {
  /** Where {@link Habits#logsTokens} writes, through java.util.logging. */
  public static final String LOGGER = "dev.transmitmock.junit.contract.clients.tokens";

  private static final Logger LOG = Logger.getLogger(LOGGER);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String resource;
  private final Clock clock;
  private final Habits habits;
  private volatile Cached cached;
  private volatile RuntimeException stuck;

  private TestTokenClient(
      URI tokenEndpoint,
      String clientId,
      String clientSecret,
      String resource,
      Clock clock,
      Habits habits) {
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.resource = resource;
    this.clock = clock;
    this.habits = habits;
  }

  /** A client with the given habits. */
  public static TestTokenClient of(
      URI tokenEndpoint,
      String clientId,
      String clientSecret,
      String resource,
      Clock clock,
      Habits habits) {
    return new TestTokenClient(tokenEndpoint, clientId, clientSecret, resource, clock, habits);
  }

  /** Calls the downstream API with a token; on a 401 drops the token if the habits say so. */
  public TokenCaller caller() {
    return downstream -> {
      String token = token();
      int status =
          HTTP.send(
                  HttpRequest.newBuilder(downstream.resolve("/orders"))
                      .header("Authorization", "Bearer " + token)
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status == 401 && habits.invalidatesOn401) {
        cached = null;
      }
      if (status != 200) {
        throw new IllegalStateException("the downstream API answered " + status);
      }
    };
  }

  /** A token, cached or not. */
  public String token() {
    if (!habits.caches) {
      return fetch().token;
    }
    Cached current = cached;
    if (fresh(current)) {
      return current.token;
    }
    if (!habits.singleFlight) {
      Cached fetched = fetch();
      cached = fetched;
      return fetched.token;
    }
    synchronized (this) {
      current = cached;
      if (fresh(current)) {
        return current.token;
      }
      Cached fetched = fetch();
      cached = fetched;
      return fetched.token;
    }
  }

  private boolean fresh(Cached current) {
    return current != null
        && clock.instant().isBefore(current.expiresAt.minus(habits.refreshMargin));
  }

  private Cached fetch() {
    if (stuck != null) {
      throw stuck;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret)
            + (resource == null ? "" : "&resource=" + encode(resource));
    if (habits.logsSecret) {
      System.out.println("POST " + tokenEndpoint + " " + form);
    }
    for (int attempt = 0; ; attempt++) {
      Instant sent = clock.instant();
      HttpResponse<String> response;
      RuntimeException failure;
      boolean retryable;
      Duration wait = habits.backoff;
      try {
        response =
            HTTP.send(
                HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200) {
          return parse(response.body(), sent);
        }
        failure = new IllegalStateException("token endpoint answered " + status);
        retryable = habits.retriesRefusals || status == 429 || status == 408 || status >= 500;
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        if (habits.honoursRetryAfter && retryAfter != null) {
          wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        }
      } catch (IOException e) {
        failure = new IllegalStateException("no answer from the token endpoint: " + e, e);
        retryable = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      if (!retryable || attempt >= habits.retries) {
        if (habits.staysBroken && retryable) {
          stuck = failure;
        }
        throw failure;
      }
      sleep(wait);
    }
  }

  private Cached parse(String body, Instant sent) {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body);
      String token = (String) json.get("access_token");
      long expiresIn = ((Number) json.get("expires_in")).longValue();
      if (habits.logsTokens) {
        LOG.log(Level.FINE, "got a token for {0}: {1}", new Object[] {clientId, token});
      }
      return new Cached(token, sent.plusSeconds(expiresIn));
    } catch (ParseException e) {
      throw new IllegalStateException("the token response is not JSON", e);
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "TestTokenClient[" + clientId + ", " + habits + "]";
  }

  private record Cached(String token, Instant expiresAt) {}

  /** What the client does: every good habit to start with ({@link #careful()}), then switched. */
  public static final class Habits {
    private boolean caches = true;
    private boolean singleFlight = true;
    private Duration refreshMargin = Duration.ofSeconds(60);
    private boolean invalidatesOn401 = true;
    private int retries = 3;
    private boolean retriesRefusals;
    private boolean honoursRetryAfter = true;
    private Duration backoff = Duration.ofMillis(100);
    private boolean staysBroken;
    private boolean logsSecret;
    private boolean logsTokens;

    private Habits() {}

    /** Every good habit. */
    public static Habits careful() {
      return new Habits();
    }

    /**
     * Never caches, retries anything at once three times, ignores Retry-After, prints its secret.
     */
    public static Habits naive() {
      return careful()
          .withoutCache()
          .keepingRefusedTokens()
          .retryingRefusals()
          .ignoringRetryAfter()
          .loggingSecret();
    }

    /** Fetches a token for every call. */
    public Habits withoutCache() {
      caches = false;
      singleFlight = false;
      return this;
    }

    /** Caches, but every caller that finds no fresh token fetches its own. */
    public Habits withoutSingleFlight() {
      singleFlight = false;
      return this;
    }

    /** Uses a cached token up to its very expiry. */
    public Habits refreshingAtExpiry() {
      refreshMargin = Duration.ZERO;
      return this;
    }

    /** Keeps its token when the downstream API answers 401. */
    public Habits keepingRefusedTokens() {
      invalidatesOn401 = false;
      return this;
    }

    /** Retries after its own fixed backoff of zero, whatever Retry-After says. */
    public Habits ignoringRetryAfter() {
      honoursRetryAfter = false;
      backoff = Duration.ZERO;
      return this;
    }

    /** Retries 400 and 401 like any other failure. */
    public Habits retryingRefusals() {
      retriesRefusals = true;
      return this;
    }

    /** No retries, and one 5xx or I/O error breaks it for good. */
    public Habits stayingBroken() {
      retries = 0;
      staysBroken = true;
      return this;
    }

    /** Prints the token request's form, secret and all, to System.out. */
    public Habits loggingSecret() {
      logsSecret = true;
      return this;
    }

    /** Logs each token it gets at FINE to {@link TestTokenClient#LOGGER}. */
    public Habits loggingTokens() {
      logsTokens = true;
      return this;
    }

    @Override
    public String toString() {
      return "Habits[caches="
          + caches
          + ", singleFlight="
          + singleFlight
          + ", refreshMargin="
          + refreshMargin
          + ", retries="
          + retries
          + "]";
    }
  }
}
