package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.defects.BindingDefect;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.pki.CertificateThumbprint;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Certificate-bound tokens (RFC 8705): a token issued over real mTLS to a {@code tls_client_auth}
 * client is accepted only with the certificate it was issued to.
 */
class CertificateBindingTest {
  private static final String MTLS_CLIENT = "mtls-svc";
  private static final String SECRET_CLIENT = "secret-svc";

  private static TlsIdentity clientCertificate;
  private static TransmitMockServer server;
  private static TransmitTokenVerifier verifier;

  @BeforeAll
  static void start() {
    TlsIdentity clientCa = TlsIdentity.certificateAuthority("CN=client CA");
    clientCertificate = clientCa.issue("CN=mtls-svc,O=Acme", List.of());
    MockConfig config =
        MockConfig.builder()
            .client(
                ClientConfig.builder(MTLS_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                            .tlsClientAuthSubjectDn("CN=mtls-svc,O=Acme")
                            .build())
                    .build())
            .client(ClientConfig.builder(SECRET_CLIENT).secret("secret-svc-secret").build())
            .build();
    // tls_client_auth validates the chain: trust the CA that issued the client's certificate
    server =
        TransmitMockServer.builder()
            .config(config)
            .https(
                TlsConfig.builder()
                    .enabled(true)
                    .clientCaCertificate(clientCa.certificate())
                    .build())
            .build()
            .start();
    verifier =
        TransmitTokenVerifier.builder()
            .issuer(server.issuer())
            .jwksUri(server.jwksUri())
            .anyAudience()
            .clock(server.clock())
            .build();
  }

  @AfterAll
  static void stop() {
    verifier.close();
    server.close();
  }

  private static String tokenOverMutualTls() throws Exception {
    Reply response =
        TestHttp.to(
                server.httpsTokenEndpoint(), clientCertificate.sslContext(server.caCertificate()))
            .certificateToken(MTLS_CLIENT);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.accessToken();
  }

  @Test
  void a_token_issued_over_mtls_is_accepted_with_the_certificate_it_is_bound_to() throws Exception {
    TransmitToken token = verifier.verify(tokenOverMutualTls(), clientCertificate.certificate());

    assertThat(token.clientId()).isEqualTo(MTLS_CLIENT);
    assertThat(token.certificateThumbprint()).contains(clientCertificate.thumbprint());
  }

  @Test
  void the_same_token_presented_with_another_certificate_is_a_certificate_mismatch()
      throws Exception {
    String token = tokenOverMutualTls();
    TlsIdentity thief = TlsIdentity.selfSigned("CN=mtls-svc,O=Acme", List.of());

    TokenRejectedException e =
        catchThrowableOfType(
            TokenRejectedException.class, () -> verifier.verify(token, thief.certificate()));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_MISMATCH);
    assertThat(e.getMessage()).doesNotContain(token);
  }

  @Test
  void a_token_without_cnf_is_unbound_when_a_binding_is_required() {
    String token = server.tokenFor(SECRET_CLIENT);

    TokenRejectedException e =
        catchThrowableOfType(
            TokenRejectedException.class,
            () -> verifier.verify(token, clientCertificate.certificate()));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.UNBOUND);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BindingDefect.class)
  void every_binding_defect_is_rejected_for_its_reason(BindingDefect defect) {
    String token =
        defect.mint(server.defectiveTokens(), MTLS_CLIENT, clientCertificate.certificate());

    TokenRejectedException e =
        catchThrowableOfType(
            TokenRejectedException.class,
            () -> verifier.verify(token, clientCertificate.certificate()));

    assertThat(e).as(defect.id()).isNotNull();
    assertThat(e.reason().name()).isEqualTo(defect.expectedRejection());
  }

  @Test
  void a_minted_token_bound_to_a_certificate_verifies_only_with_that_certificate()
      throws Exception {
    TlsIdentity other = TlsIdentity.selfSigned("CN=other", List.of());
    String bound =
        server.mintToken(
            TokenSpec.builder()
                .clientId(MTLS_CLIENT)
                .claim("cnf", CertificateThumbprint.confirmation(other.certificate()))
                .build());

    assertThat(verifier.verify(bound, other.certificate()).clientId()).isEqualTo(MTLS_CLIENT);
    assertThat(
            catchThrowableOfType(
                    TokenRejectedException.class,
                    () -> verifier.verify(bound, clientCertificate.certificate()))
                .reason())
        .isEqualTo(Reason.CERTIFICATE_MISMATCH);
  }
}
