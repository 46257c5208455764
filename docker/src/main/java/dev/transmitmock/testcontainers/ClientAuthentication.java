package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.ClientAuthenticationRules;
import dev.transmitmock.protocol.ClientFields;
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
 * <p>The rules and their messages are the emulator's own ({@link ClientAuthenticationRules}): a
 * {@code private_key_jwt} client has exactly one of {@code jwks}, {@code jwksUri} or {@code
 * publicKeyPem}; a {@code tls_client_auth} client exactly one subject value; a {@code
 * self_signed_tls_client_auth} client exactly one of certificate thumbprints, {@code publicKeyPem}
 * (its certificate), {@code jwks} or {@code jwksUri} (keys with {@code x5c}); a secret client none
 * of them. The field names are those of the emulator's config and {@code POST /_mock/clients}
 * ({@link ClientFields}).
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
    AuthMethod method,
    Optional<String> jwks,
    Optional<String> jwksUri,
    Optional<String> publicKeyPem,
    Optional<String> tlsClientAuthSubjectDn,
    Optional<String> tlsClientAuthSanDns,
    Optional<String> tlsClientAuthSanUri,
    Optional<String> tlsClientAuthSanIp,
    Optional<String> tlsClientAuthSanEmail,
    List<String> certificateThumbprints) {

  /**
   * Validates the combination with the emulator's rules and wording ({@link
   * ClientAuthenticationRules}).
   */
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
    ClientAuthenticationRules.checkMaterial(
        method,
        new ClientAuthenticationRules.Material(
            jwks.isPresent(),
            jwksUri.isPresent(),
            publicKeyPem.isPresent(),
            count(
                tlsClientAuthSubjectDn,
                tlsClientAuthSanDns,
                tlsClientAuthSanUri,
                tlsClientAuthSanIp,
                tlsClientAuthSanEmail),
            !certificateThumbprints.isEmpty()));
  }

  /** Secret-based authentication with the given method (Basic or form body). */
  public static ClientAuthentication secret(AuthMethod method) {
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
        AuthMethod.NONE, none, none, none, none, none, none, none, none, List.of());
  }

  /** The fields of this authentication in a client entry of the config or control API. */
  void addTo(Map<String, Object> entry) {
    entry.put(ClientFields.TOKEN_ENDPOINT_AUTH_METHOD, method.wireName());
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    fields.put(ClientFields.JWKS, jwks);
    fields.put(ClientFields.JWKS_URI, jwksUri);
    fields.put(ClientFields.PUBLIC_KEY_PEM, publicKeyPem);
    fields.put(ClientFields.TLS_CLIENT_AUTH_SUBJECT_DN, tlsClientAuthSubjectDn);
    fields.put(ClientFields.TLS_CLIENT_AUTH_SAN_DNS, tlsClientAuthSanDns);
    fields.put(ClientFields.TLS_CLIENT_AUTH_SAN_URI, tlsClientAuthSanUri);
    fields.put(ClientFields.TLS_CLIENT_AUTH_SAN_IP, tlsClientAuthSanIp);
    fields.put(ClientFields.TLS_CLIENT_AUTH_SAN_EMAIL, tlsClientAuthSanEmail);
    fields.forEach((name, value) -> value.ifPresent(text -> entry.put(name, text)));
    if (!certificateThumbprints.isEmpty()) {
      entry.put(ClientFields.CERTIFICATE_THUMBPRINTS, certificateThumbprints);
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
