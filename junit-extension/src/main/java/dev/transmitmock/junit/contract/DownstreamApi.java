package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the API the client under test calls with its tokens, controlled by the {@link
 * ClientContract}: it answers every path and method with 200 when the request carries a bearer
 * token that has not expired on the emulator's clock (and names the expected audience, when the
 * contract has a resource), and with 401 and {@code WWW-Authenticate: Bearer error="invalid_token"}
 * otherwise, or when the contract told it to reject that token. It records what it received.
 *
 * <p>The contract starts one by itself. Start it yourself when the application under test must know
 * its URL before the contract is built (a Spring context, say), and hand it to {@link
 * ClientContract.Builder#downstream(DownstreamApi)}:
 *
 * <pre>{@code
 * static DownstreamApi inventory = DownstreamApi.start("{\"available\":7}");
 *
 * @DynamicPropertySource
 * static void inventory(DynamicPropertyRegistry registry) {
 *   registry.add("inventory.base-url", () -> inventory.baseUrl().toString());
 * }
 * }</pre>
 *
 * <p>Serves plain HTTP on a free loopback port; one contract at a time. Tokens it received are kept
 * in memory only and never printed.
 */
public final class DownstreamApi implements AutoCloseable {
  private static final String JSON = "application/json";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String okBody;
  private final Object lock = new Object();
  private final List<Received> received = new ArrayList<>();
  private final Set<String> rejected = ConcurrentHashMap.newKeySet();
  private volatile Clock clock = Clock.systemUTC();
  private volatile Optional<String> audience = Optional.empty();

  private DownstreamApi(String okBody) {
    this.okBody = okBody;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the downstream API", e);
    }
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "transmit-mock-downstream");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a stand-in answering {@code {}} to accepted requests. */
  public static DownstreamApi start() {
    return start("{}");
  }

  /**
   * Starts a stand-in answering accepted requests with this JSON body, for applications that read
   * the downstream API's answer (e.g. {@code {"available":7}}).
   */
  public static DownstreamApi start(String okBody) {
    return new DownstreamApi(requireNonNull(okBody, "okBody must not be null"));
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Judges expiry on this clock and requires this audience (when present) from now on. */
  void expect(Clock emulatorClock, Optional<String> requiredAudience) {
    this.clock = emulatorClock;
    this.audience = requiredAudience;
  }

  /** Answers 401 invalid_token to this token from now on. */
  void reject(String token) {
    rejected.add(token);
  }

  /** Accepts again every token it rejected on purpose. */
  void clearRejections() {
    rejected.clear();
  }

  /** The sequence number of the newest request received so far. */
  long mark() {
    synchronized (lock) {
      return received.size();
    }
  }

  /** The requests received after a mark, oldest first. */
  List<Received> since(long mark) {
    synchronized (lock) {
      return List.copyOf(received.subList((int) Math.min(mark, received.size()), received.size()));
    }
  }

  /** Every request received, oldest first. */
  List<Received> all() {
    return since(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Instant now = clock.instant();
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      Received request = judge(header, now);
      synchronized (lock) {
        request = request.numbered(received.size() + 1);
        received.add(request);
      }
      if (request.accepted()) {
        send(exchange, 200, okBody);
      } else if (request.token().isEmpty()) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(exchange, 401, "{\"error\":\"unauthorized\"}");
      } else {
        exchange
            .getResponseHeaders()
            .set(
                "WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"" + request.verdict() + "\"");
        send(exchange, 401, "{\"error\":\"invalid_token\"}");
      }
    }
  }

  private Received judge(String header, Instant now) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Received.without(now, header == null ? "no Authorization header" : "not a bearer");
    }
    String token = header.substring(7).trim();
    JWTClaimsSet claims;
    try {
      claims = JWTParser.parse(token).getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      return new Received(
          0,
          now,
          Optional.of(token),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "not a JWT");
    }
    Optional<String> jti = Optional.ofNullable(claims.getJWTID());
    Optional<Instant> iat = Optional.ofNullable(claims.getIssueTime()).map(d -> d.toInstant());
    Optional<Instant> exp = Optional.ofNullable(claims.getExpirationTime()).map(d -> d.toInstant());
    String verdict;
    if (rejected.contains(token)) {
      verdict = "the token was revoked";
    } else if (exp.isEmpty() || !now.isBefore(exp.get())) {
      verdict = Received.EXPIRED;
    } else if (audience.isPresent() && !claims.getAudience().contains(audience.get())) {
      verdict = "the token is not meant for this API";
    } else {
      verdict = Received.ACCEPTED;
    }
    return new Received(0, now, Optional.of(token), jti, iat, exp, verdict);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public String toString() {
    return "DownstreamApi[" + baseUrl() + "]";
  }

  /**
   * One request the stand-in received.
   *
   * @param sequence 1 for the first request
   * @param time when it arrived, on the emulator's clock
   * @param token the bearer token sent, if any (never printed)
   * @param jti its {@code jti}
   * @param iat its {@code iat}
   * @param exp its {@code exp}
   * @param verdict {@link #ACCEPTED} or why it was rejected
   */
  record Received(
      long sequence,
      Instant time,
      Optional<String> token,
      Optional<String> jti,
      Optional<Instant> iat,
      Optional<Instant> exp,
      String verdict) {
    static final String ACCEPTED = "accepted";
    static final String EXPIRED = "the token expired";

    static Received without(Instant time, String verdict) {
      return new Received(
          0, time, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), verdict);
    }

    Received numbered(long number) {
      return new Received(number, time, token, jti, iat, exp, verdict);
    }

    boolean accepted() {
      return ACCEPTED.equals(verdict);
    }

    /** One line for failure messages: never the token itself. */
    String describe() {
      return "request "
          + sequence
          + ": "
          + (token.isPresent() ? "token jti=" + jti.orElse("?") : "no token")
          + " -> "
          + (accepted() ? "200" : "401 (" + verdict + ")");
    }

    @Override
    public String toString() {
      return "Received[" + describe() + "]";
    }
  }
}
