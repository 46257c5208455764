package dev.transmitmock.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Process start to first token: launches {@code java [flags] -jar JAR --port P} and times, from
 * just before the launch, until a {@code POST /oidc/token} answers 200 (polled every millisecond
 * over loopback). Also prints the resident set size at that moment.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.transmitmock.bench.startup.ProcessStartup \
 *     server/target/transmit-mock-server.jar 7 -XX:SharedArchiveFile=app.jsa
 * }</pre>
 *
 * Output: one line {@code median_ms=.. min_ms=.. max_ms=.. rss_mib=.. cpu_ms=.. runs=..}.
 */
public final class ProcessStartup {
  private static final String BODY =
      "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret";

  /** {@code getconf CLK_TCK} on Linux. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private ProcessStartup() {}

  /** Arguments: JAR RUNS [JVM flags...]. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ProcessStartup JAR RUNS [JVM flags...]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<String> flags = Arrays.asList(args).subList(2, args.length);
    String java = ProcessHandle.current().info().command().orElse("java");
    long[] millis = new long[runs];
    long[] rss = new long[runs];
    long[] cpu = new long[runs];
    for (int run = 0; run < runs; run++) {
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(flags);
      command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        while (!tokenAnswered(port)) {
          if (!process.isAlive() || System.nanoTime() - start > TIMEOUT_NANOS) {
            throw new IllegalStateException("the server did not answer (exit or timeout)");
          }
          Thread.sleep(1);
        }
        millis[run] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        rss[run] = rssKib(process.pid()) / 1024;
        cpu[run] = cpuMillis(process.pid());
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
      }
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    Arrays.sort(rss);
    Arrays.sort(cpu);
    System.out.printf(
        "median_ms=%d min_ms=%d max_ms=%d rss_mib=%d cpu_ms=%d runs=%d%n",
        sorted[runs / 2], sorted[0], sorted[runs - 1], rss[runs / 2], cpu[runs / 2], runs);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One token request on a fresh connection; true on 200. */
  static boolean tokenAnswered(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(5_000);
      String request =
          "POST /oidc/token HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + BODY.length()
              + "\r\nConnection: close\r\n\r\n"
              + BODY;
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes(12);
      return new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * CPU time (user + system, all threads) the process has used, from {@code /proc/PID/stat}: less
   * sensitive to a busy machine than wall time.
   */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
