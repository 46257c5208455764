package dev.transmitmock.server.token;

import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a client certificate carries the subject a {@code tls_client_auth} client registered (RFC
 * 8705 section 2.1.2): the subject DN (compared as X.500 names, so spacing and attribute-type case
 * do not matter), or one SAN of the registered type.
 *
 * <pre>{@code
 * boolean ok = ClientCertificateMatcher.matches(client.authentication(), certificate);
 * }</pre>
 */
public final class ClientCertificateMatcher {
  private static final int SAN_EMAIL = 1;
  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;
  private static final int SAN_IP = 7;

  private ClientCertificateMatcher() {}

  /** Whether the certificate matches the registered subject DN or SAN. */
  public static boolean matches(ClientAuthConfig auth, X509Certificate certificate) {
    if (auth.tlsClientAuthSubjectDn().isPresent()) {
      return sameDn(auth.tlsClientAuthSubjectDn().get(), certificate.getSubjectX500Principal());
    }
    if (auth.tlsClientAuthSanDns().isPresent()) {
      return sans(certificate, SAN_DNS).stream()
          .anyMatch(name -> name.equalsIgnoreCase(auth.tlsClientAuthSanDns().get()));
    }
    if (auth.tlsClientAuthSanUri().isPresent()) {
      return sans(certificate, SAN_URI).contains(auth.tlsClientAuthSanUri().get());
    }
    if (auth.tlsClientAuthSanEmail().isPresent()) {
      return sans(certificate, SAN_EMAIL).stream()
          .anyMatch(name -> name.equalsIgnoreCase(auth.tlsClientAuthSanEmail().get()));
    }
    if (auth.tlsClientAuthSanIp().isPresent()) {
      Optional<InetAddress> expected = address(auth.tlsClientAuthSanIp().get());
      return expected.isPresent()
          && sans(certificate, SAN_IP).stream()
              .map(ClientCertificateMatcher::address)
              .anyMatch(expected::equals);
    }
    return false;
  }

  private static boolean sameDn(String registered, X500Principal subject) {
    try {
      X500Principal expected = new X500Principal(registered);
      return expected
          .getName(X500Principal.CANONICAL)
          .equals(subject.getName(X500Principal.CANONICAL));
    } catch (IllegalArgumentException e) {
      return registered
          .trim()
          .toLowerCase(Locale.ROOT)
          .equals(subject.getName().toLowerCase(Locale.ROOT));
    }
  }

  private static List<String> sans(X509Certificate certificate, int type) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    if (names == null) {
      return List.of();
    }
    return names.stream()
        .filter(n -> n.size() >= 2 && n.get(0) instanceof Integer t && t == type)
        .map(n -> String.valueOf(n.get(1)))
        .toList();
  }

  private static Optional<InetAddress> address(String literal) {
    if (!TlsIdentity.isIpAddress(literal.trim())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal.trim()));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
