package dev.transmitmock.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the command-line tests: runs {@link TransmitMockCli} in-process with a controlled
 * environment, captures its output, and stops any server it started.
 */
abstract class InProcessCliTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final Map<String, String> env = new HashMap<>();
  TransmitMockCli cli;

  int run(String... args) {
    cli = new TransmitMockCli(env, new PrintWriter(out, true), new PrintWriter(err, true));
    return cli.execute(args);
  }

  @AfterEach
  void stopServer() {
    if (cli != null && cli.server() != null) {
      cli.server().stop();
    }
  }
}
