package dev.transmitmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MutualTlsTest {
  private static final String PKI_CLIENT = "pki-svc";
  private static final String SAN_CLIENT = "san-svc";
  private static final String PINNED_CLIENT = "pinned-svc";
  private static final String X5C_CLIENT = "x5c-svc";

  private static TlsIdentity clientCa;
  private static TlsIdentity pkiCertificate;
  private static TlsIdentity sanCertificate;
  private static TlsIdentity pinnedCertificate;
  private static TlsIdentity x5cCertificate;
  private static TransmitMockServer server;

  @BeforeAll
  static void start() throws Exception {
    clientCa = TlsIdentity.certificateAuthority("CN=Acme client CA,O=Acme");
    pkiCertificate = clientCa.issue("CN=pki-svc,OU=payments,O=Acme", List.of());
    sanCertificate = clientCa.issue("CN=whatever", List.of("san-svc.acme.example"));
    pinnedCertificate = TlsIdentity.selfSigned("CN=pinned-svc", List.of());
    x5cCertificate = TlsIdentity.selfSigned("CN=x5c-svc", List.of());
    JWK x5cKey = JWK.parse(x5cCertificate.certificate());
    MockConfig config =
        MockConfig.builder()
            .client(ClientConfig.builder("demo-app").secret("demo-app-secret").build())
            .client(
                ClientConfig.builder(PKI_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                            // Spacing and attribute case differ from the certificate's DN.
                            .tlsClientAuthSubjectDn("cn=pki-svc, ou=payments, o=Acme")
                            .build())
                    .build())
            .client(
                ClientConfig.builder(SAN_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                            .tlsClientAuthSanDns("san-svc.acme.example")
                            .build())
                    .build())
            .client(
                ClientConfig.builder(PINNED_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
                            .certificateThumbprint(pinnedCertificate.thumbprint())
                            .build())
                    .build())
            .client(
                ClientConfig.builder(X5C_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
                            .jwks(new JWKSet(x5cKey).toString())
                            .build())
                    .build())
            .build();
    server =
        TransmitMockServer.builder()
            .config(config)
            .https(TlsConfig.builder().clientCaCertificate(clientCa.certificate()).build())
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static TestHttp presenting(TlsIdentity identity) {
    return TestHttp.with(identity.sslContext(server.caCertificate()));
  }

  private static Map<String, String> form(String clientId) {
    return Map.of("grant_type", "client_credentials", "client_id", clientId);
  }

  private static Map<String, Object> cnf(Reply reply) throws Exception {
    SignedJWT token = SignedJWT.parse(reply.json().path("access_token").asText());
    return token.getJWTClaimsSet().getJSONObjectClaim("cnf");
  }

  /** Why the last request was refused: the journal's detail behind the generic description. */
  private static Optional<String> lastDetail() {
    return server.journal().last().flatMap(JournalEntry::errorDetail);
  }

  @Test
  void a_tls_client_auth_client_gets_a_token_bound_to_its_certificate() throws Exception {
    Reply reply =
        presenting(pkiCertificate).postForm(server.httpsTokenEndpoint(), form(PKI_CLIENT));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(cnf(reply)).containsExactly(Map.entry("x5t#S256", pkiCertificate.thumbprint()));
    JournalEntry entry = server.journal().entries().get(server.journal().entries().size() - 1);
    assertThat(entry.authMethod()).isEqualTo(AuthMethod.TLS_CLIENT_AUTH);
  }

  @Test
  void a_tls_client_auth_client_can_be_matched_by_dns_san() throws Exception {
    Reply reply =
        presenting(sanCertificate).postForm(server.httpsTokenEndpoint(), form(SAN_CLIENT));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(cnf(reply)).containsEntry("x5t#S256", sanCertificate.thumbprint());
  }

  @Test
  void a_certificate_with_another_subject_is_refused() throws Exception {
    Reply reply =
        presenting(sanCertificate).postForm(server.httpsTokenEndpoint(), form(PKI_CLIENT));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error()).isEqualTo("invalid_client");
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail())
        .hasValue("certificate subject value does not match the registered one");
  }

  @Test
  void an_mtls_client_without_a_certificate_is_refused_over_https_and_over_http() throws Exception {
    Reply overHttps =
        TestHttp.with(TlsIdentity.trusting(server.caCertificate()))
            .postForm(server.httpsTokenEndpoint(), form(PKI_CLIENT));
    Optional<String> httpsDetail = lastDetail();
    Reply overHttp = TestHttp.plain().postForm(server.tokenEndpoint(), form(PKI_CLIENT));

    assertThat(overHttps.status()).isEqualTo(401);
    assertThat(overHttps.description()).isEqualTo("client authentication failed");
    assertThat(httpsDetail).hasValue("client certificate was not provided");
    assertThat(overHttp.status()).isEqualTo(401);
    assertThat(overHttp.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail()).hasValue("client certificate was not provided");
  }

  @Test
  void a_self_signed_client_is_recognised_by_its_registered_thumbprint() throws Exception {
    Reply reply =
        presenting(pinnedCertificate).postForm(server.httpsTokenEndpoint(), form(PINNED_CLIENT));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(cnf(reply)).containsEntry("x5t#S256", pinnedCertificate.thumbprint());
    JournalEntry entry = server.journal().entries().get(server.journal().entries().size() - 1);
    assertThat(entry.authMethod()).isEqualTo(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH);
  }

  @Test
  void a_self_signed_client_is_recognised_by_the_x5c_of_its_jwks() throws Exception {
    Reply reply =
        presenting(x5cCertificate).postForm(server.httpsTokenEndpoint(), form(X5C_CLIENT));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void another_self_signed_certificate_with_the_same_subject_is_refused() throws Exception {
    TlsIdentity impostor = TlsIdentity.selfSigned("CN=pinned-svc", List.of());

    Reply reply = presenting(impostor).postForm(server.httpsTokenEndpoint(), form(PINNED_CLIENT));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail()).hasValue("unregistered client certificate provided");
  }

  @Test
  void
      an_mtls_client_presenting_a_secret_and_a_secret_client_presenting_only_a_certificate_are_refused()
          throws Exception {
    Reply secretForMtls =
        presenting(pkiCertificate)
            .postForm(
                server.httpsTokenEndpoint(),
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", PKI_CLIENT,
                    "client_secret", "anything"));
    Reply certificateForSecretClient =
        presenting(pkiCertificate).postForm(server.httpsTokenEndpoint(), form("demo-app"));

    assertThat(secretForMtls.status()).isEqualTo(401);
    assertThat(secretForMtls.description()).isEqualTo("client authentication failed");
    assertThat(certificateForSecretClient.status()).isEqualTo(401);
    assertThat(certificateForSecretClient.description()).isEqualTo("client authentication failed");
  }

  @Test
  void a_secret_client_presenting_a_certificate_too_gets_an_unbound_token() throws Exception {
    Reply reply =
        presenting(pkiCertificate)
            .postForm(
                server.httpsTokenEndpoint(),
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", "demo-app",
                    "client_secret", "demo-app-secret"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(cnf(reply)).isNull();
  }

  @Test
  void an_mtls_client_can_introspect_its_own_bound_token() throws Exception {
    TestHttp client = presenting(pinnedCertificate);
    String token =
        client
            .postForm(server.httpsTokenEndpoint(), form(PINNED_CLIENT))
            .json()
            .path("access_token")
            .asText();

    Reply introspection =
        client.postForm(
            server.httpsIntrospectionEndpoint(),
            Map.of("client_id", PINNED_CLIENT, "token", token));

    assertThat(introspection.status()).as(introspection.body()).isEqualTo(200);
    assertThat(introspection.json().path("active").asBoolean()).isTrue();
  }
}
