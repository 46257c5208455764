package dev.transmitmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.server.token.ClientAssertionVerifier;
import dev.transmitmock.server.token.ClientAssertions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Certificate-bound access tokens (RFC 8705 section 3) for every authentication method, as the
 * per-client {@code certificateBoundAccessTokens} decides.
 */
class CertificateBoundTokensTest {
  private static final String BOUND_SECRET = "bound-secret-svc";
  private static final String BOUND_JWT = "bound-jwt-svc";
  private static final String UNBOUND_MTLS = "unbound-mtls-svc";
  private static final String SUBJECT = "CN=unbound-mtls-svc,O=Acme";

  private static RSAKey jwtKey;
  private static TlsIdentity anyCertificate;
  private static TransmitMockServer server;

  @BeforeAll
  static void start() {
    jwtKey = ClientAssertions.generateRsaKey("bound-1");
    anyCertificate = TlsIdentity.selfSigned("CN=whoever", List.of());
    MockConfig config =
        MockConfig.builder()
            .client(ClientConfig.builder("demo-app").secret("demo-app-secret").build())
            .client(
                ClientConfig.builder(BOUND_SECRET)
                    .secret("bound-secret")
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.CLIENT_SECRET_BASIC)
                            .certificateBoundAccessTokens(true)
                            .build())
                    .build())
            .client(
                ClientConfig.builder(BOUND_JWT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                            .jwks(new JWKSet(jwtKey.toPublicJWK()).toString())
                            .certificateBoundAccessTokens(true)
                            .build())
                    .build())
            .client(
                ClientConfig.builder(UNBOUND_MTLS)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.TLS_CLIENT_AUTH)
                            .tlsClientAuthSubjectDn(SUBJECT)
                            .certificateBoundAccessTokens(false)
                            .build())
                    .build())
            .build();
    server = TransmitMockServer.builder().config(config).https().build().start();
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

  private static Map<String, Object> cnf(Reply reply) throws Exception {
    SignedJWT token = SignedJWT.parse(reply.json().path("access_token").asText());
    return token.getJWTClaimsSet().getJSONObjectClaim("cnf");
  }

  private static Map<String, String> secretForm(String clientId, String secret) {
    return Map.of(
        "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
  }

  private static Map<String, String> assertionForm(URI audience) {
    return Map.of(
        "grant_type",
        "client_credentials",
        "client_assertion_type",
        ClientAssertionVerifier.JWT_BEARER,
        "client_assertion",
        ClientAssertions.builder(BOUND_JWT, jwtKey)
            .audience(audience)
            .clock(server.clock())
            .build());
  }

  @Test
  void a_secret_client_that_binds_tokens_gets_cnf_of_the_certificate_it_presented()
      throws Exception {
    Reply reply =
        presenting(anyCertificate)
            .postForm(server.httpsTokenEndpoint(), secretForm(BOUND_SECRET, "bound-secret"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(cnf(reply)).containsExactly(Map.entry("x5t#S256", anyCertificate.thumbprint()));
  }

  @Test
  void a_private_key_jwt_client_that_binds_tokens_gets_cnf_of_its_tls_certificate()
      throws Exception {
    Reply reply =
        presenting(anyCertificate)
            .postForm(server.httpsTokenEndpoint(), assertionForm(server.httpsTokenEndpoint()));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(cnf(reply)).containsEntry("x5t#S256", anyCertificate.thumbprint());
  }

  @Test
  void a_binding_client_without_a_certificate_is_refused_over_https_and_over_http()
      throws Exception {
    Reply overHttps =
        TestHttp.with(TlsIdentity.trusting(server.caCertificate()))
            .postForm(server.httpsTokenEndpoint(), secretForm(BOUND_SECRET, "bound-secret"));
    Reply jwtOverHttp =
        TestHttp.plain().postForm(server.tokenEndpoint(), assertionForm(server.tokenEndpoint()));

    for (Reply reply : List.of(overHttps, jwtOverHttp)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.error()).isEqualTo("invalid_grant");
      assertThat(reply.description()).isEqualTo("grant request is invalid");
    }
    assertThat(server.journal().entries().subList(0, 2))
        .allSatisfy(
            entry ->
                assertThat(entry.errorDetail())
                    .get()
                    .asString()
                    .startsWith("mutual TLS client certificate not provided")
                    .contains("certificateBoundAccessTokens"));
  }

  @Test
  void a_secret_client_that_does_not_bind_gets_a_plain_bearer_token_even_with_a_certificate()
      throws Exception {
    Reply reply =
        presenting(anyCertificate)
            .postForm(server.httpsTokenEndpoint(), secretForm("demo-app", "demo-app-secret"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(cnf(reply)).isNull();
  }

  @Test
  void an_mtls_client_can_turn_binding_off() throws Exception {
    TlsIdentity certificate = server.issueClientCertificate(SUBJECT, List.of());

    Reply reply =
        presenting(certificate)
            .postForm(
                server.httpsTokenEndpoint(),
                Map.of("grant_type", "client_credentials", "client_id", UNBOUND_MTLS));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(cnf(reply)).isNull();
  }

  @Test
  void binding_is_set_when_registering_a_client_over_the_control_api() throws Exception {
    Reply created =
        TestHttp.to(server.baseUrl())
            .post(
                "/_mock/clients",
                "{\"clientId\":\"runtime-bound\",\"clientSecret\":\"rt-secret\","
                    + "\"certificateBoundAccessTokens\":true}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("certificateBoundAccessTokens").asBoolean()).isTrue();
    Reply reply =
        presenting(anyCertificate)
            .postForm(server.httpsTokenEndpoint(), secretForm("runtime-bound", "rt-secret"));
    assertThat(cnf(reply)).containsEntry("x5t#S256", anyCertificate.thumbprint());
  }
}
