package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a client authenticates at the token endpoint ({@code token_endpoint_auth_method}) and the
 * material the emulator checks it against: a secret (the default), public keys for {@code
 * private_key_jwt}, the certificate expected in the TLS handshake for {@code tls_client_auth} and
 * {@code self_signed_tls_client_auth}, or nothing for {@code none} (a public client, such as a PKCE
 * app, which presents only its {@code client_id} and cannot use client credentials).
 *
 * <pre>{@code
 * ClientAuthConfig jwt = ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
 *     .publicKeyPem(Files.readString(Path.of("orders-svc.pub.pem"))).build();
 * ClientAuthConfig mtls = ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
 *     .tlsClientAuthSubjectDn("CN=orders-svc,O=Acme").build();
 * ClientAuthConfig pinned = ClientAuthConfig.builder(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
 *     .certificateThumbprint("x5t#S256 value, base64url").build();
 * ClientAuthConfig boundJwt = ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
 *     .jwks(jwksJson).certificateBoundAccessTokens(true).build(); // cnf from its TLS certificate
 * }</pre>
 *
 * <p>Certificate-bound access tokens (RFC 8705 section 3, the client metadata {@code
 * tls_client_certificate_bound_access_tokens}): {@link #bindsTokens()} clients get tokens with
 * {@code cnf.x5t#S256} of the TLS client certificate they presented, and no token without one. The
 * mTLS methods bind by default; any method can turn it on or off.
 *
 * @param method the {@code token_endpoint_auth_method}
 * @param jwks a JWK set (or a single JWK) as JSON: the client's public keys; for {@code
 *     self_signed_tls_client_auth} its keys carry the certificate in {@code x5c}
 * @param jwksUri where the client publishes its JWK set
 * @param publicKeyPem a PEM public key or certificate of the client
 * @param tlsClientAuthSubjectDn the subject DN the client certificate must carry (RFC 4514)
 * @param tlsClientAuthSanDns a dNSName SAN the client certificate must carry
 * @param tlsClientAuthSanUri a uniformResourceIdentifier SAN the client certificate must carry
 * @param tlsClientAuthSanIp an iPAddress SAN the client certificate must carry
 * @param tlsClientAuthSanEmail an rfc822Name SAN the client certificate must carry
 * @param certificateThumbprints registered {@code x5t#S256} thumbprints of self-signed certificates
 * @param certificateBoundAccessTokens whether tokens are bound to the TLS client certificate;
 *     empty: the method's default ({@link #bindsTokens()})
 */
public record ClientAuthConfig(
    AuthMethod method,
    Optional<String> jwks,
    Optional<URI> jwksUri,
    Optional<String> publicKeyPem,
    Optional<String> tlsClientAuthSubjectDn,
    Optional<String> tlsClientAuthSanDns,
    Optional<String> tlsClientAuthSanUri,
    Optional<String> tlsClientAuthSanIp,
    Optional<String> tlsClientAuthSanEmail,
    List<String> certificateThumbprints,
    Optional<Boolean> certificateBoundAccessTokens) {

  /** Secret-based authentication, Basic header or form body: the default. */
  public static final ClientAuthConfig SECRET = builder(AuthMethod.CLIENT_SECRET_BASIC).build();

  public ClientAuthConfig {
    requireNonNull(method, "method must not be null");
    requireNonNull(jwks, "jwks must not be null");
    requireNonNull(jwksUri, "jwksUri must not be null");
    requireNonNull(publicKeyPem, "publicKeyPem must not be null");
    requireNonNull(tlsClientAuthSubjectDn, "tlsClientAuthSubjectDn must not be null");
    requireNonNull(tlsClientAuthSanDns, "tlsClientAuthSanDns must not be null");
    requireNonNull(tlsClientAuthSanUri, "tlsClientAuthSanUri must not be null");
    requireNonNull(tlsClientAuthSanIp, "tlsClientAuthSanIp must not be null");
    requireNonNull(tlsClientAuthSanEmail, "tlsClientAuthSanEmail must not be null");
    certificateThumbprints = List.copyOf(certificateThumbprints);
    requireNonNull(certificateBoundAccessTokens, "certificateBoundAccessTokens must not be null");
    validate(
        method,
        jwks,
        jwksUri,
        publicKeyPem,
        subjectMatchers(
            tlsClientAuthSubjectDn,
            tlsClientAuthSanDns,
            tlsClientAuthSanUri,
            tlsClientAuthSanIp,
            tlsClientAuthSanEmail),
        certificateThumbprints);
  }

  /** Starts a configuration for a method. */
  public static Builder builder(AuthMethod method) {
    return new Builder(requireNonNull(method, "method must not be null"));
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    Builder builder = builder(method);
    jwks.ifPresent(builder::jwks);
    jwksUri.ifPresent(builder::jwksUri);
    publicKeyPem.ifPresent(builder::publicKeyPem);
    tlsClientAuthSubjectDn.ifPresent(builder::tlsClientAuthSubjectDn);
    tlsClientAuthSanDns.ifPresent(builder::tlsClientAuthSanDns);
    tlsClientAuthSanUri.ifPresent(builder::tlsClientAuthSanUri);
    tlsClientAuthSanIp.ifPresent(builder::tlsClientAuthSanIp);
    tlsClientAuthSanEmail.ifPresent(builder::tlsClientAuthSanEmail);
    certificateThumbprints.forEach(builder::certificateThumbprint);
    certificateBoundAccessTokens.ifPresent(builder::certificateBoundAccessTokens);
    return builder;
  }

  /**
   * Whether the client's tokens are bound to its TLS client certificate ({@code cnf.x5t#S256}): as
   * configured, else true for {@code tls_client_auth} and {@code self_signed_tls_client_auth} and
   * false for the others.
   */
  public boolean bindsTokens() {
    return certificateBoundAccessTokens.orElse(method.usesCertificate());
  }

  private static int subjectMatchers(Optional<?>... values) {
    int count = 0;
    for (Optional<?> value : values) {
      count += value.isPresent() ? 1 : 0;
    }
    return count;
  }

  private static void validate(
      AuthMethod method,
      Optional<String> jwks,
      Optional<URI> jwksUri,
      Optional<String> publicKeyPem,
      int subjectMatchers,
      List<String> thumbprints) {
    int keySources =
        (jwks.isPresent() ? 1 : 0)
            + (jwksUri.isPresent() ? 1 : 0)
            + (publicKeyPem.isPresent() ? 1 : 0);
    switch (method) {
      case NONE -> {
        if (keySources > 0 || subjectMatchers > 0 || !thumbprints.isEmpty()) {
          throw new IllegalArgumentException(
              "a none client (a public client) proves nothing; jwks, jwksUri, publicKeyPem, "
                  + "certificate thumbprints and tlsClientAuth* do not apply");
        }
      }
      case PRIVATE_KEY_JWT -> {
        if (keySources != 1 || !thumbprints.isEmpty() || subjectMatchers > 0) {
          throw new IllegalArgumentException(
              "a private_key_jwt client needs exactly one of jwks, jwksUri or publicKeyPem");
        }
      }
      case TLS_CLIENT_AUTH -> {
        if (subjectMatchers != 1 || keySources > 0 || !thumbprints.isEmpty()) {
          throw new IllegalArgumentException(
              "a tls_client_auth client needs exactly one of tlsClientAuthSubjectDn, "
                  + "tlsClientAuthSanDns, tlsClientAuthSanUri, tlsClientAuthSanIp, "
                  + "tlsClientAuthSanEmail");
        }
      }
      case SELF_SIGNED_TLS_CLIENT_AUTH -> {
        if (keySources + (thumbprints.isEmpty() ? 0 : 1) != 1 || subjectMatchers > 0) {
          throw new IllegalArgumentException(
              "a self_signed_tls_client_auth client needs exactly one of certificateThumbprints, "
                  + "publicKeyPem (its certificate), jwks or jwksUri (keys with x5c)");
        }
      }
      default -> {
        if (keySources > 0 || subjectMatchers > 0 || !thumbprints.isEmpty()) {
          throw new IllegalArgumentException(
              "a "
                  + method.wireName()
                  + " client authenticates with its secret; jwks, jwksUri, publicKeyPem, "
                  + "certificate thumbprints and tlsClientAuth* do not apply");
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ClientAuthConfig[method=" + method.wireName() + "]";
  }

  /** Builds {@link ClientAuthConfig}s. */
  public static final class Builder {
    private final AuthMethod method;
    private String jwks;
    private URI jwksUri;
    private String publicKeyPem;
    private String subjectDn;
    private String sanDns;
    private String sanUri;
    private String sanIp;
    private String sanEmail;
    private final List<String> thumbprints = new ArrayList<>();
    private Boolean certificateBoundAccessTokens;

    private Builder(AuthMethod method) {
      this.method = method;
    }

    /** The client's JWK set (or one JWK) as JSON. */
    public Builder jwks(String jwksJson) {
      this.jwks = requireNonNull(jwksJson, "jwks must not be null");
      return this;
    }

    /** Where the client's JWK set is published. */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = requireNonNull(jwksUri, "jwksUri must not be null");
      return this;
    }

    /** The client's public key or certificate in PEM. */
    public Builder publicKeyPem(String pem) {
      this.publicKeyPem = requireNonNull(pem, "publicKeyPem must not be null");
      return this;
    }

    /** The subject DN the client certificate must carry ({@code tls_client_auth}). */
    public Builder tlsClientAuthSubjectDn(String dn) {
      this.subjectDn = requireNonNull(dn, "dn must not be null");
      return this;
    }

    /** A DNS SAN the client certificate must carry ({@code tls_client_auth}). */
    public Builder tlsClientAuthSanDns(String dns) {
      this.sanDns = requireNonNull(dns, "dns must not be null");
      return this;
    }

    /** A URI SAN the client certificate must carry ({@code tls_client_auth}). */
    public Builder tlsClientAuthSanUri(String uri) {
      this.sanUri = requireNonNull(uri, "uri must not be null");
      return this;
    }

    /** An IP SAN the client certificate must carry ({@code tls_client_auth}). */
    public Builder tlsClientAuthSanIp(String ip) {
      this.sanIp = requireNonNull(ip, "ip must not be null");
      return this;
    }

    /** An email SAN the client certificate must carry ({@code tls_client_auth}). */
    public Builder tlsClientAuthSanEmail(String email) {
      this.sanEmail = requireNonNull(email, "email must not be null");
      return this;
    }

    /** Registers a self-signed certificate by its {@code x5t#S256} thumbprint (base64url). */
    public Builder certificateThumbprint(String x5tS256) {
      thumbprints.add(requireNonNull(x5tS256, "x5tS256 must not be null"));
      return this;
    }

    /**
     * Whether tokens are bound to the TLS client certificate ({@code
     * tls_client_certificate_bound_access_tokens}); default true for the mTLS methods, false
     * otherwise.
     */
    public Builder certificateBoundAccessTokens(boolean bound) {
      this.certificateBoundAccessTokens = bound;
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalArgumentException when the material does not fit the method
     */
    public ClientAuthConfig build() {
      return new ClientAuthConfig(
          method,
          Optional.ofNullable(jwks),
          Optional.ofNullable(jwksUri),
          Optional.ofNullable(publicKeyPem),
          Optional.ofNullable(subjectDn),
          Optional.ofNullable(sanDns),
          Optional.ofNullable(sanUri),
          Optional.ofNullable(sanIp),
          Optional.ofNullable(sanEmail),
          thumbprints,
          Optional.ofNullable(certificateBoundAccessTokens));
    }
  }
}
