package dev.transmitmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code tls_client_auth} is PKI-based: the certificate must chain to a trusted client CA. */
class ClientCaTrustTest {
  private static final String CLIENT = "pki-orders";
  private static final String SUBJECT = "CN=pki-orders,O=Acme";

  private static TransmitMockServer server;

  private static MockConfig config() {
    return MockConfig.builder()
        .client(
            ClientConfig.builder(CLIENT)
                .authentication(
                    ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                        .tlsClientAuthSubjectDn(SUBJECT)
                        .build())
                .build())
        .build();
  }

  @BeforeAll
  static void start() {
    server = TransmitMockServer.builder().config(config()).https().build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static Reply requestToken(TransmitMockServer on, TlsIdentity presented) throws Exception {
    return TestHttp.with(presented.sslContext(on.caCertificate()))
        .postForm(
            on.httpsTokenEndpoint(),
            Map.of("grant_type", "client_credentials", "client_id", CLIENT));
  }

  /** Why the server's last request was refused (the journal's detail). */
  private static Optional<String> lastDetail(TransmitMockServer server) {
    return server.journal().last().flatMap(JournalEntry::errorDetail);
  }

  @Test
  void a_certificate_issued_by_the_emulators_own_ca_is_trusted_by_default() throws Exception {
    TlsIdentity certificate = server.issueClientCertificate(SUBJECT, List.of());

    Reply reply = requestToken(server, certificate);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    SignedJWT token = SignedJWT.parse(reply.json().path("access_token").asText());
    assertThat(token.getJWTClaimsSet().getJSONObjectClaim("cnf"))
        .containsEntry("x5t#S256", certificate.thumbprint());
  }

  @Test
  void the_right_subject_from_an_untrusted_ca_is_refused() throws Exception {
    TlsIdentity strangerCa = TlsIdentity.certificateAuthority("CN=stranger CA");
    TlsIdentity forged = strangerCa.issue(SUBJECT, List.of());

    Reply reply = requestToken(server, forged);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error()).isEqualTo("invalid_client");
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail(server))
        .hasValue(
            "client certificate chain is not trusted: it does not chain to a trusted client CA");
  }

  @Test
  void a_self_signed_certificate_with_the_right_subject_is_refused() throws Exception {
    TlsIdentity selfSigned = TlsIdentity.selfSigned(SUBJECT, List.of());

    Reply reply = requestToken(server, selfSigned);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail(server))
        .get()
        .asString()
        .startsWith("client certificate chain is not trusted");
  }

  @Test
  void the_chain_is_checked_before_the_subject() throws Exception {
    TlsIdentity wrongSubjectUntrusted =
        TlsIdentity.certificateAuthority("CN=stranger CA").issue("CN=someone", List.of());
    TlsIdentity wrongSubjectTrusted = server.issueClientCertificate("CN=someone", List.of());

    requestToken(server, wrongSubjectUntrusted);
    assertThat(lastDetail(server))
        .get()
        .asString()
        .startsWith("client certificate chain is not trusted");
    requestToken(server, wrongSubjectTrusted);
    assertThat(lastDetail(server))
        .hasValue("certificate subject value does not match the registered one");
  }

  @Test
  void an_expired_client_certificate_is_refused_on_the_emulator_clock() throws Exception {
    TlsIdentity certificate = server.issueClientCertificate(SUBJECT, List.of());
    server.clock().advance(TlsIdentity.VALIDITY.plus(Duration.ofDays(2)));

    Reply reply = requestToken(server, certificate);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail(server))
        .hasValue(
            "client certificate chain is not trusted: a certificate of the chain has expired");
  }

  @Test
  void configured_client_cas_replace_the_emulators_own_ca() throws Exception {
    TlsIdentity acmeCa = TlsIdentity.certificateAuthority("CN=Acme client CA,O=Acme");
    try (TransmitMockServer pki =
        TransmitMockServer.builder()
            .config(config())
            .https(TlsConfig.builder().clientCaCertificatesPem(acmeCa.certificatePem()).build())
            .build()
            .start()) {
      TlsIdentity fromAcme = acmeCa.issue(SUBJECT, List.of());
      TlsIdentity fromEmulator = pki.issueClientCertificate(SUBJECT, List.of());

      Reply acme = requestToken(pki, fromAcme);
      Reply emulator = requestToken(pki, fromEmulator);

      assertThat(acme.status()).as(acme.body()).isEqualTo(200);
      assertThat(emulator.status()).isEqualTo(401);
      assertThat(emulator.description()).isEqualTo("client authentication failed");
      assertThat(lastDetail(pki))
          .hasValue(
              "client certificate chain is not trusted: it does not chain to a trusted client CA");
    }
  }

  @Test
  void a_configured_server_certificate_has_no_ca_key_to_issue_client_certificates_with() {
    TlsIdentity serverIdentity = TlsIdentity.selfSigned("CN=localhost", List.of("localhost"));
    try (TransmitMockServer configured =
        TransmitMockServer.builder()
            .config(config())
            .https(
                TlsConfig.builder()
                    .certificatePem(serverIdentity.certificatePem())
                    .privateKeyPem(serverIdentity.privateKeyPem())
                    .build())
            .build()
            .start()) {
      assertThatThrownBy(() -> configured.issueClientCertificate(SUBJECT, List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("tls.clientCaCertificates");
    }
  }

  @Test
  void the_control_api_issues_a_client_certificate_that_authenticates() throws Exception {
    Reply issued =
        postJson(
            "/_mock/tls/client-certificates",
            "{\"subjectDn\":\"" + SUBJECT + "\",\"subjectAltNames\":[\"orders.acme.example\"]}");

    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    TlsIdentity identity =
        TlsIdentity.fromPem(
            issued.json().path("chainPem").asText(), issued.json().path("privateKeyPem").asText());
    assertThat(identity.thumbprint()).isEqualTo(issued.json().path("thumbprint").asText());
    assertThat(identity.subjectDn()).isEqualTo(issued.json().path("subjectDn").asText());
    Reply token = requestToken(server, identity);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
  }

  @Test
  void the_control_api_refuses_a_bad_certificate_request_naming_the_field() throws Exception {
    Reply noSubject = postJson("/_mock/tls/client-certificates", "{}");
    Reply badSubject = postJson("/_mock/tls/client-certificates", "{\"subjectDn\":\"not a dn\"}");
    Reply badNames =
        postJson(
            "/_mock/tls/client-certificates", "{\"subjectDn\":\"CN=x\",\"subjectAltNames\":\"a\"}");

    assertThat(noSubject.status()).isEqualTo(400);
    assertThat(noSubject.description()).isEqualTo("subjectDn: is required");
    assertThat(badSubject.status()).isEqualTo(400);
    assertThat(badSubject.description()).startsWith("subjectDn: ");
    assertThat(badNames.status()).isEqualTo(400);
    assertThat(badNames.description()).startsWith("subjectAltNames: ");
  }

  private static Reply postJson(String path, String json) {
    return TestHttp.to(server.baseUrl()).post(path, json);
  }

  @Test
  void without_https_no_client_certificate_can_be_issued() {
    try (TransmitMockServer plain = TransmitMockServer.builder().config(config()).build()) {
      assertThatThrownBy(() -> plain.issueClientCertificate(SUBJECT, List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("HTTPS is off");
    }
  }
}
