package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request came from, as client authentication needs it: the client certificate chain of the
 * TLS handshake (empty over plain HTTP or when none was presented) and the absolute URLs under
 * which the endpoint was reached (acceptable {@code aud} values of a {@code client_assertion},
 * besides the issuer).
 *
 * @param certificateChain the client's certificate chain, leaf first
 * @param endpointUrls the URLs of the token endpoint and of the called endpoint under every
 *     accepted base URL, in a stable order
 */
public record RequestOrigin(List<X509Certificate> certificateChain, Set<String> endpointUrls) {
  /** A request without TLS client certificate and without known URLs (programmatic use). */
  public static final RequestOrigin NONE = new RequestOrigin(List.of(), Set.of());

  public RequestOrigin {
    certificateChain = List.copyOf(requireNonNull(certificateChain, "certificateChain"));
    endpointUrls =
        java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(requireNonNull(endpointUrls, "endpointUrls")));
  }

  /** The client certificate of the handshake, if one was presented. */
  public Optional<X509Certificate> clientCertificate() {
    return certificateChain.isEmpty() ? Optional.empty() : Optional.of(certificateChain.get(0));
  }

  @Override
  public String toString() {
    return "RequestOrigin[certificate="
        + clientCertificate().map(c -> c.getSubjectX500Principal().getName()).orElse("none")
        + ", endpointUrls="
        + endpointUrls
        + "]";
  }
}
