package dev.transmitmock.examples.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

/** {@code GET /orders/{id}/availability}: the stock of an order's product, from inventory. */
@RestController
public class AvailabilityController {

  private static final Logger LOG = LoggerFactory.getLogger(AvailabilityController.class);

  private final InventoryClient inventory;

  /** Uses the inventory API. */
  public AvailabilityController(InventoryClient inventory) {
    this.inventory = inventory;
  }

  /** The order and how many of its product are available. */
  @GetMapping("/orders/{id}/availability")
  public Map<String, Object> availability(@PathVariable String id) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("order", id);
    body.put("available", inventory.available("sku-" + id));
    return body;
  }

  /**
   * Transmit did not issue a token (endpoint down, credentials refused): 503, naming the OAuth
   * error code only. Spring's message may quote the token endpoint's answer, which is fine for the
   * log but not for callers.
   */
  @ExceptionHandler(OAuth2AuthorizationException.class)
  ResponseEntity<Map<String, Object>> noToken(OAuth2AuthorizationException e) {
    LOG.warn("no access token for the inventory API: {}", e.getMessage());
    return error(
        HttpStatus.SERVICE_UNAVAILABLE,
        "no access token for the inventory API from Transmit ("
            + e.getError().getErrorCode()
            + ")");
  }

  /** The inventory API failed or is unreachable: 502. */
  @ExceptionHandler(RestClientException.class)
  ResponseEntity<Map<String, Object>> inventoryFailed(RestClientException e) {
    LOG.warn("inventory API call failed: {}", e.getMessage());
    return error(HttpStatus.BAD_GATEWAY, "the inventory API failed");
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "inventory_unavailable");
    body.put("error_description", description);
    return ResponseEntity.status(status).body(body);
  }
}
