package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link ClientDefinition} authenticates at the token endpoint, and the material the emulator
 * checks it against. Usually made through the {@link ClientDefinition} builders:
 *
 * <pre>{@code
 * ClientDefinition.privateKeyJwt("orders-svc").jwks(publicJwkJson).build();
 * ClientDefinition.tlsClientAuth("payments-svc").subjectDn("CN=payments-svc,O=Acme").build();
 * ClientDefinition.selfSignedTlsClientAuth("edge-svc").certificateThumbprints(x5tS256).build();
 * }</pre>
 *
 * <p>The rules are the emulator's: a {@code private_key_jwt} client has exactly one of {@code
 * jwks}, {@code jwksUri} or {@code publicKeyPem}; a {@code tls_client_auth} client exactly one
 * subject value; a {@code self_signed_tls_client_auth} client exactly one of certificate
 * thumbprints, {@code publicKeyPem} (its certificate), {@code jwks} or {@code jwksUri} (keys with
 * {@code x5c}); a secret client none of them. The field names are those of the emulator's config
 * and {@code POST /_mock/clients}.
 *
 * @param method the {@code tokenEndpointAuthMethod}
 * @param jwks the client's public keys as a JWK set (or one JWK), JSON text
 * @param jwksUri where the client publishes its JWK set
 * @param publicKeyPem the client's public key or certificate, PEM
 * @param tlsClientAuthSubjectDn the subject DN the client certificate must carry (RFC 4514)
 * @param tlsClientAuthSanDns a dNSName SAN the client certificate must carry
 * @param tlsClientAuthSanUri a URI SAN the client certificate must carry
 * @param tlsClientAuthSanIp an IP address SAN the client certificate must carry
 * @param tlsClientAuthSanEmail an email SAN the client certificate must carry
 * @param certificateThumbprints {@code x5t#S256} thumbprints (base64url SHA-256 of the DER
 *     certificate) of accepted self-signed certificates
 */
public record ClientAuthentication(
    TokenEndpointAuthMethod method,
    Optional<String> jwks,
    Optional<String> jwksUri,
    Optional<String> publicKeyPem,
    Optional<String> tlsClientAuthSubjectDn,
    Optional<String> tlsClientAuthSanDns,
    Optional<String> tlsClientAuthSanUri,
    Optional<String> tlsClientAuthSanIp,
    Optional<String> tlsClientAuthSanEmail,
    List<String> certificateThumbprints) {

  /** Validates the combination, with the emulator's rules and wording. */
  public ClientAuthentication {
    requireNonNull(method, "method must not be null");
    requireNonNull(jwks, "jwks must not be null");
    requireNonNull(jwksUri, "jwksUri must not be null");
    requireNonNull(publicKeyPem, "publicKeyPem must not be null");
    requireNonNull(tlsClientAuthSubjectDn, "tlsClientAuthSubjectDn must not be null");
    requireNonNull(tlsClientAuthSanDns, "tlsClientAuthSanDns must not be null");
    requireNonNull(tlsClientAuthSanUri, "tlsClientAuthSanUri must not be null");
    requireNonNull(tlsClientAuthSanIp, "tlsClientAuthSanIp must not be null");
    requireNonNull(tlsClientAuthSanEmail, "tlsClientAuthSanEmail must not be null");
    certificateThumbprints =
        List.copyOf(
            requireNonNull(certificateThumbprints, "certificateThumbprints must not be null"));
    int keySources = count(jwks, jwksUri, publicKeyPem);
    int subjects =
        count(
            tlsClientAuthSubjectDn,
            tlsClientAuthSanDns,
            tlsClientAuthSanUri,
            tlsClientAuthSanIp,
            tlsClientAuthSanEmail);
    boolean thumbprints = !certificateThumbprints.isEmpty();
    switch (method) {
      case PRIVATE_KEY_JWT -> {
        if (keySources != 1 || thumbprints || subjects > 0) {
          throw new IllegalArgumentException(
              "a private_key_jwt client needs exactly one of jwks, jwksUri or publicKeyPem");
        }
      }
      case TLS_CLIENT_AUTH -> {
        if (subjects != 1 || keySources > 0 || thumbprints) {
          throw new IllegalArgumentException(
              "a tls_client_auth client needs exactly one of tlsClientAuthSubjectDn,"
                  + " tlsClientAuthSanDns, tlsClientAuthSanUri, tlsClientAuthSanIp,"
                  + " tlsClientAuthSanEmail");
        }
      }
      case SELF_SIGNED_TLS_CLIENT_AUTH -> {
        if (keySources + (thumbprints ? 1 : 0) != 1 || subjects > 0) {
          throw new IllegalArgumentException(
              "a self_signed_tls_client_auth client needs exactly one of certificateThumbprints,"
                  + " publicKeyPem (its certificate), jwks or jwksUri (keys with x5c)");
        }
      }
      case NONE -> {
        if (keySources > 0 || subjects > 0 || thumbprints) {
          throw new IllegalArgumentException(
              "a none (public) client presents nothing but its client_id; jwks, jwksUri,"
                  + " publicKeyPem, certificate thumbprints and tlsClientAuth* do not apply");
        }
      }
      default -> {
        if (keySources > 0 || subjects > 0 || thumbprints) {
          throw new IllegalArgumentException(
              "a "
                  + method.wireName()
                  + " client authenticates with its secret; jwks, jwksUri, publicKeyPem,"
                  + " certificate thumbprints and tlsClientAuth* do not apply");
        }
      }
    }
  }

  /** Secret-based authentication with the given method (Basic or form body). */
  public static ClientAuthentication secret(TokenEndpointAuthMethod method) {
    requireNonNull(method, "method must not be null");
    if (!method.usesSecret()) {
      throw new IllegalArgumentException(method.wireName() + " does not use a client secret");
    }
    Optional<String> none = Optional.empty();
    return new ClientAuthentication(
        method, none, none, none, none, none, none, none, none, List.of());
  }

  /** A public client's authentication: only its {@code client_id} ({@code none}). */
  public static ClientAuthentication none() {
    Optional<String> none = Optional.empty();
    return new ClientAuthentication(
        TokenEndpointAuthMethod.NONE, none, none, none, none, none, none, none, none, List.of());
  }

  /** The fields of this authentication in a client entry of the config or control API. */
  void addTo(Map<String, Object> entry) {
    entry.put("tokenEndpointAuthMethod", method.wireName());
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    fields.put("jwks", jwks);
    fields.put("jwksUri", jwksUri);
    fields.put("publicKeyPem", publicKeyPem);
    fields.put("tlsClientAuthSubjectDn", tlsClientAuthSubjectDn);
    fields.put("tlsClientAuthSanDns", tlsClientAuthSanDns);
    fields.put("tlsClientAuthSanUri", tlsClientAuthSanUri);
    fields.put("tlsClientAuthSanIp", tlsClientAuthSanIp);
    fields.put("tlsClientAuthSanEmail", tlsClientAuthSanEmail);
    fields.forEach((name, value) -> value.ifPresent(text -> entry.put(name, text)));
    if (!certificateThumbprints.isEmpty()) {
      entry.put("certificateThumbprints", certificateThumbprints);
    }
  }

  @SafeVarargs
  private static int count(Optional<String>... values) {
    int present = 0;
    for (Optional<String> value : values) {
      if (value.isPresent()) {
        present++;
      }
    }
    return present;
  }

  /** Names the method and which material is set, never the material itself. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder("ClientAuthentication[method=").append(method.wireName());
    jwks.ifPresent(value -> text.append(", jwks=(set)"));
    jwksUri.ifPresent(value -> text.append(", jwksUri=").append(value));
    publicKeyPem.ifPresent(value -> text.append(", publicKeyPem=(set)"));
    tlsClientAuthSubjectDn.ifPresent(value -> text.append(", subjectDn=").append(value));
    tlsClientAuthSanDns.ifPresent(value -> text.append(", sanDns=").append(value));
    tlsClientAuthSanUri.ifPresent(value -> text.append(", sanUri=").append(value));
    tlsClientAuthSanIp.ifPresent(value -> text.append(", sanIp=").append(value));
    tlsClientAuthSanEmail.ifPresent(value -> text.append(", sanEmail=").append(value));
    if (!certificateThumbprints.isEmpty()) {
      text.append(", certificateThumbprints=").append(certificateThumbprints);
    }
    return text.append(']').toString();
  }
}
