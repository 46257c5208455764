package dev.transmitmock.examples.plainjava;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.transmitmock.client.TokenRejectedException;
import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.client.TransmitTokenVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The orders API: {@code GET /orders/{id}} on the JDK's HTTP server, open only to callers with a
 * valid Transmit access token for this API's resource. To answer, it asks the inventory API (with a
 * token of its own, through {@link InventoryClient}).
 *
 * <pre>{@code
 * try (OrdersApi api = OrdersApi.start(new InetSocketAddress(8080), verifier, inventory)) {
 *   // GET http://localhost:8080/orders/42 with "Authorization: Bearer <token>"
 * }
 * }</pre>
 *
 * <p>Answers: 200 with the order; 401 with {@code WWW-Authenticate: Bearer} for a missing,
 * malformed, forged, expired or misdirected token (RFC 6750); 503 while Transmit's keys cannot be
 * loaded; 502 when the inventory API cannot be asked; 400 for a malformed order id; 404 elsewhere.
 */
public final class OrdersApi implements AutoCloseable {

  /** The orders API's own resource URI in Transmit: the {@code aud} its tokens must carry. */
  public static final String RESOURCE = "https://api.orders.example";

  private static final System.Logger LOG = System.getLogger(OrdersApi.class.getName());
  private static final String PATH = "/orders/";
  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final String BEARER_PREFIX = "bearer ";
  private static final int WORKER_THREADS = 8;

  private final HttpServer server;
  private final ExecutorService workers;
  private final TransmitTokenVerifier verifier;
  private final InventoryClient inventory;

  private OrdersApi(HttpServer server, TransmitTokenVerifier verifier, InventoryClient inventory) {
    this.server = server;
    this.verifier = verifier;
    this.inventory = inventory;
    this.workers = Executors.newFixedThreadPool(WORKER_THREADS);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  /**
   * Starts the API.
   *
   * @param address where to listen; port 0 picks a free one
   * @param verifier checks the callers' tokens (audience {@link #RESOURCE})
   * @param inventory the downstream inventory API
   */
  public static OrdersApi start(
      InetSocketAddress address, TransmitTokenVerifier verifier, InventoryClient inventory) {
    requireNonNull(address, "address must not be null");
    requireNonNull(verifier, "verifier must not be null");
    requireNonNull(inventory, "inventory must not be null");
    try {
      OrdersApi api = new OrdersApi(HttpServer.create(address, 0), verifier, inventory);
      api.server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith(PATH)) {
        respond(exchange, 404, error("not_found", "GET /orders/{id}"));
        return;
      }
      Optional<TransmitToken> caller = authenticate(exchange);
      if (caller.isEmpty()) {
        return;
      }
      String id = path.substring(PATH.length());
      if (!ORDER_ID.matcher(id).matches()) {
        respond(
            exchange, 400, error("invalid_request", "an order id is 1 to 40 letters, digits or -"));
        return;
      }
      order(exchange, caller.get(), id);
    }
  }

  /** The verified token of the caller, or empty after answering 401/503. */
  private Optional<TransmitToken> authenticate(HttpExchange exchange) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null
        || header.length() <= BEARER_PREFIX.length()
        || !header
            .substring(0, BEARER_PREFIX.length())
            .toLowerCase(Locale.ROOT)
            .equals(BEARER_PREFIX)
        || header.substring(BEARER_PREFIX.length()).isBlank()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      respond(exchange, 401, error("unauthorized", "a bearer token is required"));
      return Optional.empty();
    }
    try {
      return Optional.of(verifier.verify(header.substring(BEARER_PREFIX.length()).trim()));
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejectedException.Reason.JWKS_UNAVAILABLE) {
        LOG.log(Level.WARNING, "cannot verify tokens: {0}", e.getMessage());
        respond(exchange, 503, error("temporarily_unavailable", "cannot verify tokens right now"));
        return Optional.empty();
      }
      // The message is safe to log: it never holds the token or claim values.
      LOG.log(Level.INFO, "token rejected: {0}", e.getMessage());
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      respond(exchange, 401, error("invalid_token", e.reason().name().toLowerCase(Locale.ROOT)));
      return Optional.empty();
    }
  }

  private void order(HttpExchange exchange, TransmitToken caller, String id) throws IOException {
    int available;
    try {
      available = inventory.available("sku-" + id);
    } catch (InventoryUnavailableException e) {
      LOG.log(Level.WARNING, "order {0}: {1}", id, e.getMessage());
      respond(exchange, 502, error("inventory_unavailable", e.getMessage()));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("order", id);
    body.put("caller", caller.clientId());
    body.put("available", available);
    respond(exchange, 200, body);
  }

  private static Map<String, Object> error(String code, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    return body;
  }

  private static void respond(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops listening (waiting at most a second for requests in flight). */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdownNow();
  }

  @Override
  public String toString() {
    return "OrdersApi[" + baseUrl() + "]";
  }
}
