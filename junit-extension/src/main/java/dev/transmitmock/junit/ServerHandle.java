package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;

/** The handle injected by {@link TransmitMock}: bound to one server. */
record ServerHandle(TransmitMockServer server) implements TransmitMockHandle {
  ServerHandle {
    requireNonNull(server, "server must not be null");
  }
}
