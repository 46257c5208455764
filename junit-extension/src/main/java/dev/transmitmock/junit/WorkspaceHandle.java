package dev.transmitmock.junit;

import dev.transmitmock.server.workspace.Workspace;
import java.net.URI;

/**
 * A {@link TransmitMockHandle} bound to one workspace of a shared server: its URLs carry the
 * workspace's {@code /_ws/<id>} prefix, and its clients, clock, journal, faults, next-token rules,
 * tokens and {@link #reset()} are the workspace's, so test classes running in parallel on one
 * server do not undo each other's set-up. Keys, the issuer, the runtime {@link #settings()} and TLS
 * stay the server's: tokens verify against {@link #jwksUri()} (the server's keys) with the server's
 * {@link #issuer()}.
 *
 * <pre>{@code
 * @TransmitMock(shared = true) // each class gets a workspace of its own
 * @TransmitClient(id = "orders-svc", secret = "orders-secret")
 * class OrdersClientTest {
 *   @Test
 *   void retries_a_503(TransmitMockHandle mock) {
 *     mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1)); // this class only
 *     OrdersClient client = new OrdersClient(mock.tokenEndpoint());        // .../_ws/ws-.../oidc/token
 *     ...
 *   }
 * }
 *
 * // or by hand, on any handle:
 * try (WorkspaceHandle ws = mock.createWorkspace()) {
 *   ws.clock().advance(Duration.ofHours(2));
 * } // deleted
 * }</pre>
 */
public interface WorkspaceHandle extends TransmitMockHandle, AutoCloseable {
  /** The workspace id, {@code ws-} and 12 hex digits. */
  default String id() {
    return serverWorkspace().id();
  }

  /** The server's workspace behind this handle, for everything the handle does not offer. */
  Workspace serverWorkspace();

  /** {@code <workspace base>/cis/oidc/token/introspection}. */
  default URI introspectionEndpoint() {
    return serverWorkspace().introspectionEndpoint();
  }

  /** {@code <workspace base>/cis/oidc/token/revocation}. */
  default URI revocationEndpoint() {
    return serverWorkspace().revocationEndpoint();
  }

  /** Deletes the workspace from the server; its URLs answer 404 from then on. */
  @Override
  void close();
}
