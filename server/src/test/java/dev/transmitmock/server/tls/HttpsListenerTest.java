package dev.transmitmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthMode;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsListenerTest {
  private static final Map<String, String> DEMO_APP =
      Map.of(
          "grant_type", "client_credentials",
          "client_id", "demo-app",
          "client_secret", "demo-app-secret");

  @Test
  void issues_tokens_over_https_to_a_client_trusting_the_generated_ca() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().https().build().start()) {
      TestHttp https = TestHttp.with(TlsIdentity.trusting(server.caCertificate()));

      Reply reply = https.postForm(server.httpsTokenEndpoint(), DEMO_APP);

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      SignedJWT token = SignedJWT.parse(reply.json().path("access_token").asText());
      assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("demo-app");
      assertThat(token.getJWTClaimsSet().getClaim("cnf")).isNull();
      assertThat(server.httpsBaseUrl().getScheme()).isEqualTo("https");
      assertThat(server.httpsPort()).isNotEqualTo(server.port());
    }
  }

  @Test
  void plain_http_keeps_working_beside_https() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().https().build().start()) {
      Reply reply = TestHttp.plain().postForm(server.tokenEndpoint(), DEMO_APP);

      assertThat(reply.status()).isEqualTo(200);
      assertThat(server.baseUrl().getScheme()).isEqualTo("http");
    }
  }

  @Test
  void discovery_over_https_lists_https_endpoints_and_every_auth_method() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().https().build().start()) {
      TestHttp https = TestHttp.with(TlsIdentity.trusting(server.caCertificate()));

      var discovery = https.get(server.httpsDiscoveryUri()).json();
      var plain = TestHttp.plain().get(server.discoveryUri()).json();

      assertThat(discovery.path("token_endpoint").asText())
          .isEqualTo(server.httpsBaseUrl() + "/cis/oidc/token");
      assertThat(discovery.path("jwks_uri").asText()).isEqualTo(server.httpsJwksUri().toString());
      assertThat(plain.path("token_endpoint").asText()).startsWith("http://");
      assertThat(discovery.path("token_endpoint_auth_methods_supported"))
          .extracting(n -> n.asText())
          .containsExactly(
              "client_secret_basic",
              "client_secret_post",
              "private_key_jwt",
              "tls_client_auth",
              "self_signed_tls_client_auth",
              "none");
      assertThat(discovery.path("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
    }
  }

  @Test
  void discovery_names_the_https_endpoints_as_mtls_aliases_over_https_and_over_http()
      throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().https().build().start()) {
      TestHttp https = TestHttp.with(TlsIdentity.trusting(server.caCertificate()));

      var overHttps =
          https.get(server.httpsBaseUrl().resolve("/oidc/.well-known/openid-configuration")).json();
      var overHttp = TestHttp.plain().get(server.discoveryUri()).json();

      String httpsBase = server.httpsBaseUrl().toString();
      assertThat(overHttps.path("mtls_endpoint_aliases").path("token_endpoint").asText())
          .isEqualTo(httpsBase + "/oidc/token");
      assertThat(overHttps.path("mtls_endpoint_aliases").path("introspection_endpoint").asText())
          .isEqualTo(httpsBase + "/oidc/token/introspection");
      assertThat(overHttps.path("mtls_endpoint_aliases").path("revocation_endpoint").asText())
          .isEqualTo(httpsBase + "/oidc/token/revocation");
      assertThat(overHttp.path("token_endpoint").asText()).startsWith("http://");
      assertThat(overHttp.path("mtls_endpoint_aliases").path("token_endpoint").asText())
          .isEqualTo(server.httpsTokenEndpoint().resolve("/cis/oidc/token").toString());
      assertThat(overHttp.path("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
      // The alias really is an mTLS token endpoint.
      TlsIdentity client = TlsIdentity.selfSigned("CN=alias-check", java.util.List.of());
      Reply reply =
          TestHttp.with(client.sslContext(server.caCertificate()))
              .postForm(
                  java.net.URI.create(
                      overHttp.path("mtls_endpoint_aliases").path("token_endpoint").asText()),
                  java.util.Map.of(
                      "grant_type", "client_credentials",
                      "client_id", "demo-app",
                      "client_secret", "demo-app-secret"));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
  }

  @Test
  void discovery_without_https_advertises_no_certificate_bound_tokens() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      var discovery = TestHttp.plain().get(server.discoveryUri()).json();

      assertThat(discovery.path("tls_client_certificate_bound_access_tokens").asBoolean())
          .isFalse();
      assertThat(discovery.has("mtls_endpoint_aliases")).isFalse();
    }
  }

  @Test
  void a_client_that_does_not_trust_the_emulator_fails_the_handshake() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().https().build().start()) {
      TlsIdentity stranger = TlsIdentity.certificateAuthority("CN=some other CA");
      TestHttp https = TestHttp.with(TlsIdentity.trusting(stranger.certificate()));

      assertThatThrownBy(() -> https.postForm(server.httpsTokenEndpoint(), DEMO_APP))
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(SSLException.class);
    }
  }

  @Test
  void the_ca_certificate_is_served_under_mock_tls_and_written_to_a_file(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("certs/ca.pem");
    try (TransmitMockServer server =
        TransmitMockServer.builder()
            .https(TlsConfig.builder().caCertificateOut(out).build())
            .build()
            .start()) {
      Reply pem = TestHttp.plain().get(server.baseUrl().resolve("/_mock/tls/ca.pem"));

      assertThat(pem.status()).isEqualTo(200);
      assertThat(pem.contentType()).startsWith("application/x-pem-file");
      assertThat(pem.body())
          .isEqualTo(server.caCertificatePem())
          .startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(Files.readString(out)).isEqualTo(server.caCertificatePem());
      assertThat(TlsIdentity.certificates(pem.body())).containsExactly(server.caCertificate());
      assertThat(server.tlsCertificate().getIssuerX500Principal())
          .isEqualTo(server.caCertificate().getSubjectX500Principal());
    }
  }

  @Test
  void the_ca_route_answers_404_when_https_is_off() throws Exception {
    try (TransmitMockServer server = TransmitMockServer.builder().build().start()) {
      Reply reply = TestHttp.plain().get(server.baseUrl().resolve("/_mock/tls/ca.pem"));

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.description()).contains("HTTPS is off");
      assertThatThrownBy(server::caCertificatePem).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void the_generated_certificate_names_loopback_and_configured_names() throws Exception {
    try (TransmitMockServer server =
        TransmitMockServer.builder()
            .https(
                TlsConfig.builder()
                    .subjectAltName("transmit-mock")
                    .subjectAltName("10.0.0.7")
                    .build())
            .build()) {
      List<String> names =
          server.tlsCertificate().getSubjectAlternativeNames().stream()
              .map(n -> String.valueOf(n.get(1)))
              .toList();

      assertThat(names).contains("localhost", "127.0.0.1", "transmit-mock", "10.0.0.7");
      assertThat(names).anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1"));
    }
  }

  @Test
  void serves_a_configured_pkcs12_key_store(@TempDir Path dir) throws Exception {
    TlsIdentity ca = TlsIdentity.certificateAuthority("CN=acme test root");
    TlsIdentity serverIdentity = ca.issue("CN=localhost", List.of("localhost", "127.0.0.1"));
    Path keyStore = dir.resolve("server.p12");
    serverIdentity.writeKeyStore(keyStore, "changeit".toCharArray());

    try (TransmitMockServer server =
        TransmitMockServer.builder()
            .https(TlsConfig.builder().keyStore(keyStore, "changeit").build())
            .build()
            .start()) {
      TestHttp https = TestHttp.with(TlsIdentity.trusting(ca.certificate()));

      assertThat(https.postForm(server.httpsTokenEndpoint(), DEMO_APP).status()).isEqualTo(200);
      assertThat(server.tlsCertificate()).isEqualTo(serverIdentity.certificate());
      assertThat(server.caCertificate()).isEqualTo(ca.certificate());
    }
  }

  @Test
  void serves_a_configured_pem_certificate_and_key() throws Exception {
    TlsIdentity ca = TlsIdentity.certificateAuthority("CN=acme pem root");
    TlsIdentity serverIdentity = ca.issue("CN=localhost", List.of("127.0.0.1"));

    try (TransmitMockServer server =
        TransmitMockServer.builder()
            .https(
                TlsConfig.builder()
                    .certificatePem(serverIdentity.chainPem())
                    .privateKeyPem(serverIdentity.privateKeyPem())
                    .build())
            .build()
            .start()) {
      TestHttp https = TestHttp.with(TlsIdentity.trusting(ca.certificate()));

      assertThat(https.postForm(server.httpsTokenEndpoint(), DEMO_APP).status()).isEqualTo(200);
    }
  }

  @Test
  void a_wrong_key_store_password_is_a_clear_error_without_the_password(@TempDir Path dir)
      throws Exception {
    Path keyStore = dir.resolve("server.p12");
    TlsIdentity.selfSigned("CN=localhost", List.of("localhost"))
        .writeKeyStore(keyStore, "right-password".toCharArray());

    assertThatThrownBy(
            () ->
                TransmitMockServer.builder()
                    .https(TlsConfig.builder().keyStore(keyStore, "wrong-password").build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server.p12")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void https_without_plain_http_makes_the_base_url_https() throws Exception {
    try (TransmitMockServer server =
        TransmitMockServer.builder()
            .https(TlsConfig.builder().httpEnabled(false).build())
            .build()
            .start()) {
      TestHttp https = TestHttp.with(TlsIdentity.trusting(server.caCertificate()));

      assertThat(server.baseUrl()).isEqualTo(server.httpsBaseUrl());
      assertThat(https.postForm(server.tokenEndpoint(), DEMO_APP).status()).isEqualTo(200);
    }
  }

  @Test
  void client_auth_need_refuses_handshakes_without_a_certificate() throws Exception {
    try (TransmitMockServer server =
        TransmitMockServer.builder()
            .https(TlsConfig.builder().clientAuth(ClientAuthMode.NEED).build())
            .build()
            .start()) {
      TestHttp anonymous = TestHttp.with(TlsIdentity.trusting(server.caCertificate()));
      TlsIdentity client = TlsIdentity.selfSigned("CN=anyone", List.of());
      TestHttp withCertificate = TestHttp.with(client.sslContext(server.caCertificate()));

      assertThatThrownBy(() -> anonymous.postForm(server.httpsTokenEndpoint(), DEMO_APP))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(withCertificate.postForm(server.httpsTokenEndpoint(), DEMO_APP).status())
          .isEqualTo(200);
    }
  }
}
