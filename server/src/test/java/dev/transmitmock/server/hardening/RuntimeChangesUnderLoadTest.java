package dev.transmitmock.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients, keys and the clock change at runtime while 32 threads fetch tokens over HTTP. No request
 * may fail, and no token may show half a change: its {@code kid} is a key published at some moment
 * during its request and its signature verifies with that key, its lifetime is the client's
 * lifetime before or after a change, and its {@code iat} is the emulator's clock during the
 * request.
 */
class RuntimeChangesUnderLoadTest {
  private static final int THREADS = 32;
  private static final String CLIENT = "busy-app";
  private static final String SECRET = "busy-secret";
  private static final Duration SHORT = Duration.ofMinutes(10);
  private static final Duration LONG = Duration.ofMinutes(20);
  private static final Duration RUN =
      Duration.ofSeconds(Integer.getInteger("transmitmock.concurrency.seconds", 10));

  private final List<KeyRing.State> history = new CopyOnWriteArrayList<>();
  private final ReadWriteLock changing = new ReentrantReadWriteLock();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final LongAdder tokens = new LongAdder();
  private final LongAdder changes = new LongAdder();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void clients_keys_and_clock_change_while_32_threads_fetch_tokens_and_none_sees_half_a_change()
      throws Exception {
    MockConfig config =
        MockConfig.builder()
            .client(ClientConfig.builder(CLIENT).secret(SECRET).tokenLifetime(SHORT).build())
            .build();
    try (TransmitMockServer server = TransmitMockServer.builder().config(config).build().start()) {
      history.add(server.keys().state());
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(30))
              .build();
      long stopAt = System.nanoTime() + RUN.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> fetch(server, http, stopAt)));
      }
      futures.add(pool.submit(() -> mutate(server, stopAt)));
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
      String summary =
          String.format(
              "threads=%d seconds=%d tokens=%d changes=%d keyStates=%d failures=%d",
              THREADS,
              RUN.toSeconds(),
              tokens.sum(),
              changes.sum(),
              history.size(),
              failures.size());
      Figures.record("concurrency", summary);
      assertThat(failures).as(summary).isEmpty();
      assertThat(tokens.sum()).as(summary).isGreaterThan(THREADS);
      assertThat(changes.sum()).as(summary).isGreaterThan(5);
    }
  }

  private Void mutate(TransmitMockServer server, long stopAt) {
    int round = 0;
    while (System.nanoTime() < stopAt) {
      changing.writeLock().lock();
      try {
        switch (round % 4) {
          case 0 -> {
            server.keys().rotate();
            KeyRing.State state = server.keys().state();
            if (state.published().size() > 3) {
              server.keys().retire(state.published().get(0).kid());
            }
          }
          case 1 ->
              server
                  .clients()
                  .putClient(
                      ClientConfig.builder(CLIENT)
                          .secret(SECRET)
                          .tokenLifetime(round % 8 == 1 ? LONG : SHORT)
                          .build(),
                      Set.of());
          case 2 -> server.clock().advance(Duration.ofMinutes(7));
          default -> {
            String churn = "churn-" + round;
            server.clients().putClient(ClientConfig.builder(churn).secret("s").build(), Set.of());
            server.clients().removeClient("churn-" + (round - 4));
          }
        }
        history.add(server.keys().state());
        changes.increment();
      } catch (RuntimeException e) {
        failures.add("mutation " + round + " failed: " + e);
      } finally {
        changing.writeLock().unlock();
      }
      round++;
      sleep(50);
    }
    return null;
  }

  private Void fetch(TransmitMockServer server, HttpClient http, long stopAt) {
    HttpRequest request =
        HttpRequest.newBuilder(server.tokenEndpoint())
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", FuzzCases.FORM)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id="
                        + CLIENT
                        + "&client_secret="
                        + SECRET))
            .build();
    while (System.nanoTime() < stopAt && failures.size() < 20) {
      int before = version();
      Instant clockBefore = server.clock().instant();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        failures.add("request failed: " + e);
        continue;
      }
      Instant clockAfter = server.clock().instant();
      int after = version();
      if (response.statusCode() != 200) {
        failures.add("status " + response.statusCode() + ": " + response.body());
        continue;
      }
      try {
        check(response.body(), before, after, clockBefore, clockAfter);
        tokens.increment();
      } catch (Exception | AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    return null;
  }

  private void check(String body, int before, int after, Instant clockBefore, Instant clockAfter)
      throws Exception {
    JsonNode json = ErrorBodies.JSON.readTree(body);
    SignedJWT jwt = SignedJWT.parse(json.path("access_token").asText());
    String kid = jwt.getHeader().getKeyID();
    Map<String, SigningKey> published = new LinkedHashMap<>();
    for (int v = before; v <= after; v++) {
      for (SigningKey key : history.get(v).published()) {
        published.putIfAbsent(key.kid(), key);
      }
    }
    SigningKey key = published.get(kid);
    assertThat(key)
        .as("kid %s published during the request (states %d..%d)", kid, before, after)
        .isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key.publicJwk().toRSAKey())))
        .as("signature of kid %s", kid)
        .isTrue();
    long iat = jwt.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond();
    long exp = jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond();
    assertThat(exp - iat).as("lifetime").isIn(SHORT.toSeconds(), LONG.toSeconds());
    assertThat(json.path("expires_in").asLong()).as("expires_in").isEqualTo(exp - iat);
    assertThat(iat)
        .as("iat within the clock during the request")
        .isBetween(clockBefore.getEpochSecond(), clockAfter.getEpochSecond());
  }

  private int version() {
    changing.readLock().lock();
    try {
      return history.size() - 1;
    } finally {
      changing.readLock().unlock();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
