package dev.transmitmock.junit.contract.consumers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A tiny protected API on loopback (JDK HTTP server): {@code GET /orders} answers the status its
 * {@link TokenCheck} decides. Stands in for the service a team would point the contract kit at.
 */
public final class ConsumerServer implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpServer server;

  private ConsumerServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a consumer on a free loopback port. */
  public static ConsumerServer start(TokenCheck check) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/orders",
          exchange -> {
            int status;
            try {
              status =
                  check.status(
                      Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            } catch (RuntimeException e) {
              status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return new ConsumerServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The protected endpoint. */
  public URI ordersUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders");
  }

  /** Calls {@code GET /orders} with an optional Authorization header; answers the status. */
  public int call(Optional<String> authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(ordersUri()).timeout(Duration.ofSeconds(30)).GET();
    authorization.ifPresent(value -> request.header("Authorization", value));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
