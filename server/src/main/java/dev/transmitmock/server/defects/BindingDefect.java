package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.pki.CertificateThumbprint;
import dev.transmitmock.server.pki.TlsIdentity;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Certificate-binding attacks on a consumer of mTLS clients' tokens (RFC 8705 section 3): validly
 * signed tokens that a resource server checking the binding against the caller's TLS certificate
 * must refuse. Separate from {@link dev.transmitmock.server.defects.Defect} because a verifier that
 * is not told the caller's certificate cannot see them. {@link #expectedRejection()} names the
 * client verifier's {@code TokenRejectedException.Reason}.
 *
 * <pre>{@code
 * String token = BindingDefect.MISSING_CNF.mint(server.defectiveTokens(), "mtls-svc", callerCert);
 * // call the API over mTLS presenting callerCert with "Bearer " + token: it must answer 401
 * }</pre>
 */
public enum BindingDefect {
  /** The token of an mTLS client without {@code cnf}: a bearer token usable from anywhere. */
  MISSING_CNF(
      "missing-cnf-binding",
      "no cnf.x5t#S256: the token of an mTLS client is usable without its certificate",
      "UNBOUND"),
  /** Bound to another certificate than the caller's: a stolen token replayed by another client. */
  OTHER_CERTIFICATE(
      "cnf-of-another-certificate",
      "cnf.x5t#S256 names another certificate than the one the caller presents",
      "CERTIFICATE_MISMATCH");

  private static final String REFERENCE = "RFC 8705 §3";

  private final String id;
  private final String description;
  private final String expectedRejection;

  BindingDefect(String id, String description, String expectedRejection) {
    this.id = id;
    this.description = description;
    this.expectedRejection = expectedRejection;
  }

  /** The stable kebab-case id. */
  public String id() {
    return id;
  }

  /** The attack in one line. */
  public String description() {
    return description;
  }

  /** Where the requirement comes from. */
  public String reference() {
    return REFERENCE;
  }

  /** The client verifier's reason: {@code UNBOUND} or {@code CERTIFICATE_MISMATCH}. */
  public String expectedRejection() {
    return expectedRejection;
  }

  /**
   * A token for {@code clientId} that must be refused when presented over a connection with the
   * certificate {@code presented}.
   */
  public String mint(DefectiveTokens tokens, String clientId, X509Certificate presented) {
    requireNonNull(tokens, "tokens must not be null");
    requireNonNull(presented, "presented must not be null");
    return tokens.mintValid(applyTo(TokenSpec.builder().clientId(clientId)).build());
  }

  /**
   * Applies the defect to a token specification: removes {@code cnf}, or sets it to a freshly
   * generated certificate that no caller holds ({@code POST /_mock/tokens} with this {@link
   * #id()}).
   */
  public TokenSpec.Builder applyTo(TokenSpec.Builder spec) {
    requireNonNull(spec, "spec must not be null");
    if (this == OTHER_CERTIFICATE) {
      X509Certificate other = TlsIdentity.selfSigned("CN=someone else", List.of()).certificate();
      return spec.claim("cnf", CertificateThumbprint.confirmation(other));
    }
    return spec.claim("cnf", null);
  }

  /** The defect with this id. */
  public static java.util.Optional<BindingDefect> byId(String id) {
    for (BindingDefect defect : values()) {
      if (defect.id.equals(id)) {
        return java.util.Optional.of(defect);
      }
    }
    return java.util.Optional.empty();
  }
}
