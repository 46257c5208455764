package dev.transmitmock.examples.plainjava;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.client.TransmitTokenClient;
import dev.transmitmock.client.TransmitTokenVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Wires the orders API the way production runs it: tokens verified against Transmit's JWKS and
 * issuer, inventory tokens from Transmit's token endpoint. Everything environment-specific is in
 * {@link Settings}; tests change only the URLs (and share the emulator's clock).
 *
 * <pre>{@code
 * java -cp ... dev.transmitmock.examples.plainjava.OrdersApp
 *   TRANSMIT_CLIENT_ID, TRANSMIT_CLIENT_SECRET   this service's Transmit application (required)
 *   INVENTORY_URL                                where the inventory API answers (required)
 *   PORT                                         default 8080
 *   TRANSMIT_JWKS_URI, TRANSMIT_TOKEN_ENDPOINT   only to point at an emulator
 * }</pre>
 */
public final class OrdersApp {

  /** The inventory API's resource URI in Transmit: the audience of the tokens it accepts. */
  public static final String INVENTORY_RESOURCE = "https://api.inventory.example";

  private static final int DEFAULT_PORT = 8080;

  private OrdersApp() {}

  /**
   * What differs between environments.
   *
   * @param transmit Transmit's URLs (production: {@link TransmitEndpoints#production()})
   * @param clientId this service's Transmit application
   * @param clientSecret its secret (never logged)
   * @param inventoryUrl where the inventory API answers
   * @param clock the clock tokens are checked and cached against (production: system UTC)
   */
  public record Settings(
      TransmitEndpoints transmit,
      String clientId,
      String clientSecret,
      URI inventoryUrl,
      Clock clock) {

    /** Checks the values. */
    public Settings {
      requireNonNull(transmit, "transmit must not be null");
      requireNonNull(clientId, "clientId must not be null");
      requireNonNull(clientSecret, "clientSecret must not be null");
      requireNonNull(inventoryUrl, "inventoryUrl must not be null");
      requireNonNull(clock, "clock must not be null");
    }

    @Override
    public String toString() {
      return "Settings["
          + transmit
          + ", clientId="
          + clientId
          + ", inventory="
          + inventoryUrl
          + "]";
    }
  }

  /** Starts the orders API on {@code address} with these settings. */
  public static OrdersApi start(Settings settings, InetSocketAddress address) {
    requireNonNull(settings, "settings must not be null");
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .issuer(settings.transmit().issuer())
            .jwksUri(settings.transmit().jwksUri())
            .audience(OrdersApi.RESOURCE)
            .clock(settings.clock())
            .build();
    TransmitTokenClient tokens =
        TransmitTokenClient.builder()
            .tokenEndpoint(settings.transmit().tokenEndpoint())
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            .clock(settings.clock())
            .build();
    InventoryClient inventory =
        new InventoryClient(tokens, settings.inventoryUrl(), INVENTORY_RESOURCE);
    return OrdersApi.start(address, verifier, inventory);
  }

  /** Reads the environment (see the class comment) and runs until the process is stopped. */
  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Settings settings;
    int port;
    try {
      settings =
          new Settings(
              TransmitEndpoints.fromEnvironment(env),
              required(env, "TRANSMIT_CLIENT_ID"),
              required(env, "TRANSMIT_CLIENT_SECRET"),
              URI.create(required(env, "INVENTORY_URL")),
              Clock.systemUTC());
      port = Integer.parseInt(env.getOrDefault("PORT", Integer.toString(DEFAULT_PORT)));
    } catch (IllegalArgumentException e) {
      System.err.println("orders API: " + e.getMessage());
      System.exit(2);
      return;
    }
    OrdersApi api = start(settings, new InetSocketAddress(port));
    Runtime.getRuntime().addShutdownHook(new Thread(api::close, "orders-api-shutdown"));
    System.out.println("orders API listening on port " + port + " (" + settings + ")");
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return value;
  }
}
