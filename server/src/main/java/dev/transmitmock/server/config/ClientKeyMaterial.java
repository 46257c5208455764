package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import dev.transmitmock.protocol.AuthMethod;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inline key material a client registers ({@code jwks}, {@code publicKeyPem}, {@code
 * certificateThumbprints}) and refuses what cannot be used, naming the field and never quoting the
 * material. The token layer's {@code ClientKeys} uses the same parsers at run time.
 *
 * <pre>{@code
 * ClientKeyMaterial.check(clientAuthConfig);   // at registration: fails on unusable material
 * List<JWK> keys = ClientKeyMaterial.parseJwks(jwksJson);
 * }</pre>
 */
public final class ClientKeyMaterial {
  private ClientKeyMaterial() {}

  /**
   * Checks that inline key material can be used: parseable JSON or PEM, public keys only,
   * well-formed thumbprints. A {@code jwksUri} is not fetched here.
   *
   * @throws IllegalArgumentException naming the field at fault, never quoting key material
   */
  public static void check(ClientAuthConfig auth) {
    requireNonNull(auth, "auth must not be null");
    auth.jwks().ifPresent(ClientKeyMaterial::parseJwks);
    auth.publicKeyPem().ifPresent(ClientKeyMaterial::parsePem);
    for (String thumbprint : auth.certificateThumbprints()) {
      if (!isWellFormedThumbprint(thumbprint)) {
        throw new IllegalArgumentException(
            "certificateThumbprints: '"
                + thumbprint
                + "' is not an x5t#S256 value (43 base64url characters)");
      }
    }
    if (auth.method() == AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH) {
      if (auth.publicKeyPem().isPresent()
          && PemCertificates.read(auth.publicKeyPem().get()).isEmpty()) {
        throw new IllegalArgumentException(
            "publicKeyPem: a self_signed_tls_client_auth client registers its certificate");
      }
      if (auth.jwks().isPresent() && !namesCertificate(parseJwks(auth.jwks().get()))) {
        throw new IllegalArgumentException(
            "jwks: a self_signed_tls_client_auth client's keys need x5c or x5t#S256");
      }
    }
  }

  /** Parses a JWK set or a single JWK; public keys only. */
  public static List<JWK> parseJwks(String json) {
    List<JWK> keys;
    try {
      if (json.contains("\"keys\"")) {
        keys = JWKSet.parse(json).getKeys();
      } else {
        keys = List.of(JWK.parse(json));
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("jwks: not a JWK set or JWK (" + e.getMessage() + ")");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("jwks: the set holds no key");
    }
    for (JWK key : keys) {
      if (key.isPrivate()) {
        throw new IllegalArgumentException(
            "jwks: holds private key material; register the public keys only");
      }
    }
    return new ArrayList<>(keys);
  }

  /** Parses a PEM public key or certificate. */
  public static JWK parsePem(String pem) {
    if (pem.contains("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "publicKeyPem: holds a private key; register the public key or certificate only");
    }
    try {
      JWK key = JWK.parseFromPEMEncodedObjects(pem);
      if (key.isPrivate()) {
        throw new IllegalArgumentException("publicKeyPem: holds a private key");
      }
      return key.toPublicJWK();
    } catch (JOSEException | RuntimeException e) {
      if (e instanceof IllegalArgumentException illegal
          && illegal.getMessage() != null
          && illegal.getMessage().startsWith("publicKeyPem")) {
        throw illegal;
      }
      throw new IllegalArgumentException(
          "publicKeyPem: not a PEM public key or certificate (BEGIN PUBLIC KEY or BEGIN"
              + " CERTIFICATE)");
    }
  }

  /** Whether text looks like an {@code x5t#S256} thumbprint: 43 base64url characters (32 bytes). */
  public static boolean isWellFormedThumbprint(String thumbprint) {
    return thumbprint != null && thumbprint.matches("[A-Za-z0-9_-]{43}");
  }

  /** Whether some key names a certificate: a readable {@code x5c} leaf or an {@code x5t#S256}. */
  private static boolean namesCertificate(List<JWK> keys) {
    for (JWK key : keys) {
      List<Base64> chain = key.getX509CertChain();
      if (chain != null && !chain.isEmpty()) {
        if (X509CertUtils.parse(chain.get(0).decode()) != null) {
          return true;
        }
      } else if (key.getX509CertSHA256Thumbprint() != null) {
        return true;
      }
    }
    return false;
  }
}
