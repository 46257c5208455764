package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.control.AuthMethod;
import dev.transmitmock.server.tls.TlsIdentity;
import dev.transmitmock.server.token.assertion.ClientAssertions;
import java.util.List;
import java.util.Optional;
import javax.naming.ldap.Rdn;

/**
 * The key or certificate generated for a {@link GeneratedClient} at server start, and the client
 * registered with its public part.
 *
 * @param declaration what was declared
 * @param config the client as registered with the emulator
 * @param signingKey the RSA key of a {@code private_key_jwt} client
 * @param identity the certificate and key of an mTLS client
 */
record GeneratedCredentials(
    GeneratedClient declaration,
    ClientConfig config,
    Optional<RSAKey> signingKey,
    Optional<TlsIdentity> identity) {

  /** The issuer of {@code tls_client_auth} certificates, one per server. */
  static final String CLIENT_CA_SUBJECT = "CN=transmit-mock test client CA";

  /** Suffix of the {@code kid} of generated signing keys. */
  static final String KEY_ID_SUFFIX = "-key";

  GeneratedCredentials {
    requireNonNull(declaration, "declaration must not be null");
    requireNonNull(config, "config must not be null");
    requireNonNull(signingKey, "signingKey must not be null");
    requireNonNull(identity, "identity must not be null");
  }

  /** Generates the material of every declared client (one client CA shared by all of them). */
  static List<GeneratedCredentials> generate(List<GeneratedClient> clients) {
    if (clients.isEmpty()) {
      return List.of();
    }
    ClientCa ca = new ClientCa();
    return clients.stream().map(client -> generate(client, ca)).toList();
  }

  private static GeneratedCredentials generate(GeneratedClient client, ClientCa ca) {
    String subject = "CN=" + Rdn.escapeValue(client.clientId());
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
        TlsIdentity identity = ca.get().issue(subject, List.of());
        ClientAuthConfig auth =
            ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                .tlsClientAuthSubjectDn(identity.subjectDn())
                .build();
        yield new GeneratedCredentials(
            client, config(client, auth), Optional.empty(), Optional.of(identity));
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
    return builder.build();
  }

  /** The test-facing view of this material, bound to the running server. */
  TransmitClientCredentials credentials(TransmitMockServer server) {
    String id = declaration.clientId();
    if (signingKey.isPresent()) {
      return TransmitClientCredentials.privateKeyJwt(id, signingKey.get(), server);
    }
    return TransmitClientCredentials.certificate(
        id, declaration.method(), identity.orElseThrow(), server);
  }

  /** Whether the client needs a certificate in the TLS handshake. */
  boolean needsTls() {
    return declaration.method().usesCertificate();
  }

  /** A client CA generated on first use. */
  private static final class ClientCa {
    private TlsIdentity ca;

    TlsIdentity get() {
      if (ca == null) {
        ca = TlsIdentity.certificateAuthority(CLIENT_CA_SUBJECT);
      }
      return ca;
    }
  }
}
