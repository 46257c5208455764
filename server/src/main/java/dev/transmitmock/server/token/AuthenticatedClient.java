package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientConfig;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A client that proved who it is, how it did, and the TLS client certificate of the request: the
 * one that authenticated an mTLS client, or one a secret or {@code private_key_jwt} client
 * presented besides. Tokens are bound to it ({@code cnf.x5t#S256}) when the client's {@link
 * dev.transmitmock.server.config.ClientAuthConfig#bindsTokens()} says so.
 *
 * @param client the registered client
 * @param method the authentication method used
 * @param certificate the TLS client certificate presented in the handshake, if any
 */
public record AuthenticatedClient(
    ClientConfig client, AuthMethod method, Optional<X509Certificate> certificate) {
  public AuthenticatedClient {
    requireNonNull(client, "client must not be null");
    requireNonNull(method, "method must not be null");
    requireNonNull(certificate, "certificate must not be null");
  }
}
