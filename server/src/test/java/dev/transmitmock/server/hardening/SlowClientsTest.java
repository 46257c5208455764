package dev.transmitmock.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.http.ServerLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slowloris: many connections that send their headers or their body slowly, or stop half-way, must
 * not keep a normal client from getting a token promptly, and must themselves be closed within the
 * documented limits.
 */
class SlowClientsTest {
  private static final int SLOW_HEADERS = 300;
  private static final int SILENT_BODIES = ServerLimits.MAX_THREADS + 50;
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void slow_and_silent_connections_do_not_stop_a_normal_client_from_getting_a_token()
      throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      int port = server.port();
      assertThat(timedToken(port).status()).isEqualTo(200); // warm up
      List<Socket> attackers = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW_HEADERS; i++) {
          Socket socket = open(port);
          write(socket, "POST /oidc/token HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
          attackers.add(socket);
        }
        String form = "grant_type=client_credentials&client_id=demo-app";
        for (int i = 0; i < SILENT_BODIES; i++) {
          Socket socket = open(port);
          write(
              socket,
              "POST /oidc/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  + FuzzCases.FORM
                  + "\r\nContent-Length: 4000\r\n\r\n"
                  + form);
          attackers.add(socket);
        }
        List<Long> millis = new ArrayList<>();
        long stop = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        int round = 0;
        while (System.nanoTime() < stop) {
          for (int i = 0; i < SLOW_HEADERS; i += 10) {
            write(attackers.get(i), "a"); // keep some header dribblers alive
          }
          long start = System.nanoTime();
          RawHttp.Response response = timedToken(port);
          long took = (System.nanoTime() - start) / 1_000_000;
          millis.add(took);
          assertThat(response.status()).as("round %d: %s", round, response).isEqualTo(200);
          assertThat(Duration.ofMillis(took)).as("round %d", round).isLessThan(PROMPTLY);
          round++;
          Thread.sleep(500);
        }
        long closed = attackers.stream().filter(SlowClientsTest::closedByServer).count();
        Figures.record(
            "slowloris",
            String.format(
                "slowHeaders=%d silentBodies=%d maxThreads=%d normalTokenMillis=%s"
                    + " attackersClosedAfter12s=%d",
                SLOW_HEADERS, SILENT_BODIES, ServerLimits.MAX_THREADS, millis, closed));
        assertThat(millis).isNotEmpty();
      } finally {
        for (Socket socket : attackers) {
          socket.close();
        }
      }
      assertThat(timedToken(port).status()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void a_body_still_dribbling_at_the_body_deadline_is_refused_with_408_json() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start();
        Socket socket = open(server.port())) {
      write(
          socket,
          "POST /oidc/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
              + FuzzCases.FORM
              + "\r\nContent-Length: 2000\r\nConnection: close\r\n\r\ngrant_type=");
      RawHttp.Response response = null;
      socket.setSoTimeout(500);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      InputStream in = socket.getInputStream();
      while (response == null && System.nanoTime() < deadline) {
        try {
          write(socket, "a");
        } catch (IOException closed) {
          // the server answered and closed: read the answer
        }
        response = tryRead(in);
      }
      assertThat(response).as("an answer within 60 s").isNotNull();
      assertThat(response.status()).isEqualTo(408);
      assertThat(ErrorBodies.problem(response, false)).isEmpty();
    }
  }

  private static RawHttp.Response tryRead(InputStream in) throws IOException {
    try {
      if (in.available() == 0) {
        Thread.sleep(500);
        if (in.available() == 0) {
          return null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    RawHttp.Response response =
        RawHttp.read(in, System.nanoTime() + Duration.ofSeconds(10).toNanos(), false);
    return response.outcome() == RawHttp.Outcome.ANSWERED ? response : null;
  }

  private static RawHttp.Response timedToken(int port) throws IOException {
    return RawHttp.exchange(port, FuzzCases.validTokenRequest(), Duration.ofSeconds(30));
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(1);
      socket.getInputStream().read();
      return true; // end of stream or an answer: the server is done with it
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
