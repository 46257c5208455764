package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.TokenRequest;
import dev.transmitmock.junit.contract.ContractSession.CallOutcome;
import dev.transmitmock.junit.contract.DownstreamApi.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What happened from a starting point on: the client's token requests in the emulator's journal and
 * the requests the downstream API received, described for failure messages with timings relative to
 * the first token request.
 */
final class Observation {
  private final ContractSession session;
  private final long journalMark;
  private final long downstreamMark;

  Observation(ContractSession session, long journalMark, long downstreamMark) {
    this.session = session;
    this.journalMark = journalMark;
    this.downstreamMark = downstreamMark;
  }

  /** The client's token requests since the starting point, oldest first. */
  List<TokenRequest> tokenRequests() {
    return session.emulator.tokenRequests(session.clientId, journalMark).stream()
        .sorted(Comparator.comparingLong(TokenRequest::sequence))
        .toList();
  }

  /** The requests the downstream API received since the starting point, oldest first. */
  List<Received> received() {
    return session.downstream.since(downstreamMark);
  }

  /** The newest request the downstream API accepted since the starting point. */
  Optional<Received> lastAccepted() {
    List<Received> received = received();
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i).accepted()) {
        return Optional.of(received.get(i));
      }
    }
    return Optional.empty();
  }

  /** The journal and the downstream API's view, and how the calls went. */
  String describe(List<CallOutcome> calls) {
    StringBuilder text = new StringBuilder();
    List<TokenRequest> requests = tokenRequests();
    text.append("token requests of ").append(session.clientId).append(" (emulator journal):");
    if (requests.isEmpty()) {
      text.append(" none");
    }
    Instant first = requests.isEmpty() ? null : requests.get(0).time();
    for (TokenRequest request : requests) {
      text.append("\n  ").append(line(request, first));
    }
    List<Received> received = received();
    text.append("\ndownstream API:");
    if (received.isEmpty()) {
      text.append(" no request");
    }
    for (Received request : received) {
      text.append("\n  ").append(request.describe());
    }
    if (received.stream().anyMatch(r -> r.verdict().equals(DownstreamApi.Received.EXPIRED))) {
      text.append(
          "\nhint: the downstream API refused an expired token, so the client judges expiry on"
              + " another clock than the emulator's: give the client the emulator's clock"
              + " (mock.clock(), or ContractEmulator.clock())");
    }
    long failed = calls.stream().filter(call -> !call.succeeded()).count();
    if (!calls.isEmpty()) {
      text.append("\ncalls: ")
          .append(calls.size())
          .append(calls.size() == 1 ? " call" : " calls")
          .append(", ")
          .append(failed)
          .append(" failed");
      calls.stream()
          .filter(call -> !call.succeeded())
          .limit(3)
          .forEach(call -> text.append("\n  ").append(call.describe()));
    }
    return text.toString();
  }

  private static String line(TokenRequest request, Instant first) {
    StringBuilder line = new StringBuilder();
    line.append('#').append(request.sequence());
    line.append(" +").append(Duration.between(first, request.time()).toMillis()).append(" ms ");
    if (request.faulted()) {
      line.append(request.status() == 0 ? "connection dropped" : request.status())
          .append(" (injected fault)");
    } else if (request.issued()) {
      line.append(request.status()).append(" issued");
      request.jti().ifPresent(jti -> line.append(" jti=").append(jti));
    } else {
      line.append(request.status()).append(' ').append(request.error().orElse(request.outcome()));
      request.detail().ifPresent(detail -> line.append(" (").append(detail).append(')'));
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return "Observation[journal after #"
        + journalMark
        + ", downstream after "
        + downstreamMark
        + "]";
  }
}
