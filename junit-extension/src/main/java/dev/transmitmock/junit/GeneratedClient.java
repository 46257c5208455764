package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client whose credentials the extension generates when the server starts: an RSA key for {@code
 * private_key_jwt}, a client certificate for {@code tls_client_auth} / {@code
 * self_signed_tls_client_auth}. A value (no key material): settings holding it stay comparable.
 *
 * @param clientId the {@code client_id}
 * @param method a method that does not use a secret
 * @param type app or management client
 * @param resources resources the client may request
 * @param lifetime the client's token lifetime, if not the default
 * @param description names the declaration in error messages
 * @param appId the client's application, if given
 * @param grantTypes the grant types the client may use; empty: the default
 */
record GeneratedClient(
    String clientId,
    AuthMethod method,
    ClientType type,
    List<URI> resources,
    Optional<Duration> lifetime,
    String description,
    Optional<String> appId,
    List<String> grantTypes) {

  /** A client with a generated application id and the default grant types. */
  GeneratedClient(
      String clientId,
      AuthMethod method,
      ClientType type,
      List<URI> resources,
      Optional<Duration> lifetime,
      String description) {
    this(clientId, method, type, resources, lifetime, description, Optional.empty(), List.of());
  }

  GeneratedClient {
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(method, "method must not be null");
    requireNonNull(type, "type must not be null");
    resources = List.copyOf(requireNonNull(resources, "resources must not be null"));
    requireNonNull(lifetime, "lifetime must not be null");
    requireNonNull(description, "description must not be null");
    requireNonNull(appId, "appId must not be null");
    grantTypes = List.copyOf(requireNonNull(grantTypes, "grantTypes must not be null"));
    if (method.usesSecret() || method == AuthMethod.NONE) {
      throw new IllegalArgumentException(
          "generated credentials are for private_key_jwt, tls_client_auth and"
              + " self_signed_tls_client_auth, not "
              + method.wireName());
    }
  }
}
