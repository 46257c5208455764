package dev.transmitmock.server.pki;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate authorities a {@code tls_client_auth} client certificate must chain to (RFC 8705
 * section 2.1): PKIX path validation of the chain the client presented in the TLS handshake against
 * these trust anchors, at the emulator's time, without revocation checks. {@code
 * self_signed_tls_client_auth} does not use it: those clients are recognised by their registered
 * certificate.
 *
 * <pre>{@code
 * ClientCaTrust trust = ClientCaTrust.of(List.of(clientCa.certificate()));
 * Optional<String> problem = trust.problem(presentedChain, server.clock().instant());
 * // empty: the chain is trusted; else why not, e.g. "it does not chain to a trusted client CA"
 * }</pre>
 */
public final class ClientCaTrust {
  /** Trusts no certificate: every chain is refused (no HTTPS listener, so no client CA). */
  public static final ClientCaTrust NONE = new ClientCaTrust(List.of());

  private final List<X509Certificate> anchors;
  private final Set<TrustAnchor> trustAnchors;

  private ClientCaTrust(List<X509Certificate> anchors) {
    this.anchors = List.copyOf(anchors);
    Set<TrustAnchor> set = new LinkedHashSet<>();
    for (X509Certificate anchor : this.anchors) {
      set.add(new TrustAnchor(anchor, null));
    }
    this.trustAnchors = Set.copyOf(set);
  }

  /** Trusts chains ending at one of these CA certificates. */
  public static ClientCaTrust of(List<X509Certificate> caCertificates) {
    requireNonNull(caCertificates, "caCertificates must not be null");
    caCertificates.forEach(c -> requireNonNull(c, "a CA certificate must not be null"));
    return new ClientCaTrust(caCertificates);
  }

  /** The trusted CA certificates. */
  public List<X509Certificate> caCertificates() {
    return anchors;
  }

  /**
   * Why the chain is not trusted at {@code at}, or empty when it is: a readable sentence for a 401
   * {@code invalid_client} description.
   *
   * @param chain the client's chain as presented, leaf first (the CA itself may be included)
   */
  public Optional<String> problem(List<X509Certificate> chain, Instant at) {
    requireNonNull(chain, "chain must not be null");
    requireNonNull(at, "at must not be null");
    if (chain.isEmpty()) {
      return Optional.of("no client certificate was presented");
    }
    if (trustAnchors.isEmpty()) {
      return Optional.of("no trusted client CA is configured (tls.clientCaCertificates)");
    }
    List<X509Certificate> path = new ArrayList<>(chain);
    // A client may send its CA along; the path handed to PKIX must end below the anchor.
    while (path.size() > 1 && anchors.contains(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    if (path.size() == 1 && anchors.contains(path.get(0))) {
      return Optional.of("the client certificate is a CA certificate, not a client certificate");
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(trustAnchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
      return Optional.empty();
    } catch (CertPathValidatorException e) {
      return Optional.of(reason(e));
    } catch (InvalidAlgorithmParameterException e) {
      return Optional.of("no trusted client CA is configured (tls.clientCaCertificates)");
    } catch (GeneralSecurityException e) {
      return Optional.of("the client certificate chain cannot be validated");
    }
  }

  private static String reason(CertPathValidatorException e) {
    if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
      return "a certificate of the chain has expired";
    }
    if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
      return "a certificate of the chain is not yet valid";
    }
    if (e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
      return "a certificate of the chain has an invalid signature";
    }
    return "it does not chain to a trusted client CA";
  }

  @Override
  public String toString() {
    return "ClientCaTrust[" + anchors.size() + " CA certificate(s)]";
  }
}
