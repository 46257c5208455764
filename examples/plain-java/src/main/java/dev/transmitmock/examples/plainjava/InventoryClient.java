package dev.transmitmock.examples.plainjava;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.transmitmock.client.AccessToken;
import dev.transmitmock.client.TokenRequestException;
import dev.transmitmock.client.TransmitTokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the inventory API, a Transmit-protected downstream service, with a client-credentials token
 * for its resource. {@link TransmitTokenClient} caches the token until shortly before it expires; a
 * 401 from the inventory API drops it and retries once with a fresh one.
 *
 * <pre>{@code
 * InventoryClient inventory = new InventoryClient(tokens, URI.create("https://inventory.internal"),
 *     "https://api.inventory.example");
 * int available = inventory.available("sku-42");
 * }</pre>
 */
public final class InventoryClient {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final TransmitTokenClient tokens;
  private final URI baseUrl;
  private final String resource;
  private final HttpClient http;

  /**
   * @param tokens the token client of this service's Transmit application
   * @param baseUrl where the inventory API answers
   * @param resource the inventory API's resource URI in Transmit (the {@code aud} it checks)
   */
  public InventoryClient(TransmitTokenClient tokens, URI baseUrl, String resource) {
    this.tokens = requireNonNull(tokens, "tokens must not be null");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl must not be null");
    this.resource = requireNonNull(resource, "resource must not be null");
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  }

  /**
   * How many items of a product are in stock.
   *
   * @throws InventoryUnavailableException when no token could be obtained or the inventory API
   *     failed
   */
  public int available(String sku) {
    requireNonNull(sku, "sku must not be null");
    HttpResponse<String> response = send(sku, token());
    if (response.statusCode() == 401) {
      // The inventory API refused a token we believed valid (revoked, keys rotated): once more.
      tokens.invalidate(resource);
      response = send(sku, token());
    }
    if (response.statusCode() != 200) {
      throw new InventoryUnavailableException(
          "the inventory API answered " + response.statusCode() + " for " + sku);
    }
    try {
      Map<String, Object> body = JSONObjectUtils.parse(response.body());
      if (!(body.get("available") instanceof Number available)) {
        throw new InventoryUnavailableException("the inventory API answered without 'available'");
      }
      return available.intValue();
    } catch (ParseException e) {
      throw new InventoryUnavailableException("the inventory API answered malformed JSON", e);
    }
  }

  private AccessToken token() {
    try {
      return tokens.accessToken(resource);
    } catch (TokenRequestException e) {
      throw new InventoryUnavailableException(
          "no access token for " + resource + " from Transmit: " + e.getMessage(), e);
    }
  }

  private HttpResponse<String> send(String sku, AccessToken token) {
    HttpRequest request =
        HttpRequest.newBuilder(
                baseUrl.resolve("/stock/" + URLEncoder.encode(sku, StandardCharsets.UTF_8)))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", token.authorizationHeader())
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InventoryUnavailableException("the inventory API is unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InventoryUnavailableException("interrupted while calling the inventory API", e);
    }
  }

  @Override
  public String toString() {
    return "InventoryClient[" + baseUrl + ", resource=" + resource + "]";
  }
}
