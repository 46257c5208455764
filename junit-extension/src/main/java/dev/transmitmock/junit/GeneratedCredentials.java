package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientAssertions;
import java.util.List;
import java.util.Optional;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The key or certificate generated for a {@link GeneratedClient} at server start, and the client
 * registered with its public part. {@link #toString()} shows the client id, method and certificate
 * subject only, never the private key.
 *
 * @param declaration what was declared
 * @param config the client as registered with the emulator
 * @param signingKey the RSA key of a {@code private_key_jwt} client
 * @param identity the certificate and key of an mTLS client; empty for a {@code tls_client_auth}
 *     client until its certificate is issued
 */
record GeneratedCredentials(
    GeneratedClient declaration,
    ClientConfig config,
    Optional<RSAKey> signingKey,
    Optional<TlsIdentity> identity) {

  /** Suffix of the {@code kid} of generated signing keys. */
  static final String KEY_ID_SUFFIX = "-key";

  GeneratedCredentials {
    requireNonNull(declaration, "declaration must not be null");
    requireNonNull(config, "config must not be null");
    requireNonNull(signingKey, "signingKey must not be null");
    requireNonNull(identity, "identity must not be null");
  }

  /**
   * Generates the material of every declared client, except the certificates of {@code
   * tls_client_auth} clients: those are registered by subject DN and issued once the CA is known
   * ({@link ClientCertificateIssuer}, then {@link #withIdentity(TlsIdentity)}).
   */
  static List<GeneratedCredentials> generate(List<GeneratedClient> clients) {
    return clients.stream().map(GeneratedCredentials::generate).toList();
  }

  private static GeneratedCredentials generate(GeneratedClient client) {
    String subject = subjectDn(client);
    return switch (client.method()) {
      case PRIVATE_KEY_JWT -> {
        RSAKey key = ClientAssertions.generateRsaKey(client.clientId() + KEY_ID_SUFFIX);
        ClientAuthConfig auth =
            ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                .jwks(key.toPublicJWK().toJSONString())
                .build();
        yield new GeneratedCredentials(
            client, config(client, auth), Optional.of(key), Optional.empty());
      }
      case TLS_CLIENT_AUTH -> {
        ClientAuthConfig auth =
            ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                .tlsClientAuthSubjectDn(subject)
                .build();
        yield new GeneratedCredentials(
            client, config(client, auth), Optional.empty(), Optional.empty());
      }
      case SELF_SIGNED_TLS_CLIENT_AUTH -> {
        TlsIdentity identity = TlsIdentity.selfSigned(subject, List.of());
        ClientAuthConfig auth =
            ClientAuthConfig.builder(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
                .certificateThumbprint(identity.thumbprint())
                .build();
        yield new GeneratedCredentials(
            client, config(client, auth), Optional.empty(), Optional.of(identity));
      }
      default ->
          throw new IllegalArgumentException(
              "no credentials to generate for " + client.method().wireName());
    };
  }

  private static ClientConfig config(GeneratedClient client, ClientAuthConfig auth) {
    ClientConfig.Builder builder =
        ClientConfig.builder(client.clientId())
            .type(client.type())
            .resources(client.resources())
            .authentication(auth);
    client.lifetime().ifPresent(builder::tokenLifetime);
    client.appId().ifPresent(builder::appId);
    if (!client.grantTypes().isEmpty()) {
      builder.grantTypes(client.grantTypes());
    }
    return builder.build();
  }

  /** The subject DN of the client's certificate: {@code CN=<client id>}. */
  String subjectDn() {
    return subjectDn(declaration);
  }

  private static String subjectDn(GeneratedClient client) {
    return "CN=" + Rdn.escapeValue(client.clientId());
  }

  /**
   * This material with the client's certificate, issued for {@link #subjectDn()}.
   *
   * @throws IllegalArgumentException when the certificate names another subject
   */
  GeneratedCredentials withIdentity(TlsIdentity certificate) {
    requireNonNull(certificate, "certificate must not be null");
    if (!new X500Principal(subjectDn())
        .equals(certificate.certificate().getSubjectX500Principal())) {
      throw new IllegalArgumentException(
          "the certificate of client " + declaration.clientId() + " names another subject");
    }
    return new GeneratedCredentials(declaration, config, signingKey, Optional.of(certificate));
  }

  /** The test-facing view of this material, bound to the running server. */
  TransmitClientCredentials credentials(TransmitMockServer server) {
    String id = declaration.clientId();
    if (signingKey.isPresent()) {
      return TransmitClientCredentials.privateKeyJwt(id, signingKey.get(), server);
    }
    TlsIdentity certificate =
        identity.orElseThrow(
            () -> new IllegalStateException("the certificate of client " + id + " is not issued"));
    return TransmitClientCredentials.certificate(id, declaration.method(), certificate, server);
  }

  /** Whether the client needs a certificate in the TLS handshake. */
  boolean needsTls() {
    return declaration.method().usesCertificate();
  }

  /** The client id, method and certificate subject: never the key material. */
  @Override
  public String toString() {
    return "GeneratedCredentials[clientId="
        + declaration.clientId()
        + ", authMethod="
        + declaration.method().wireName()
        + (needsTls() ? ", certificate=" + subjectDn() : "")
        + "]";
  }
}
