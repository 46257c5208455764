package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.control.AuthMethod;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A client that proved who it is, how it did, and the certificate its tokens are bound to (mTLS
 * clients: {@code cnf.x5t#S256}).
 *
 * @param client the registered client
 * @param method the authentication method used
 * @param boundCertificate the TLS client certificate the tokens are bound to, for mTLS clients
 */
public record AuthenticatedClient(
    ClientConfig client, AuthMethod method, Optional<X509Certificate> boundCertificate) {
  public AuthenticatedClient {
    requireNonNull(client, "client must not be null");
    requireNonNull(method, "method must not be null");
    requireNonNull(boundCertificate, "boundCertificate must not be null");
  }
}
