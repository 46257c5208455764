package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.TransmitMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A contract test for token clients, the code that calls Transmit's {@code /oidc/token}: generates
 * one test per behaviour a careful client shows, driving the client through the emulator (its
 * journal, faults and clock) and a stand-in for the API the tokens are for ({@link DownstreamApi}).
 *
 * <table>
 *   <caption>Cases, in the order they run</caption>
 *   <tr><th>id</th><th>the client must</th></tr>
 *   <tr><td>{@code sends-issued-token}</td><td>send a token the emulator issued to it</td></tr>
 *   <tr><td>{@code caches}</td><td>send one token request for 10 calls</td></tr>
 *   <tr><td>{@code single-flight}</td><td>send one token request for 8 concurrent calls</td></tr>
 *   <tr><td>{@code refreshes-before-exp}</td><td>replace a token 10 s before its exp</td></tr>
 *   <tr><td>{@code refetches-after-rejection}</td><td>fetch a new token after the downstream API
 *       answered 401 {@code invalid_token}</td></tr>
 *   <tr><td>{@code honours-retry-after}</td><td>not retry a 429 sooner than its
 *       {@code Retry-After}</td></tr>
 *   <tr><td>{@code no-retry-storm}</td><td>not retry 401 {@code invalid_client} and 400
 *       {@code invalid_target}</td></tr>
 *   <tr><td>{@code recovers-after-503}, {@code recovers-after-dropped-connection}</td><td>work
 *       again after one failure of the token endpoint</td></tr>
 *   <tr><td>{@code no-secret-in-logs}</td><td>keep the client secret and its tokens out of
 *       {@code System.out}, {@code System.err} and the {@link LogSink}s given</td></tr>
 * </table>
 *
 * <pre>{@code
 * @TransmitMock(clients = @TransmitClient(id = "orders-svc", secret = "orders-secret",
 *     resources = "https://api.orders.example"))
 * class OrdersTokenClientContractTest {
 *   @TestFactory
 *   Stream<DynamicTest> the_token_client_behaves(TransmitMockHandle mock) {
 *     TransmitTokenClient tokens = TransmitTokenClient.builder()
 *         .tokenEndpoint(mock.tokenEndpoint())
 *         .clientId("orders-svc").clientSecret("orders-secret")
 *         .clock(mock.clock())                       // the kit moves this clock
 *         .build();
 *     HttpClient http = HttpClient.newHttpClient();
 *     return ClientContract.builder(mock)
 *         .client("orders-svc")
 *         .resource("https://api.orders.example")    // the downstream API wants this aud
 *         .caller(downstream -> {                    // one call, the way the application makes it
 *           AccessToken token = tokens.accessToken("https://api.orders.example");
 *           int status = http.send(HttpRequest.newBuilder(downstream)
 *                   .header("Authorization", token.authorizationHeader()).build(),
 *               BodyHandlers.discarding()).statusCode();
 *           if (status == 401) {
 *             tokens.invalidate("https://api.orders.example");
 *           }
 *           if (status != 200) {
 *             throw new IllegalStateException("downstream API answered " + status);
 *           }
 *         })
 *         .build()
 *         .dynamicTests();
 *   }
 * }
 * }</pre>
 *
 * <p>A failure names the behaviour, what the kit observed (the client's token requests from the
 * emulator's journal, with timings; what the downstream API received; how the calls ended) and the
 * fix; never the secret or a token. The client must judge expiry on the emulator's clock ({@code
 * mock.clock()}): the kit moves it forward past the cached token's {@code exp} at the start of each
 * case, so the next call needs a new token, and never moves it back (the extension resets it before
 * the next test). Faults are injected for the contract's client only. Against a container, build
 * the contract from {@code ContainerContractEmulator} (Testcontainers module).
 */
public final class ClientContract implements AutoCloseable {
  /** How long one call may take before the kit reports the client as hanging. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(20);

  /** How long before {@code exp} a client must have replaced its token. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(10);

  private final ContractSession session;
  private final List<Behaviour> behaviours;

  private ClientContract(ContractSession session) {
    this.session = session;
    this.behaviours =
        List.of(
            new SendsIssuedToken(session),
            new CachesTokens(session),
            new SingleFlight(session),
            new RefreshesBeforeExpiry(session),
            new RefetchesAfterRejection(session),
            new HonoursRetryAfter(session),
            new NoRetryStorm(session),
            RecoversAfterFault.serviceUnavailable(session),
            RecoversAfterFault.droppedConnection(session),
            new KeepsSecretsOutOfLogs(session));
  }

  /** Starts a contract against an emulator started by {@code @TransmitMock} or the extension. */
  public static Builder builder(TransmitMockHandle mock) {
    return builder(ContractEmulator.of(requireNonNull(mock, "mock must not be null")));
  }

  /** Starts a contract against a running in-process emulator. */
  public static Builder builder(TransmitMockServer server) {
    return builder(ContractEmulator.of(requireNonNull(server, "server must not be null")));
  }

  /**
   * Starts a contract against any emulator, e.g. a container's ({@code ContainerContractEmulator}).
   */
  public static Builder builder(ContractEmulator emulator) {
    return new Builder(requireNonNull(emulator, "emulator must not be null"));
  }

  /** Every case, in the order the tests run. */
  public List<ClientCase> cases() {
    return behaviours.stream().map(Behaviour::clientCase).toList();
  }

  /**
   * One dynamic test per case, for a {@code @TestFactory} method; a passing case prints its verdict
   * (e.g. {@code retried within the call 212 ms after the 503}). Closing the stream (JUnit does)
   * closes the contract.
   */
  public Stream<DynamicTest> dynamicTests() {
    return cases().stream()
        .map(
            clientCase ->
                DynamicTest.dynamicTest(
                    clientCase.displayName(),
                    () ->
                        System.out.println("transmit-mock client contract: " + verify(clientCase))))
        .onClose(this::close);
  }

  /**
   * Runs one case now. The first case run starts capturing {@code System.out} and {@code
   * System.err} for {@code no-secret-in-logs}; {@link #close()} stops.
   *
   * @return a one-line verdict, e.g. {@code "10 calls, 1 token request"}
   * @throws ClientContractViolation when the client got the case wrong
   * @throws IllegalArgumentException for a case of another contract
   */
  public String verify(ClientCase clientCase) {
    requireNonNull(clientCase, "clientCase must not be null");
    Behaviour behaviour =
        behaviours.stream()
            .filter(b -> b.clientCase().equals(clientCase))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        clientCase + " is not a case of this contract; see cases()"));
    session.begin();
    return behaviour.clientCase().displayName() + ": " + behaviour.verify();
  }

  /** The downstream API stand-in the caller is given. */
  public DownstreamApi downstream() {
    return session.downstream;
  }

  /**
   * Stops capturing the console and stops the downstream API stand-in, unless it was handed to the
   * builder.
   */
  @Override
  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "ClientContract[client="
        + session.clientId
        + ", resource="
        + session.resource.orElse("-")
        + "]";
  }

  /** Configures a {@link ClientContract}. */
  public static final class Builder {
    private final ContractEmulator emulator;
    private String clientId;
    private String clientSecret;
    private String resource;
    private TokenCaller caller;
    private DownstreamApi downstream;
    private final List<LogSink> logSinks = new ArrayList<>();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;

    private Builder(ContractEmulator emulator) {
      this.emulator = emulator;
    }

    /** The client id the client under test uses (required). */
    public Builder client(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      return this;
    }

    /**
     * Its secret, for {@code no-secret-in-logs}; needed only when the emulator cannot tell (a
     * container never returns secrets).
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = requireNonNull(clientSecret, "clientSecret must not be null");
      return this;
    }

    /**
     * The resource the client asks for: the downstream API then refuses tokens whose {@code aud}
     * does not name it (optional).
     */
    public Builder resource(String resource) {
      this.resource = requireNonNull(resource, "resource must not be null");
      return this;
    }

    /** How to make one call with the client under test (required). */
    public Builder caller(TokenCaller caller) {
      this.caller = requireNonNull(caller, "caller must not be null");
      return this;
    }

    /**
     * A downstream API stand-in started beforehand, when the application under test must know its
     * URL before the contract exists; default: the contract starts one (and stops it on close).
     */
    public Builder downstream(DownstreamApi downstream) {
      this.downstream = requireNonNull(downstream, "downstream must not be null");
      return this;
    }

    /** Adds where the client's log output can be read, besides the console (repeatable). */
    public Builder logSink(LogSink logSink) {
      logSinks.add(requireNonNull(logSink, "logSink must not be null"));
      return this;
    }

    /** How long one call may take ({@link #DEFAULT_CALL_TIMEOUT}). */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * How long before {@code exp} the client must have replaced its token ({@link
     * #DEFAULT_REFRESH_MARGIN}).
     */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = positive(refreshMargin, "refreshMargin");
      return this;
    }

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    /**
     * The contract.
     *
     * @throws IllegalStateException when the client or the caller is missing, or the emulator does
     *     not know the client
     */
    public ClientContract build() {
      if (clientId == null) {
        throw new IllegalStateException(
            "name the client id the token client uses: .client(\"orders-svc\")");
      }
      if (caller == null) {
        throw new IllegalStateException(
            "say how to make one call with the token client: .caller(downstream -> ...)");
      }
      List<String> known = emulator.clientIds();
      if (!known.contains(clientId)) {
        throw new IllegalStateException(
            "the emulator has no client " + clientId + "; known clients: " + known);
      }
      Optional<String> secret =
          Optional.ofNullable(clientSecret).or(() -> emulator.clientSecret(clientId));
      return new ClientContract(
          new ContractSession(
              emulator,
              clientId,
              Optional.ofNullable(resource),
              secret,
              caller,
              Optional.ofNullable(downstream),
              logSinks,
              callTimeout,
              refreshMargin));
    }
  }
}
