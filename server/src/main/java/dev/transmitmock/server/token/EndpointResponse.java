package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What an endpoint answers, free of any HTTP library: status, headers and a JSON body (or none).
 *
 * @param status the HTTP status
 * @param headers extra response headers
 * @param json the JSON body, or null for an empty body
 */
public record EndpointResponse(int status, Map<String, String> headers, String json) {
  /** Headers every token-endpoint answer carries (node-oidc-provider's no_cache). */
  public static final Map<String, String> NO_STORE =
      Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

  public EndpointResponse {
    headers = Map.copyOf(requireNonNull(headers, "headers must not be null"));
  }
}
