package dev.transmitmock.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load soak on loopback: 64 keep-alive connections ask for tokens, introspect and fetch the JWKS
 * against a forked server JVM for a bounded time. No request may fail, and the server's resident
 * memory ({@code VmRSS} of the forked JVM, heap fixed and pre-touched so that heap sizing does not
 * hide or fake a leak) must stay flat.
 *
 * <p>The normal run soaks {@value #DEFAULT_SECONDS} s; {@code -Dtransmitmock.soak.seconds=300}
 * soaks five minutes.
 */
class SoakTest {
  static final int DEFAULT_SECONDS = 25;
  private static final int CONNECTIONS = 64;
  private static final long MAX_RSS_GROWTH_KIB = 64 * 1024;
  private static final String FORM = FuzzCases.FORM;

  @TempDir Path folder;

  private final LongAdder ok = new LongAdder();
  private final Map<Integer, LongAdder> failedStatuses = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void sixty_four_connections_get_tokens_without_a_single_error_and_flat_memory() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc to read VmRSS");
    int seconds = Integer.getInteger("transmitmock.soak.seconds", DEFAULT_SECONDS);
    Duration warmUp = Duration.ofSeconds(Math.max(5, seconds / 5));
    try (ForkedServer server =
        ForkedServer.start(
            List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"),
            List.of("--port", "0"),
            folder.resolve("server.log"))) {
      String token = token(server.port());
      long startRss = server.rssKib();
      long stopAt = System.nanoTime() + warmUp.plusSeconds(seconds).toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        int worker = i;
        workers.add(
            pool.submit(
                () -> {
                  drive(server.port(), worker, token, stopAt);
                  return null;
                }));
      }
      Thread.sleep(warmUp.toMillis());
      long okAtWarm = ok.sum();
      long warmRss = server.rssKib();
      long warmNanos = System.nanoTime();
      List<Long> samples = new ArrayList<>();
      while (System.nanoTime() < stopAt) {
        Thread.sleep(Math.min(5_000, Math.max(1, (stopAt - System.nanoTime()) / 1_000_000)));
        samples.add(server.rssKib() / 1024);
      }
      for (Future<?> w : workers) {
        w.get();
      }
      pool.shutdown();
      long measured = ok.sum() - okAtWarm;
      double perSecond = measured / ((System.nanoTime() - warmNanos) / 1e9);
      long endRss = server.rssKib();
      String summary =
          String.format(
              "soak connections=%d seconds=%d(+%d warm-up) requests=%d ok/s=%.0f errors=%d"
                  + " failedStatuses=%s rssStartMiB=%d rssAfterWarmUpMiB=%d rssEndMiB=%d"
                  + " rssSamplesMiB=%s (forked JVM, VmRSS, -Xms=-Xmx=256m pre-touched)",
              CONNECTIONS,
              seconds,
              warmUp.toSeconds(),
              ok.sum(),
              perSecond,
              failures.size(),
              new TreeMap<>(failedStatuses),
              startRss / 1024,
              warmRss / 1024,
              endRss / 1024,
              samples);
      Figures.record("soak", summary);
      assertThat(failures).as(summary).isEmpty();
      assertThat(ok.sum()).as(summary).isPositive();
      assertThat(endRss - warmRss).as(summary).isLessThan(MAX_RSS_GROWTH_KIB);
      assertThat(server.output())
          .as("server log")
          .doesNotContain("ERROR")
          .doesNotContain("Exception");
    }
  }

  private void drive(int port, int worker, String token, long stopAt) throws IOException {
    byte[] tokenRequest =
        keepAlive(
            "POST",
            "/oidc/token",
            FORM,
            "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret");
    byte[] introspect =
        keepAlive(
            "POST",
            "/cis/oidc/token/introspection",
            FORM,
            "token=" + token + "&client_id=demo-app&client_secret=demo-app-secret");
    byte[] jwks = keepAlive("GET", "/cis/oidc/jwks", null, "");
    Socket socket = null;
    int n = 0;
    try {
      while (System.nanoTime() < stopAt) {
        if (socket == null || socket.isClosed()) {
          socket = new Socket();
          socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
          socket.setSoTimeout(60_000);
          socket.setTcpNoDelay(true);
        }
        int pick = (worker + n++) % 10;
        byte[] request = pick < 8 ? tokenRequest : pick == 8 ? introspect : jwks;
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        RawHttp.Response response;
        try {
          out.write(request);
          out.flush();
          response = RawHttp.read(in, System.nanoTime() + Duration.ofSeconds(60).toNanos(), false);
        } catch (IOException e) {
          response = new RawHttp.Response(RawHttp.Outcome.CLOSED, 0, Map.of(), new byte[0]);
        }
        if (response.outcome() == RawHttp.Outcome.ANSWERED && response.status() == 200) {
          ok.increment();
          if (response.header("Connection").filter(c -> c.equalsIgnoreCase("close")).isPresent()) {
            socket.close();
          }
        } else {
          failedStatuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
          if (failures.size() < 20) {
            failures.add("worker " + worker + ": " + response);
          }
          socket.close();
        }
      }
    } finally {
      if (socket != null) {
        socket.close();
      }
    }
  }

  private static byte[] keepAlive(String method, String path, String contentType, String body) {
    List<String> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add("Content-Type: " + contentType);
      headers.add("Content-Length: " + body.length());
    }
    return RawHttp.request(method, path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String token(int port) throws IOException {
    RawHttp.Response response =
        RawHttp.exchange(port, FuzzCases.validTokenRequest(), Duration.ofSeconds(60));
    String text = response.text();
    int start = text.indexOf("\"access_token\":\"") + 16;
    return text.substring(start, text.indexOf('"', start));
  }
}
