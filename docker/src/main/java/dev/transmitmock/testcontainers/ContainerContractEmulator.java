package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.contract.ClientContract;
import dev.transmitmock.junit.contract.ContractEmulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator in a {@link TransmitMockContainer} as the JUnit extension's {@link ClientContract}
 * drives it, over the {@code /_mock} HTTP control API: the journal, faults on the token endpoint,
 * and the clock. Needs {@code transmit-mock-junit} on the test classpath (this module declares it
 * optional).
 *
 * <pre>{@code
 * ContainerContractEmulator emulator = new ContainerContractEmulator(container);
 * TransmitTokenClient tokens = TransmitTokenClient.builder()
 *     .tokenEndpoint(URI.create(container.getTokenEndpoint()))
 *     .clientId("orders-svc").clientSecret("orders-secret")
 *     .clock(emulator.clock())                 // follows the container's clock, moves with it
 *     .build();
 * ClientContract.builder(emulator).client("orders-svc").caller(...).build().dynamicTests();
 * }</pre>
 *
 * <p>{@link #clock()} is a clock in this JVM that follows the container's: the same offset from
 * system time (container and test share the host's clock), moved whenever the contract moves the
 * container's. Give it to the client under test. Secrets: the container never returns them, so
 * {@link #clientSecret} knows only clients declared with {@code withClient(...)}; pass others to
 * {@code ClientContract.Builder.clientSecret}.
 */
public final class ContainerContractEmulator implements ContractEmulator {
  private final TransmitMockContainer<?> container;
  private final FollowingClock clock;

  /**
   * Drives a started container.
   *
   * @throws IllegalStateException when the container is not running or its control API is off
   */
  public ContainerContractEmulator(TransmitMockContainer<?> container) {
    this.container = requireNonNull(container, "container must not be null");
    if (!container.isRunning()) {
      throw new IllegalStateException("start the container before building a contract on it");
    }
    this.clock =
        new FollowingClock(
            new AtomicReference<>(container.control().clock().state()), ZoneOffset.UTC);
  }

  @Override
  public URI tokenEndpoint() {
    return URI.create(container.getTokenEndpoint());
  }

  @Override
  public List<String> clientIds() {
    return container.control().clients().clientIds();
  }

  @Override
  public Optional<String> clientSecret(String clientId) {
    return container.declaredSecret(requireNonNull(clientId, "clientId must not be null"));
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public boolean clockFrozen() {
    return container.control().clock().state().frozen();
  }

  @Override
  public void advanceClock(Duration amount) {
    clock.follow(container.control().clock().advance(amount));
  }

  @Override
  public List<TokenRequest> tokenRequests(String clientId, long afterSequence) {
    return container
        .control()
        .journal()
        .entries(
            Map.of(
                "clientId", clientId, "endpoint", "token", "after", String.valueOf(afterSequence)))
        .stream()
        .map(
            entry ->
                new TokenRequest(
                    entry.sequence(),
                    entry.time(),
                    entry.status(),
                    entry.outcome(),
                    entry.error(),
                    TokenRequest.reason(entry.errorDescription(), entry.errorDetail()),
                    entry.jti()))
        .toList();
  }

  @Override
  public String addTokenFault(String clientId, Fault fault) {
    FaultRule.Builder rule = FaultRule.on("token").clientId(clientId);
    if (!fault.delay().isZero()) {
      rule.delay(fault.delay());
    }
    fault.status().ifPresent(rule::status);
    fault.headers().forEach(rule::header);
    fault.body().ifPresent(rule::body);
    fault.times().ifPresent(rule::times);
    if (fault.drop()) {
      rule.dropConnection();
    }
    return container.control().faults().add(rule.build());
  }

  @Override
  public void removeFault(String faultId) {
    try {
      container.control().faults().remove(faultId);
    } catch (TransmitMockException e) {
      if (e.status() != 404) { // 404: the rule was used up and is gone already
        throw e;
      }
    }
  }

  @Override
  public String toString() {
    return "ContainerContractEmulator[" + container.getBaseUrl() + "]";
  }

  /** System time plus the container clock's offset, or the instant it is frozen at. */
  private static final class FollowingClock extends Clock {
    private final AtomicReference<ClockState> state;
    private final ZoneId zone;

    FollowingClock(AtomicReference<ClockState> state, ZoneId zone) {
      this.state = state;
      this.zone = zone;
    }

    void follow(ClockState moved) {
      state.set(moved);
    }

    @Override
    public Instant instant() {
      ClockState current = state.get();
      return current.frozen() ? current.now() : Instant.now().plus(current.offset());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    /** A view in another zone that follows the same container clock. */
    @Override
    public Clock withZone(ZoneId newZone) {
      return new FollowingClock(state, requireNonNull(newZone, "zone must not be null"));
    }
  }
}
