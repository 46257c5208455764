package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TransmitMock(
    https = true,
    clients = {
      @TransmitClient(
          id = "payments-svc",
          authMethod = AuthMethod.TLS_CLIENT_AUTH,
          resources = "https://api.payments.example"),
      @TransmitClient(id = "edge-proxy", authMethod = AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH),
      @TransmitClient(id = "batch-svc", authMethod = AuthMethod.PRIVATE_KEY_JWT)
    })
class MutualTlsTest {

  @ParameterizedTest
  @ValueSource(strings = {"payments-svc", "edge-proxy"})
  void an_mtls_client_gets_a_token_bound_to_its_generated_certificate(
      String clientId, TransmitMockHandle mock) throws Exception {
    TransmitClientCredentials client = mock.credentials(clientId);

    Reply response = TestHttp.with(client.sslContext()).send(client.tokenRequest());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo(clientId);
    String expected = sha256Thumbprint(client);
    assertThat(response.claims().getJSONObjectClaim("cnf")).isEqualTo(Map.of("x5t#S256", expected));
    assertThat(client.certificateThumbprint()).isEqualTo(expected);
  }

  @Test
  void the_tls_client_auth_certificate_names_the_client_and_is_issued_by_the_emulators_ca(
      TransmitMockHandle mock,
      @InjectTransmitMock(client = "payments-svc") TransmitClientCredentials payments)
      throws Exception {
    X509Certificate certificate = payments.certificate();

    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=payments-svc");
    assertThat(certificate.getIssuerX500Principal())
        .isEqualTo(mock.caCertificate().getSubjectX500Principal());
    certificate.verify(mock.caCertificate().getPublicKey());
    assertThat(payments.tlsIdentity().chain()).containsExactly(certificate, mock.caCertificate());
  }

  @Test
  void a_certificate_from_a_foreign_ca_naming_the_client_is_refused(
      TransmitMockHandle mock,
      @InjectTransmitMock(client = "payments-svc") TransmitClientCredentials payments)
      throws Exception {
    TlsIdentity impostor =
        TlsIdentity.certificateAuthority("CN=foreign CA").issue("CN=payments-svc", List.of());

    Reply response =
        TestHttp.with(impostor.sslContext(mock.caCertificate())).send(payments.tokenRequest());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("invalid_client");
    assertThat(mock.journal().rejections())
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.errorDescription()).hasValue("client authentication failed");
              assertThat(entry.errorDetail())
                  .hasValueSatisfying(d -> assertThat(d).contains("not trusted"));
            });
  }

  @Test
  void the_generated_certificates_survive_a_reset(TransmitMockHandle mock) throws Exception {
    X509Certificate before = mock.credentials("payments-svc").certificate();

    mock.reset();
    TransmitClientCredentials payments = mock.credentials("payments-svc");
    Reply response = TestHttp.with(payments.sslContext()).send(payments.tokenRequest());

    assertThat(payments.certificate()).isEqualTo(before);
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void the_self_signed_certificate_is_its_own_issuer(
      @InjectTransmitMock(client = "edge-proxy") TransmitClientCredentials edge) {
    assertThat(edge.certificate().getIssuerX500Principal())
        .isEqualTo(edge.certificate().getSubjectX500Principal());
  }

  @Test
  void an_mtls_client_without_its_certificate_is_refused(
      TransmitMockHandle mock,
      @InjectTransmitMock(client = "payments-svc") TransmitClientCredentials payments)
      throws Exception {
    Reply response = TestHttp.with(mock.sslContext()).send(payments.tokenRequest());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.error()).isEqualTo("invalid_client");
  }

  @Test
  void another_clients_certificate_is_refused(
      @InjectTransmitMock(client = "payments-svc") TransmitClientCredentials payments,
      @InjectTransmitMock(client = "edge-proxy") TransmitClientCredentials edge)
      throws Exception {
    Reply response = TestHttp.with(edge.sslContext()).send(payments.tokenRequest());

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void an_ssl_context_injected_for_a_client_presents_its_certificate(
      @InjectTransmitMock(client = "edge-proxy") SSLContext presentsEdgeCertificate,
      @InjectTransmitMock(client = "edge-proxy") X509Certificate edgeCertificate,
      @InjectTransmitMock(client = "edge-proxy") TransmitClientCredentials edge)
      throws Exception {
    Reply response = TestHttp.with(presentsEdgeCertificate).send(edge.tokenRequest());

    assertThat(response.status()).isEqualTo(200);
    assertThat(edgeCertificate).isEqualTo(edge.certificate());
  }

  @Test
  void a_private_key_jwt_client_gets_a_token_over_https(
      @InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch) throws Exception {
    Reply response = TestHttp.with(batch.sslContext()).send(batch.tokenRequest());

    assertThat(batch.tokenEndpoint().getScheme()).isEqualTo("https");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getClaim("cnf")).isNull();
  }

  private static String sha256Thumbprint(TransmitClientCredentials client) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.certificate().getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
