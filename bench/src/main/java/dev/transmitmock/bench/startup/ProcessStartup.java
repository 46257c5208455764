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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Process start to first token: launches a server command and times, from just before the launch,
 * until a token request answers 200 (polled every millisecond over loopback, a fresh connection
 * each time). Also prints the resident set size and the CPU time of the process at that moment.
 *
 * <p>The command is given after {@code --}; {@code {port}} in it becomes a free port. Without
 * {@code --} the arguments are the older form {@code JAR RUNS [JVM flags...]}, which runs {@code
 * java [flags] -jar JAR --port P}.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.transmitmock.bench.startup.ProcessStartup \
 *     --runs 7 -- java -XX:SharedArchiveFile=app.jsa -jar server/target/transmit-mock-server.jar --port {port}
 * java -cp bench/target/benchmarks.jar dev.transmitmock.bench.startup.ProcessStartup \
 *     --runs 7 --token-path /default/token --env SERVER_PORT={port} -- java -cp 'lib/*' Main
 * }</pre>
 *
 * <p>Options: {@code --runs N} (default 5), {@code --token-path P} (default {@code /oidc/token}),
 * {@code --form BODY} (default: the emulator's demo client), {@code --env NAME=VALUE} (repeatable;
 * {@code {port}} is replaced there too).
 *
 * <p>Output: one line {@code median_ms=.. min_ms=.. max_ms=.. rss_mib=.. cpu_ms=.. runs=..}.
 */
public final class ProcessStartup {
  private static final String DEMO_FORM =
      "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret";

  /** {@code getconf CLK_TCK} on Linux. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private ProcessStartup() {}

  /** What to launch and how to ask it for a token. */
  record Launch(
      List<String> command, Map<String, String> environment, String tokenPath, String form) {
    ProcessBuilder processFor(int port) {
      List<String> resolved = command.stream().map(arg -> withPort(arg, port)).toList();
      ProcessBuilder builder =
          new ProcessBuilder(resolved)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      environment.forEach((name, value) -> builder.environment().put(name, withPort(value, port)));
      return builder;
    }

    private static String withPort(String text, int port) {
      return text.replace("{port}", Integer.toString(port));
    }
  }

  /** Arguments: [--runs N] [--token-path P] [--form BODY] [--env K=V]... -- COMMAND... */
  public static void main(String[] args) throws Exception {
    List<String> all = Arrays.asList(args);
    int separator = all.indexOf("--");
    int runs = 5;
    Launch launch;
    if (separator < 0) {
      if (args.length < 2) {
        System.err.println(
            "usage: ProcessStartup [--runs N] [--token-path P] [--form BODY] [--env K=V]..."
                + " -- COMMAND... ({port} is replaced)");
        System.exit(2);
      }
      runs = Integer.parseInt(args[1]);
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(all.subList(2, all.size()));
      command.addAll(List.of("-jar", args[0], "--port", "{port}"));
      launch = new Launch(command, Map.of(), "/oidc/token", DEMO_FORM);
    } else {
      String tokenPath = "/oidc/token";
      String form = DEMO_FORM;
      Map<String, String> environment = new LinkedHashMap<>();
      for (int i = 0; i < separator; i += 2) {
        String value = all.get(i + 1);
        switch (all.get(i)) {
          case "--runs" -> runs = Integer.parseInt(value);
          case "--token-path" -> tokenPath = value;
          case "--form" -> form = value;
          case "--env" -> {
            int equals = value.indexOf('=');
            environment.put(value.substring(0, equals), value.substring(equals + 1));
          }
          default -> {
            System.err.println("ProcessStartup: unknown option " + all.get(i));
            System.exit(2);
          }
        }
      }
      launch = new Launch(all.subList(separator + 1, all.size()), environment, tokenPath, form);
    }
    System.out.println(measure(launch, runs));
  }

  /** Starts the command {@code runs} times; the median line. */
  static String measure(Launch launch, int runs) throws Exception {
    long[] millis = new long[runs];
    long[] rss = new long[runs];
    long[] cpu = new long[runs];
    for (int run = 0; run < runs; run++) {
      int port = freePort();
      long start = System.nanoTime();
      Process process = launch.processFor(port).start();
      try {
        while (!tokenAnswered(port, launch.tokenPath(), launch.form())) {
          if (!process.isAlive() || System.nanoTime() - start > TIMEOUT_NANOS) {
            throw new IllegalStateException(
                "the server did not answer (exit or timeout): " + launch.command());
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
    return String.format(
        "median_ms=%d min_ms=%d max_ms=%d rss_mib=%d cpu_ms=%d runs=%d",
        sorted[runs / 2], sorted[0], sorted[runs - 1], rss[runs / 2], cpu[runs / 2], runs);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One token request on a fresh connection; true on 200. */
  static boolean tokenAnswered(int port, String tokenPath, String form) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(5_000);
      String request =
          "POST "
              + tokenPath
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + form.length()
              + "\r\nConnection: close\r\n\r\n"
              + form;
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
