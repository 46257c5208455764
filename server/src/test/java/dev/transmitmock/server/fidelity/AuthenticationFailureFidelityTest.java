package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.server.token.ClientAssertionVerifier;
import dev.transmitmock.server.token.ClientAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.3 and 13.4: node-oidc-provider sends only "client authentication failed" for
 * every failed client authentication ({@code helpers/errors.js} {@code InvalidClientAuth}) and only
 * "grant request is invalid" for a missing certificate binding ({@code InvalidGrant}); the detail
 * is never on the wire ({@code helpers/err_out.js}). The emulator keeps it where a test author
 * looks: the journal, and {@code error_detail} with {@code verboseErrors}.
 */
class AuthenticationFailureFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RSAKey jwtKey;
  private static TlsIdentity pinned;
  private static TransmitMockServer server;
  private static TransmitMockServer verbose;

  @BeforeAll
  static void start() {
    jwtKey = ClientAssertions.generateRsaKey("fidelity-1");
    pinned = TlsIdentity.selfSigned("CN=pinned-svc", List.of());
    server = TransmitMockServer.builder().config(config(false)).https().build().start();
    verbose = TransmitMockServer.builder().config(config(true)).https().build().start();
  }

  private static MockConfig config(boolean verboseErrors) {
    return MockConfig.builder()
        .verboseErrors(verboseErrors)
        .client(ClientConfig.builder("secret-svc").secret("right-secret").build())
        .client(
            ClientConfig.builder("jwt-svc")
                .authentication(
                    ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                        .jwks(new JWKSet(jwtKey.toPublicJWK()).toString())
                        .build())
                .build())
        .client(
            ClientConfig.builder("pinned-svc")
                .authentication(
                    ClientAuthConfig.builder(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
                        .certificateThumbprint(pinned.thumbprint())
                        .build())
                .build())
        .client(
            ClientConfig.builder("bound-svc")
                .secret("bound-secret")
                .authentication(
                    ClientAuthConfig.builder(AuthMethod.CLIENT_SECRET_POST)
                        .certificateBoundAccessTokens(true)
                        .build())
                .build())
        .build();
  }

  @AfterAll
  static void stop() {
    server.close();
    verbose.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
    verbose.reset();
  }

  private static Reply wrongAudienceAssertion(TransmitMockServer target) throws Exception {
    String assertion =
        ClientAssertions.builder("jwt-svc", jwtKey)
            .audience(java.net.URI.create("https://elsewhere.example/token"))
            .clock(target.clock())
            .build();
    return TestHttp.plain()
        .postForm(
            target.tokenEndpoint(),
            Map.of(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                ClientAssertionVerifier.JWT_BEARER,
                "client_assertion",
                assertion));
  }

  private static Reply impostorCertificate(TransmitMockServer target) throws Exception {
    TlsIdentity impostor = TlsIdentity.selfSigned("CN=pinned-svc", List.of());
    return TestHttp.with(impostor.sslContext(target.caCertificate()))
        .postForm(
            target.httpsTokenEndpoint(),
            Map.of("grant_type", "client_credentials", "client_id", "pinned-svc"));
  }

  private static Reply boundWithoutCertificate(TransmitMockServer target) throws Exception {
    return TestHttp.plain()
        .postForm(
            target.tokenEndpoint(),
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "bound-svc",
                "client_secret", "bound-secret"));
  }

  private static String lastDetail(TransmitMockServer target) {
    return target.journal().last().flatMap(JournalEntry::errorDetail).orElse("");
  }

  @Test
  void a_failed_private_key_jwt_answers_only_client_authentication_failed() throws Exception {
    Reply reply = wrongAudienceAssertion(server);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(JSON.readTree(reply.body()).fieldNames())
        .toIterable()
        .containsExactly("error", "error_description");
    assertThat(reply.error()).isEqualTo("invalid_client");
    assertThat(reply.description()).isEqualTo("client authentication failed");
  }

  @Test
  void a_failed_private_key_jwt_keeps_its_reason_in_the_journal() throws Exception {
    wrongAudienceAssertion(server);

    assertThat(lastDetail(server))
        .startsWith(
            "audience (aud) must equal the endpoint url, issuer identifier or token endpoint url");
  }

  @Test
  void a_failed_mtls_authentication_answers_only_client_authentication_failed() throws Exception {
    Reply reply = impostorCertificate(server);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body())
        .isEqualTo(
            "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
    assertThat(lastDetail(server)).isEqualTo("unregistered client certificate provided");
  }

  @Test
  void a_wrong_secret_and_an_unknown_client_differ_only_in_the_journal() throws Exception {
    Reply wrong =
        TestHttp.plain()
            .postForm(
                server.tokenEndpoint(),
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", "secret-svc",
                    "client_secret", "wrong-secret"));
    String wrongDetail = lastDetail(server);
    Reply unknown =
        TestHttp.plain()
            .postForm(
                server.tokenEndpoint(),
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", "nobody",
                    "client_secret", "whatever"));

    assertThat(wrong.body()).isEqualTo(unknown.body());
    assertThat(wrongDetail).isEqualTo("invalid secret provided");
    assertThat(lastDetail(server)).isEqualTo("client not found");
  }

  @Test
  void a_bound_client_without_a_certificate_answers_only_grant_request_is_invalid()
      throws Exception {
    Reply reply = boundWithoutCertificate(server);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body())
        .isEqualTo(
            "{\"error\":\"invalid_grant\",\"error_description\":\"grant request is invalid\"}");
    assertThat(lastDetail(server)).startsWith("mutual TLS client certificate not provided");
  }

  @Test
  void the_journal_over_http_carries_the_detail_as_error_detail() throws Exception {
    wrongAudienceAssertion(server);

    Reply journal = TestHttp.plain().get(server.baseUrl().resolve("/_mock/journal"));

    JsonNode entry = journal.json().path("entries").get(0);
    assertThat(entry.path("errorDescription").asText()).isEqualTo("client authentication failed");
    assertThat(entry.path("errorDetail").asText()).startsWith("audience (aud) must equal");
  }

  @Test
  void verbose_errors_add_the_detail_as_error_detail_and_keep_the_engines_description()
      throws Exception {
    Reply jwt = wrongAudienceAssertion(verbose);
    Reply mtls = impostorCertificate(verbose);
    Reply bound = boundWithoutCertificate(verbose);

    assertThat(jwt.description()).isEqualTo("client authentication failed");
    assertThat(jwt.json().path("error_detail").asText()).startsWith("audience (aud) must equal");
    assertThat(mtls.json().path("error_detail").asText())
        .isEqualTo("unregistered client certificate provided");
    assertThat(bound.description()).isEqualTo("grant request is invalid");
    assertThat(bound.json().path("error_detail").asText())
        .startsWith("mutual TLS client certificate not provided");
  }

  @Test
  void verbose_errors_never_put_the_presented_secret_in_the_detail() throws Exception {
    Reply reply =
        TestHttp.plain()
            .postForm(
                verbose.tokenEndpoint(),
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", "secret-svc",
                    "client_secret", "wrong-secret-X9"));

    assertThat(reply.json().path("error_detail").asText()).isEqualTo("invalid secret provided");
    assertThat(reply.body()).doesNotContain("wrong-secret-X9").doesNotContain("right-secret");
  }
}
