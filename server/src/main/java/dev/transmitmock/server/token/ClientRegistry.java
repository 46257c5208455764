package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ResourceConfig;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The clients and resources the emulator knows, changeable at runtime. Each change swaps one
 * immutable {@link Snapshot}, so a request never sees half a change, and a snapshot taken at start
 * is what {@code reset()} restores.
 */
public final class ClientRegistry {
  private final AtomicReference<Snapshot> current;

  /** A registry holding these clients and resources. */
  public ClientRegistry(List<ClientConfig> clients, List<ResourceConfig> resources) {
    Map<String, ClientConfig> byId = new LinkedHashMap<>();
    clients.forEach(c -> byId.put(c.clientId(), c));
    Map<URI, ResourceConfig> byUri = new LinkedHashMap<>();
    resources.forEach(r -> byUri.put(r.uri(), r));
    this.current = new AtomicReference<>(new Snapshot(byId, byUri));
  }

  /** The client with this id. */
  public Optional<ClientConfig> client(String clientId) {
    return Optional.ofNullable(current.get().clients().get(clientId));
  }

  /** The tenant resource with this URI. */
  public Optional<ResourceConfig> resource(URI uri) {
    return Optional.ofNullable(current.get().resources().get(uri));
  }

  /** Every client, in registration order. */
  public Collection<ClientConfig> clients() {
    return current.get().clients().values();
  }

  /** Every tenant resource, in registration order. */
  public Collection<ResourceConfig> resources() {
    return current.get().resources().values();
  }

  /** Adds or replaces a client. Its resources must be known tenant or service resources. */
  public void putClient(ClientConfig client, Collection<URI> serviceResources) {
    requireNonNull(client, "client must not be null");
    update(
        s -> {
          for (URI uri : client.resources()) {
            if (!s.resources().containsKey(uri) && !serviceResources.contains(uri)) {
              throw new IllegalArgumentException(
                  "resource " + uri + " is not defined; add it before assigning it to a client");
            }
          }
          Map<String, ClientConfig> clients = new LinkedHashMap<>(s.clients());
          clients.put(client.clientId(), client);
          return new Snapshot(clients, s.resources());
        });
  }

  /** Removes a client; true when it existed. */
  public boolean removeClient(String clientId) {
    Snapshot before = current.get();
    update(
        s -> {
          Map<String, ClientConfig> clients = new LinkedHashMap<>(s.clients());
          clients.remove(clientId);
          return new Snapshot(clients, s.resources());
        });
    return before.clients().containsKey(clientId);
  }

  /** Adds or replaces a tenant resource. */
  public void putResource(ResourceConfig resource) {
    requireNonNull(resource, "resource must not be null");
    update(
        s -> {
          Map<URI, ResourceConfig> resources = new LinkedHashMap<>(s.resources());
          resources.put(resource.uri(), resource);
          return new Snapshot(s.clients(), resources);
        });
  }

  /** Removes a tenant resource; clients that had it can no longer ask for it. */
  public boolean removeResource(URI uri) {
    Snapshot before = current.get();
    update(
        s -> {
          Map<URI, ResourceConfig> resources = new LinkedHashMap<>(s.resources());
          resources.remove(uri);
          return new Snapshot(s.clients(), resources);
        });
    return before.resources().containsKey(uri);
  }

  /** The current state, to restore later. */
  public Snapshot snapshot() {
    return current.get();
  }

  /** Restores a state taken with {@link #snapshot()}. */
  public void restore(Snapshot snapshot) {
    current.set(requireNonNull(snapshot, "snapshot must not be null"));
  }

  private void update(UnaryOperator<Snapshot> change) {
    current.updateAndGet(change);
  }

  /**
   * An immutable view of all clients and resources.
   *
   * @param clients clients by id
   * @param resources resources by URI
   */
  public record Snapshot(Map<String, ClientConfig> clients, Map<URI, ResourceConfig> resources) {
    public Snapshot {
      clients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clients));
      resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }
  }
}
