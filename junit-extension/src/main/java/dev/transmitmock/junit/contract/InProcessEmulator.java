package dev.transmitmock.junit.contract;

import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.control.JournalEntry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@link ContractEmulator} of an in-process {@link TransmitMockServer}: direct calls. */
final class InProcessEmulator implements ContractEmulator {
  private final TransmitMockServer server;

  InProcessEmulator(TransmitMockServer server) {
    this.server = server;
  }

  @Override
  public URI tokenEndpoint() {
    return server.tokenEndpoint();
  }

  @Override
  public List<String> clientIds() {
    return server.clients().clients().stream().map(ClientConfig::clientId).toList();
  }

  @Override
  public Optional<String> clientSecret(String clientId) {
    return server.clients().client(clientId).map(ClientConfig::clientSecret);
  }

  @Override
  public Clock clock() {
    return server.clock();
  }

  @Override
  public boolean clockFrozen() {
    return server.clock().isFrozen();
  }

  @Override
  public void advanceClock(Duration amount) {
    server.clock().advance(amount);
  }

  @Override
  public List<TokenRequest> tokenRequests(String clientId, long afterSequence) {
    Optional<String> client = Optional.of(clientId);
    return server
        .journal()
        .entries(
            entry ->
                entry.endpoint() == Endpoint.TOKEN
                    && entry.sequence() > afterSequence
                    && entry.clientId().equals(client))
        .stream()
        .map(InProcessEmulator::toRequest)
        .toList();
  }

  private static TokenRequest toRequest(JournalEntry entry) {
    return new TokenRequest(
        entry.sequence(),
        entry.time(),
        entry.status(),
        entry.outcome(),
        entry.error(),
        TokenRequest.reason(entry.errorDescription(), entry.errorDetail()),
        entry.jti());
  }

  @Override
  public String addTokenFault(String clientId, Fault fault) {
    FaultRule.Builder rule = FaultRule.on(Endpoint.TOKEN).forClient(clientId).delay(fault.delay());
    fault.status().ifPresent(rule::status);
    fault.headers().forEach(rule::header);
    fault.body().ifPresent(rule::body);
    fault.times().ifPresent(rule::times);
    if (fault.drop()) {
      rule.dropConnection();
    }
    return server.faults().add(rule).id();
  }

  @Override
  public void removeFault(String faultId) {
    server.faults().remove(faultId);
  }

  @Override
  public String toString() {
    return "ContractEmulator[" + server + "]";
  }
}
