package dev.transmitmock.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fuzz campaign over real HTTP on loopback: hostile requests to the token, introspection,
 * revocation and control endpoints, sent on raw sockets. Every response must be below 500, every
 * error an OAuth 2.0 JSON body, no request may hang, and a valid token request must succeed right
 * after every batch.
 *
 * <p>The normal run sends {@value #DEFAULT_REQUESTS} requests; {@code
 * -Dtransmitmock.fuzz.requests=200000} runs a longer campaign, {@code -Dtransmitmock.fuzz.seed=N}
 * replays one.
 */
class FuzzCampaignTest {
  static final int DEFAULT_REQUESTS = 10_000;
  private static final int WORKERS = 6;
  private static final int VALID_EVERY = 20;
  private static final int RESET_EVERY = 150;
  private static final Duration TIMEOUT = Duration.ofSeconds(45);
  private static final String CONTROL_TOKEN = "fuzz-control-token-0123456789";

  private final LongAdder sent = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder hangs = new LongAdder();
  private final LongAdder validChecks = new LongAdder();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> millisByKind = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void ten_thousand_hostile_requests_get_no_5xx_no_hang_and_only_oauth_json_errors()
      throws Exception {
    int requests = Integer.getInteger("transmitmock.fuzz.requests", DEFAULT_REQUESTS);
    long seed = Long.getLong("transmitmock.fuzz.seed", System.nanoTime());
    long started = System.nanoTime();
    try (TransmitMockServer oidc = TransmitMockServer.builder().controlApi(false).build().start();
        TransmitMockServer control =
            TransmitMockServer.builder().controlToken(CONTROL_TOKEN).build().start()) {
      String validToken = oidc.tokenFor(FuzzCases.APP);
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        FuzzCases cases = new FuzzCases(seed + w, validToken, CONTROL_TOKEN);
        workers.add(
            pool.submit(
                () -> {
                  run(cases, next, requests, oidc.port(), control.port());
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();

      checkValid(oidc.port(), "after the campaign (oidc)");
      control.reset(); // the campaign may have removed or replaced demo-app there
      checkValid(control.port(), "after the campaign (control)");
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    String summary =
        String.format(
            "fuzz seed=%d requests=%d validChecks=%d 5xx=%d hangs=%d seconds=%d statuses=%s"
                + " millisByKind=%s",
            seed,
            sent.sum(),
            validChecks.sum(),
            serverErrors.sum(),
            hangs.sum(),
            seconds,
            new TreeMap<>(statuses),
            new TreeMap<>(millisByKind));
    Figures.record("fuzz", summary);
    assertThat(failures).as(summary).isEmpty();
    assertThat(sent.sum()).as(summary).isGreaterThanOrEqualTo(requests);
    assertThat(serverErrors.sum()).as(summary).isZero();
    assertThat(hangs.sum()).as(summary).isZero();
  }

  private void run(FuzzCases cases, AtomicInteger next, int requests, int oidcPort, int controlPort)
      throws IOException {
    int mine = 0;
    while (next.getAndIncrement() < requests) {
      boolean toControl = mine % 5 == 4;
      FuzzCase fuzz = toControl ? cases.nextControl() : cases.nextOidc();
      int port = toControl ? controlPort : oidcPort;
      long start = System.nanoTime();
      RawHttp.Response response =
          RawHttp.exchange(port, fuzz.parts(), fuzz.pause(), fuzz.halfClose(), TIMEOUT);
      millisByKind
          .computeIfAbsent(fuzz.label().split(" ")[0], k -> new LongAdder())
          .add((System.nanoTime() - start) / 1_000_000);
      sent.increment();
      check(fuzz, response);
      mine++;
      if (mine % VALID_EVERY == 0) {
        checkValid(oidcPort, "after " + fuzz.preview());
      }
      if (toControl && mine % RESET_EVERY == 4) {
        byte[] reset =
            RawHttp.request(
                "POST",
                "/_mock/reset",
                List.of("Authorization: Bearer " + CONTROL_TOKEN, "Connection: close"),
                new byte[0]);
        RawHttp.Response answer = RawHttp.exchange(controlPort, reset, TIMEOUT);
        sent.increment();
        if (answer.status() != 200) {
          fail("reset failed: " + answer);
        }
      }
    }
  }

  private void check(FuzzCase fuzz, RawHttp.Response response) {
    switch (response.outcome()) {
      case TIMEOUT -> {
        hangs.increment();
        fail("hang: " + fuzz.preview());
        return;
      }
      case CLOSED -> {
        if (!fuzz.mayClose()) {
          fail("closed without a response: " + fuzz.preview());
        }
        return;
      }
      default -> {}
    }
    statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
    if (response.status() >= 500) {
      serverErrors.increment();
      fail(response.status() + " for " + fuzz.preview() + " -> " + response.text());
      return;
    }
    if (response.status() >= 400) {
      ErrorBodies.problem(response, fuzz.isHead())
          .ifPresent(
              p ->
                  fail(
                      p
                          + " ("
                          + response.status()
                          + ") for "
                          + fuzz.preview()
                          + " -> "
                          + response.text()));
    }
  }

  private void checkValid(int port, String when) throws IOException {
    RawHttp.Response response = RawHttp.exchange(port, FuzzCases.validTokenRequest(), TIMEOUT);
    sent.increment();
    validChecks.increment();
    if (response.status() != 200 || !response.text().contains("\"access_token\"")) {
      fail("a valid token request failed " + when + ": " + response);
    }
  }

  private void fail(String message) {
    if (failures.size() < 40) {
      failures.add(message);
    }
  }
}
