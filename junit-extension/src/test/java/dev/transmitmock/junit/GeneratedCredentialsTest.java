package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.pki.TlsIdentity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generated key material never shows in {@code toString()}. */
class GeneratedCredentialsTest {

  private static GeneratedCredentials generate(String clientId, AuthMethod method) {
    GeneratedClient client =
        new GeneratedClient(
            clientId, method, ClientType.APP, List.of(), Optional.empty(), "test " + clientId);
    return GeneratedCredentials.generate(List.of(client)).get(0);
  }

  @Test
  void to_string_of_a_private_key_jwt_client_shows_no_part_of_the_private_key() {
    GeneratedCredentials credentials = generate("batch-svc", AuthMethod.PRIVATE_KEY_JWT);
    RSAKey key = credentials.signingKey().orElseThrow();

    String text = credentials.toString();

    assertThat(text)
        .contains("batch-svc")
        .contains("private_key_jwt")
        .doesNotContain("\"d\"")
        .doesNotContain(key.getPrivateExponent().toString())
        .doesNotContain(key.getFirstPrimeFactor().toString())
        .doesNotContain(key.getSecondPrimeFactor().toString())
        .doesNotContain("BEGIN");
  }

  @Test
  void to_string_of_an_mtls_client_shows_the_certificate_subject_but_no_key_or_pem() {
    GeneratedCredentials credentials =
        generate("payments-svc", AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH);
    TlsIdentity identity = credentials.identity().orElseThrow();

    String text = credentials.toString();

    assertThat(text)
        .contains("payments-svc")
        .contains("self_signed_tls_client_auth")
        .contains("certificate=CN=payments-svc")
        .doesNotContain("BEGIN")
        .doesNotContain(stripPem(identity.privateKeyPem()).substring(0, 40))
        .doesNotContain(stripPem(identity.certificatePem()).substring(0, 40));
  }

  @Test
  void to_string_of_a_tls_client_auth_client_names_the_subject_it_will_get() {
    GeneratedCredentials credentials = generate("edge", AuthMethod.TLS_CLIENT_AUTH);

    assertThat(credentials.toString())
        .isEqualTo(
            "GeneratedCredentials[clientId=edge, authMethod=tls_client_auth, certificate=CN=edge]");
  }

  private static String stripPem(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
  }
}
