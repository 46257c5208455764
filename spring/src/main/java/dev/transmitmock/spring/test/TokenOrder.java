package dev.transmitmock.spring.test;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a test asked {@code transmitToken(...)} for: a client's token, for a resource, with claims.
 */
final class TokenOrder {
  private final String clientId;
  private Optional<String> resource = Optional.empty();
  private final Map<String, Object> claims = new LinkedHashMap<>();

  TokenOrder(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    this.clientId = clientId.trim();
  }

  void resource(String resource) {
    requireNonNull(resource, "resource must not be null");
    if (resource.isBlank()) {
      throw new IllegalArgumentException("resource must not be blank");
    }
    this.resource = Optional.of(resource.trim());
  }

  void claim(String name, Object value) {
    claims.put(
        requireNonNull(name, "name must not be null"),
        requireNonNull(value, "value must not be null"));
  }

  /** A freshly minted token, as the {@code Authorization} header value. */
  String bearer(TransmitMockConnectionDetails emulator) {
    return "Bearer " + emulator.mintToken(clientId, resource, Map.copyOf(claims));
  }

  @Override
  public String toString() {
    return "transmitToken(\""
        + clientId
        + "\")"
        + resource.map(r -> ".resource(\"" + r + "\")").orElse("");
  }
}
