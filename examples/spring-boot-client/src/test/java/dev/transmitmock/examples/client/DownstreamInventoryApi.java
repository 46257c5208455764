package dev.transmitmock.examples.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.transmitmock.client.TokenRejectedException;
import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.client.TransmitTokenVerifier;
import dev.transmitmock.server.TransmitMockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The inventory API for the tests: a real HTTP server (the JDK's) that verifies each bearer token
 * with transmit-client's {@link TransmitTokenVerifier} against the emulator, as the real one does
 * against Transmit, and records the tokens it accepted.
 */
final class DownstreamInventoryApi implements AutoCloseable {

  static final String RESOURCE = "https://api.inventory.example";
  static final int AVAILABLE = 7;

  private final HttpServer server;
  private final TransmitTokenVerifier verifier;
  private final List<TransmitToken> accepted = new CopyOnWriteArrayList<>();

  private DownstreamInventoryApi(HttpServer server, TransmitTokenVerifier verifier) {
    this.server = server;
    this.verifier = verifier;
    server.createContext("/stock/", this::handle);
  }

  static DownstreamInventoryApi start(TransmitMockServer emulator) {
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .issuer(emulator.issuer())
            .jwksUri(emulator.jwksUri())
            .audience(RESOURCE)
            .clock(emulator.clock())
            .build();
    try {
      DownstreamInventoryApi api =
          new DownstreamInventoryApi(
              HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), verifier);
      api.server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The verified tokens of the requests it answered, in order. */
  List<TransmitToken> accepted() {
    return List.copyOf(accepted);
  }

  void clear() {
    accepted.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header == null || !header.startsWith("Bearer ")) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      try {
        accepted.add(verifier.verify(header.substring("Bearer ".length())));
      } catch (TokenRejectedException e) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        send(exchange, 401, "{\"error\":\"invalid_token\"}");
        return;
      }
      String sku = exchange.getRequestURI().getPath().substring("/stock/".length());
      send(exchange, 200, "{\"sku\":\"" + sku + "\",\"available\":" + AVAILABLE + "}");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    verifier.close();
  }
}
