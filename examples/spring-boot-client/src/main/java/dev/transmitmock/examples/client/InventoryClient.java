package dev.transmitmock.examples.client;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks the inventory API for stock levels. The bearer token is added by the {@link RestClient}'s
 * interceptor ({@link TransmitClientConfiguration}); this class never sees it.
 */
@Component
public class InventoryClient {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  private final RestClient inventory;

  /** Uses the {@code inventoryRestClient} bean. */
  public InventoryClient(RestClient inventoryRestClient) {
    this.inventory = inventoryRestClient;
  }

  /**
   * How many items of a product are in stock.
   *
   * @throws org.springframework.security.oauth2.core.OAuth2AuthorizationException when no token
   *     could be obtained from Transmit
   * @throws org.springframework.web.client.RestClientException when the inventory API failed
   */
  public int available(String sku) {
    Map<String, Object> stock =
        inventory.get().uri("/stock/{sku}", sku).retrieve().body(JSON_OBJECT);
    if (stock == null || !(stock.get("available") instanceof Number available)) {
      throw new IllegalStateException("the inventory API answered without 'available'");
    }
    return available.intValue();
  }
}
