package dev.transmitmock.examples.plainjava;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.transmitmock.client.TokenRejectedException;
import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.client.TransmitTokenVerifier;
import dev.transmitmock.junit.TransmitMockHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The inventory API for the tests: a real HTTP server that, like the real one, verifies the bearer
 * token (audience {@link OrdersApp#INVENTORY_RESOURCE}) against the emulator and records who called
 * it.
 */
final class DownstreamInventoryApi implements AutoCloseable {

  static final int AVAILABLE = 7;

  private final HttpServer server;
  private final TransmitTokenVerifier verifier;
  private final List<TransmitToken> authorizedCalls = new CopyOnWriteArrayList<>();

  private DownstreamInventoryApi(HttpServer server, TransmitTokenVerifier verifier) {
    this.server = server;
    this.verifier = verifier;
    server.createContext("/stock/", this::handle);
  }

  static DownstreamInventoryApi start(TransmitMockHandle emulator) {
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .issuer(emulator.issuer())
            .jwksUri(emulator.jwksUri())
            .audience(OrdersApp.INVENTORY_RESOURCE)
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

  /** The verified tokens of the calls it answered, in order. */
  List<TransmitToken> authorizedCalls() {
    return List.copyOf(authorizedCalls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header == null || !header.startsWith("Bearer ")) {
        send(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      try {
        authorizedCalls.add(verifier.verify(header.substring("Bearer ".length())));
      } catch (TokenRejectedException e) {
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
