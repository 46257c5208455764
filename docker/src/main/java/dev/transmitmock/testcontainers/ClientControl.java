package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ClientFields;
import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clients and resources of the running emulator, changed at runtime; {@link
 * TransmitMockControl#reset()} brings back the configured ones.
 *
 * <pre>{@code
 * mock.control().clients().putResource("https://api.orders.example");
 * mock.control().clients().putClient(ClientDefinition.app("orders-svc", "orders-secret")
 *     .resources("https://api.orders.example").build());
 * // key- and certificate-based clients (the mTLS ones need withHttps())
 * mock.control().clients().putClient(ClientDefinition.privateKeyJwt("reports-svc")
 *     .jwks(publicJwkSetJson).resources("https://api.orders.example").build());
 * mock.control().clients().putClient(ClientDefinition.selfSignedTlsClientAuth("edge-svc")
 *     .certificateThumbprints(x5tS256).build());
 * }</pre>
 */
public final class ClientControl {

  static final String CLIENTS_PATH = ControlPaths.CLIENTS;
  static final String RESOURCES_PATH = ControlPaths.RESOURCES;

  private final EmulatorHttp http;

  ClientControl(EmulatorHttp http) {
    this.http = http;
  }

  /**
   * Registers a client, or replaces the one with the same id. Its resources must exist; the
   * emulator checks its keys or certificate values and answers 400 (a {@link
   * TransmitMockException}) with the reason.
   */
  public void putClient(ClientDefinition client) {
    requireNonNull(client, "client must not be null");
    http.controlPost(CLIENTS_PATH, client.toConfig());
  }

  /** The ids of the registered clients ({@code GET /_mock/clients}; secrets are never returned). */
  public List<String> clientIds() {
    Object answer = http.controlGet(CLIENTS_PATH);
    Object list =
        answer instanceof Map ? ((Map<?, ?>) answer).get(ControlFields.Lists.CLIENTS) : null;
    if (!(list instanceof List)) {
      throw new TransmitMockException(
          "GET " + CLIENTS_PATH + " answered without a list of clients", 200, "");
    }
    return ((List<?>) list)
        .stream()
            .filter(Map.class::isInstance)
            .map(client -> ((Map<?, ?>) client).get(ClientFields.CLIENT_ID))
            .filter(String.class::isInstance)
            .map(String.class::cast)
            .toList();
  }

  /** Removes a client: its next token request gets {@code 401 invalid_client}. */
  public void removeClient(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    http.controlDelete(CLIENTS_PATH + "/" + EmulatorHttp.pathSegment(clientId));
  }

  /** Adds a resource with the default token lifetime, or replaces the one with the same URI. */
  public void putResource(String resourceUri) {
    putResource(new ResourceDefinition(resourceUri, Optional.empty()));
  }

  /** Adds a resource, or replaces the one with the same URI. */
  public void putResource(ResourceDefinition resource) {
    requireNonNull(resource, "resource must not be null");
    http.controlPost(RESOURCES_PATH, resource.toConfig());
  }

  /** Removes a resource: clients can no longer ask for it ({@code 400 invalid_target}). */
  public void removeResource(String resourceUri) {
    requireNonNull(resourceUri, "resourceUri must not be null");
    http.controlDelete(
        RESOURCES_PATH + "?uri=" + URLEncoder.encode(resourceUri, StandardCharsets.UTF_8));
  }
}
