package dev.transmitmock.bench.load;

import java.io.IOException;
import java.net.ServerSocket;

/** Prints a free loopback port, for {@code bench/run.sh}'s server processes. */
public final class FreePort {
  private FreePort() {}

  /** Prints the port. */
  public static void main(String[] args) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      System.out.println(socket.getLocalPort());
    }
  }
}
