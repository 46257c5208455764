package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.pki.TlsIdentity;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The value {@code POST /_mock/tls/client-certificates} answers, read back into JDK types; built
 * here from a certificate issued by the server's own TLS helpers, no Docker engine needed.
 */
class IssuedClientCertificateTest {

  private static final TlsIdentity CA = TlsIdentity.certificateAuthority("CN=unit test root");
  private static final TlsIdentity CLIENT =
      CA.issue("CN=payments-svc,O=Acme", List.of("payments.example"));

  private static IssuedClientCertificate issued(String privateKeyPem) {
    return new IssuedClientCertificate(
        CLIENT.subjectDn(),
        CLIENT.thumbprint(),
        CLIENT.certificatePem(),
        CLIENT.chainPem(),
        privateKeyPem);
  }

  @Test
  void reads_the_certificate_chain_and_a_private_key_that_signs_for_it() throws Exception {
    IssuedClientCertificate issued = issued(CLIENT.privateKeyPem());

    assertThat(issued.certificate()).isEqualTo(CLIENT.certificate());
    assertThat(issued.chain()).containsExactly(CLIENT.certificate(), CA.certificate());
    Signature signer =
        Signature.getInstance(
            issued.certificate().getPublicKey().getAlgorithm().equals("EC")
                ? "SHA256withECDSA"
                : "SHA256withRSA");
    signer.initSign(issued.privateKey());
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    signer.initVerify(issued.certificate());
    signer.update(new byte[] {1, 2, 3});
    assertThat(signer.verify(signature)).isTrue();
  }

  @Test
  void to_string_shows_subject_and_thumbprint_never_the_private_key() {
    IssuedClientCertificate issued = issued(CLIENT.privateKeyPem());

    assertThat(issued.toString())
        .contains("CN=payments-svc")
        .contains(CLIENT.thumbprint())
        .doesNotContain("PRIVATE KEY")
        .doesNotContain(CLIENT.privateKeyPem().substring(40, 80));
  }

  @Test
  void a_broken_private_key_is_an_error_that_does_not_quote_it() {
    String broken =
        "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> issued(broken).privateKey())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PKCS#8")
        .hasMessageNotContaining("c2VjcmV0");
    assertThatThrownBy(() -> issued("no pem at all").privateKey())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PRIVATE KEY");
  }
}
