package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.TransmitMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the {@link ClientContract} needs of an emulator: the journal of a client's token requests,
 * fault injection on the token endpoint, and the clock. The in-process emulator provides it ({@link
 * #of(TransmitMockHandle)}, used by {@code ClientContract.builder(mock)}); the Testcontainers
 * module provides it for a container over the {@code /_mock} HTTP control API ({@code
 * ContainerContractEmulator}). New abilities (such as shaping the next token response) arrive as
 * default methods, so implementations keep compiling.
 *
 * <pre>{@code
 * ClientContract.builder(ContractEmulator.of(server)).client("orders-svc")...
 * }</pre>
 */
public interface ContractEmulator {

  /** The token endpoint the client under test must call, for failure messages. */
  URI tokenEndpoint();

  /** The ids of the clients the emulator knows, to refuse a contract for an unknown one. */
  List<String> clientIds();

  /**
   * The secret of a client, when the emulator can tell (the in-process emulator can; a container
   * never returns secrets over HTTP): the {@code no-secret-in-logs} case looks for it.
   */
  Optional<String> clientSecret(String clientId);

  /**
   * The emulator's clock as this JVM sees it: it stamps {@code iat} and {@code exp}. Give it to the
   * client under test, so that moving it makes the client's cached token stale.
   */
  Clock clock();

  /** Whether the emulator's clock stands still (then the journal's timings are all zero). */
  boolean clockFrozen();

  /** Moves the emulator's clock (and {@link #clock()}) forward by {@code amount}. */
  void advanceClock(Duration amount);

  /**
   * The token-endpoint requests of one client recorded after a sequence number, oldest first.
   *
   * @param clientId the client
   * @param afterSequence only entries with a greater sequence; 0 for all
   */
  List<TokenRequest> tokenRequests(String clientId, long afterSequence);

  /**
   * Injects a fault on the token endpoint for the requests of one client.
   *
   * @return the rule's id, for {@link #removeFault(String)}
   */
  String addTokenFault(String clientId, Fault fault);

  /** Removes a fault rule; a rule already used up is no error. */
  void removeFault(String faultId);

  /** The in-process emulator behind a handle of the JUnit extension. */
  static ContractEmulator of(TransmitMockHandle mock) {
    return of(requireNonNull(mock, "mock must not be null").server());
  }

  /** A running in-process emulator. */
  static ContractEmulator of(TransmitMockServer server) {
    return new InProcessEmulator(requireNonNull(server, "server must not be null"));
  }

  /**
   * One token-endpoint request as the journal recorded it (never a secret or a token).
   *
   * @param sequence the journal's sequence number
   * @param time when it arrived, on the emulator's clock
   * @param status the status answered (0: an injected fault dropped the connection)
   * @param outcome {@code issued}, {@code rejected} or {@code faulted}
   * @param error the OAuth error, or {@code injected_fault}
   * @param detail the error description with the journal's error detail (see {@link
   *     #reason(Optional, Optional)}), or the fault rule's description
   * @param jti the {@code jti} of the issued token
   */
  record TokenRequest(
      long sequence,
      Instant time,
      int status,
      String outcome,
      Optional<String> error,
      Optional<String> detail,
      Optional<String> jti) {

    /** Validates the parts. */
    public TokenRequest {
      requireNonNull(time, "time must not be null");
      requireNonNull(outcome, "outcome must not be null");
      requireNonNull(error, "error must not be null");
      requireNonNull(detail, "detail must not be null");
      requireNonNull(jti, "jti must not be null");
    }

    /**
     * What a refusal's {@code detail} says: the wire's description and, where the journal knows
     * more, why ("client authentication failed: invalid secret provided"); the wire says the same
     * for every failed client authentication, as Transmit does.
     *
     * @param description the journal's {@code errorDescription}
     * @param errorDetail the journal's {@code errorDetail}
     */
    public static Optional<String> reason(
        Optional<String> description, Optional<String> errorDetail) {
      if (description.isEmpty()) {
        return errorDetail;
      }
      return Optional.of(description.get() + errorDetail.map(why -> ": " + why).orElse(""));
    }

    /** Whether a token was issued. */
    public boolean issued() {
      return "issued".equals(outcome);
    }

    /** Whether an injected fault answered it. */
    public boolean faulted() {
      return "faulted".equals(outcome);
    }
  }

  /**
   * A fault on the token endpoint: an answer in the endpoint's place (status, headers, body), a
   * dropped connection, or a delay before the endpoint answers as usual; for the next {@code times}
   * requests or until removed.
   *
   * @param status the status to answer with (empty: none, for a drop or a delay)
   * @param headers extra response headers, e.g. {@code Retry-After}
   * @param body the response body (empty: the emulator's default for the status)
   * @param drop close the connection without an answer
   * @param delay wait this long first
   * @param times how many requests it affects (empty: until removed)
   */
  record Fault(
      OptionalInt status,
      Map<String, String> headers,
      Optional<String> body,
      boolean drop,
      Duration delay,
      OptionalInt times) {

    /** Validates and copies the parts. */
    public Fault {
      requireNonNull(status, "status must not be null");
      headers = Map.copyOf(requireNonNull(headers, "headers must not be null"));
      requireNonNull(body, "body must not be null");
      requireNonNull(delay, "delay must not be null");
      requireNonNull(times, "times must not be null");
    }

    /** Answer with a status, a body and headers (name, value, name, value, ...). */
    public static Fault answer(int status, String body, String... headerNamesAndValues) {
      if (headerNamesAndValues.length % 2 != 0) {
        throw new IllegalArgumentException("headers come in name, value pairs");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < headerNamesAndValues.length; i += 2) {
        headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
      }
      return new Fault(
          OptionalInt.of(status),
          headers,
          Optional.ofNullable(body),
          false,
          Duration.ZERO,
          OptionalInt.empty());
    }

    /** Close the connection without sending a byte. */
    public static Fault dropConnection() {
      return new Fault(
          OptionalInt.empty(),
          Map.of(),
          Optional.empty(),
          true,
          Duration.ZERO,
          OptionalInt.empty());
    }

    /** Wait, then let the endpoint answer as usual. */
    public static Fault delay(Duration delay) {
      return new Fault(
          OptionalInt.empty(), Map.of(), Optional.empty(), false, delay, OptionalInt.empty());
    }

    /** The same fault for the next {@code times} requests only. */
    public Fault times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1, was " + times);
      }
      return new Fault(status, headers, body, drop, delay, OptionalInt.of(times));
    }
  }
}
