package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;

/** The handle injected by {@link TransmitMock}: bound to one running server. */
final class ServerHandle implements TransmitMockHandle {
  private final ServerResource resource;

  ServerHandle(ServerResource resource) {
    this.resource = requireNonNull(resource, "resource must not be null");
  }

  @Override
  public TransmitMockServer server() {
    return resource.server();
  }

  @Override
  public String toString() {
    return "TransmitMockHandle[" + resource.server() + "]";
  }
}
