package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientAssertions;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTPS in the container: one container with HTTPS beside HTTP shared by the tests (reset before
 * each), and one HTTPS-only container.
 */
@ExtendWith(RequiresDocker.class)
class HttpsContainerIT {

  private static final String ISSUER = "https://userid.security";
  private static final String RESOURCE = "https://api.example.test";
  private static final String ALIAS = "transmit-mock";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

  private static TransmitMockContainer<?> mock;
  private static HttpClient trusting;

  @BeforeAll
  static void startContainer() {
    mock = TestImage.container().withNetworkAliases(ALIAS).withHttps();
    mock.start();
    trusting = client(mock.createSslContext());
  }

  @AfterAll
  static void stopContainer() {
    if (mock != null) {
      mock.stop();
    }
  }

  @BeforeEach
  void resetEmulator() {
    mock.control().reset();
  }

  @Test
  void issues_a_token_over_https_to_a_client_trusting_the_containers_ca() throws Exception {
    HttpResponse<String> response =
        post(
            trusting,
            mock.getHttpsTokenEndpoint(),
            form(
                "grant_type", "client_credentials",
                "client_id", "demo-app",
                "client_secret", "demo-app-secret",
                "resource", RESOURCE));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(URI.create(response.uri().toString()).getScheme()).isEqualTo("https");
    JWTClaimsSet claims = verifiedOverHttps(accessToken(response));
    assertThat(claims.getSubject()).isEqualTo("demo-app");
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getAudience()).containsExactly(RESOURCE);
  }

  @Test
  void a_client_that_does_not_trust_the_ca_fails_the_handshake() {
    HttpClient jvmDefaults = HttpClient.newHttpClient();

    assertThatThrownBy(
            () ->
                jvmDefaults.send(
                    HttpRequest.newBuilder(URI.create(mock.getHttpsDiscoveryUri())).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void the_ca_served_by_the_emulator_is_the_one_it_wrote_into_the_container() {
    String written =
        mock.copyFileFromContainer(
            TransmitMockContainer.CA_CERTIFICATE_PATH,
            in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));

    assertThat(mock.getCaCertificatePem()).isEqualTo(written).startsWith("-----BEGIN CERTIFICATE");
    assertThat(mock.getCaCertificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void the_server_certificate_names_the_test_host_and_the_network_alias() throws Exception {
    HttpsURLConnection connection =
        (HttpsURLConnection) new URL(mock.getHttpsBaseUrl() + "/_mock/health").openConnection();
    connection.setSSLSocketFactory(mock.createSslContext().getSocketFactory());
    assertThat(connection.getResponseCode()).isEqualTo(200);
    Certificate[] chain = connection.getServerCertificates();
    connection.disconnect();

    List<String> names =
        ((X509Certificate) chain[0])
            .getSubjectAlternativeNames().stream()
                .map(entry -> entry.get(1).toString())
                .collect(Collectors.toList());
    assertThat(names).contains("localhost", mock.getHost(), ALIAS);
    assertThat(mock.getNetworkAliases()).isNotEmpty();
    assertThat(names).containsAll(mock.getNetworkAliases());
  }

  @Test
  void discovery_over_https_lists_https_endpoints() throws Exception {
    HttpResponse<String> response =
        trusting.send(
            HttpRequest.newBuilder(URI.create(mock.getHttpsDiscoveryUri())).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> discovery = Json.parseObject(response.body());
    assertThat(discovery.get("token_endpoint"))
        .isEqualTo(mock.getHttpsBaseUrl() + "/cis/oidc/token");
    assertThat(discovery.get("jwks_uri")).isEqualTo(mock.getHttpsJwksUri());
    assertThat(discovery.get("issuer")).isEqualTo(ISSUER);
    assertThat(discovery.get("token_endpoint_auth_methods_supported"))
        .asInstanceOf(InstanceOfAssertFactories.list(String.class))
        .contains("private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth");
  }

  @Test
  void a_private_key_jwt_client_registered_at_runtime_gets_a_token_for_a_signed_assertion()
      throws Exception {
    RSAKey key = ClientAssertions.generateRsaKey("reports-key-1");
    mock.control()
        .clients()
        .putClient(
            ClientDefinition.privateKeyJwt("reports-svc")
                .jwks(new JWKSet(key.toPublicJWK()).toString())
                .resources(RESOURCE)
                .build());
    String assertion =
        ClientAssertions.create("reports-svc", key, URI.create(mock.getHttpsTokenEndpoint()));
    Map<String, String> request =
        form(
            "grant_type", "client_credentials",
            "client_assertion_type", JWT_BEARER,
            "client_assertion", assertion,
            "resource", RESOURCE);

    HttpResponse<String> first = post(trusting, mock.getHttpsTokenEndpoint(), request);
    HttpResponse<String> replayed = post(trusting, mock.getHttpsTokenEndpoint(), request);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JWTClaimsSet claims = verifiedOverHttps(accessToken(first));
    assertThat(claims.getSubject()).isEqualTo("reports-svc");
    assertThat(claims.getAudience()).containsExactly(RESOURCE);
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.body()).contains("invalid_client");
    assertThat(mock.control().journal().issuedTo("reports-svc"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.authMethod()).isEqualTo("private_key_jwt"));
  }

  @Test
  void a_self_signed_mtls_client_gets_a_token_bound_to_its_certificate() throws Exception {
    TlsIdentity certificate =
        TlsIdentity.selfSigned("CN=edge-svc,O=transmit-mock tests", List.of());
    String thumbprint = x5tS256(certificate.certificate());
    mock.control()
        .clients()
        .putClient(
            ClientDefinition.selfSignedTlsClientAuth("edge-svc")
                .certificateThumbprints(thumbprint)
                .resources(RESOURCE)
                .build());
    HttpClient withCertificate =
        client(mock.createSslContext(certificate.privateKey(), certificate.certificate()));
    Map<String, String> request =
        form("grant_type", "client_credentials", "client_id", "edge-svc", "resource", RESOURCE);

    HttpResponse<String> response = post(withCertificate, mock.getHttpsTokenEndpoint(), request);
    HttpResponse<String> withoutCertificate = post(trusting, mock.getHttpsTokenEndpoint(), request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JWTClaimsSet claims = verifiedOverHttps(accessToken(response));
    assertThat(claims.getSubject()).isEqualTo("edge-svc");
    assertThat(claims.getJSONObjectClaim("cnf")).containsEntry("x5t#S256", thumbprint);
    assertThat(withoutCertificate.statusCode()).isEqualTo(401);
    assertThat(withoutCertificate.body()).contains("invalid_client");
  }

  @Test
  void a_tls_client_auth_client_gets_a_token_with_a_certificate_the_emulator_issued()
      throws Exception {
    String subject = "CN=payments-svc,O=transmit-mock tests";
    mock.control()
        .clients()
        .putClient(
            ClientDefinition.tlsClientAuth("payments-svc")
                .subjectDn(subject)
                .resources(RESOURCE)
                .build());
    IssuedClientCertificate issued =
        mock.control().tls().issueClientCertificate(subject, "payments.example");
    Map<String, String> request =
        form("grant_type", "client_credentials", "client_id", "payments-svc", "resource", RESOURCE);

    HttpResponse<String> response =
        post(client(mock.createSslContext(issued)), mock.getHttpsTokenEndpoint(), request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JWTClaimsSet claims = verifiedOverHttps(accessToken(response));
    assertThat(claims.getSubject()).isEqualTo("payments-svc");
    assertThat(claims.getJSONObjectClaim("cnf")).containsEntry("x5t#S256", issued.thumbprint());
    assertThat(issued.thumbprint()).isEqualTo(x5tS256(issued.certificate()));
    assertThat(issued.chain()).hasSize(2);
    assertThat(issued.chain().get(1)).isEqualTo(mock.getCaCertificate());
    assertThat(issued.toString()).contains(issued.thumbprint()).doesNotContain("PRIVATE KEY");
    assertThat(mock.control().journal().issuedTo("payments-svc"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.authMethod()).isEqualTo("tls_client_auth"));
  }

  @Test
  void a_certificate_for_the_same_subject_from_a_foreign_ca_is_refused() throws Exception {
    String subject = "CN=payments-svc,O=transmit-mock tests";
    mock.control()
        .clients()
        .putClient(
            ClientDefinition.tlsClientAuth("payments-svc")
                .subjectDn(subject)
                .resources(RESOURCE)
                .build());
    TlsIdentity foreignCa = TlsIdentity.certificateAuthority("CN=foreign test root");
    TlsIdentity foreign = foreignCa.issue(subject, List.of());
    HttpClient withForeignCertificate =
        client(
            mock.createSslContext(
                foreign.privateKey(), foreign.certificate(), foreignCa.certificate()));

    HttpResponse<String> response =
        post(
            withForeignCertificate,
            mock.getHttpsTokenEndpoint(),
            form(
                "grant_type", "client_credentials",
                "client_id", "payments-svc",
                "resource", RESOURCE));

    assertThat(foreign.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=payments-svc,O=transmit-mock tests");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_client").doesNotContain("access_token");
  }

  @Test
  void a_secret_client_with_certificate_bound_tokens_gets_a_bound_token_when_it_presents_one()
      throws Exception {
    mock.control()
        .clients()
        .putClient(
            ClientDefinition.app("ledger-svc", "ledger-secret")
                .certificateBoundAccessTokens(true)
                .resources(RESOURCE)
                .build());
    TlsIdentity certificate =
        TlsIdentity.selfSigned("CN=ledger-svc,O=transmit-mock tests", List.of());
    Map<String, String> request =
        form(
            "grant_type", "client_credentials",
            "client_id", "ledger-svc",
            "client_secret", "ledger-secret",
            "resource", RESOURCE);

    HttpResponse<String> bound =
        post(
            client(mock.createSslContext(certificate.privateKey(), certificate.certificate())),
            mock.getHttpsTokenEndpoint(),
            request);
    HttpResponse<String> withoutCertificate = post(trusting, mock.getHttpsTokenEndpoint(), request);

    assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
    JWTClaimsSet claims = verifiedOverHttps(accessToken(bound));
    assertThat(claims.getSubject()).isEqualTo("ledger-svc");
    assertThat(claims.getJSONObjectClaim("cnf"))
        .containsEntry("x5t#S256", x5tS256(certificate.certificate()));
    assertThat(withoutCertificate.statusCode()).isEqualTo(400);
    assertThat(withoutCertificate.body()).contains("invalid_grant");
  }

  @Test
  void an_https_only_container_turns_healthy_and_is_driven_over_https() throws Exception {
    try (TransmitMockContainer<?> httpsOnly = TestImage.container().withHttpsOnly()) {
      httpsOnly.start();

      assertThat(httpsOnly.getExposedPorts()).containsExactly(TransmitMockContainer.HTTPS_PORT);
      String token = httpsOnly.getClientCredentialsToken("demo-app", "demo-app-secret", RESOURCE);
      assertThat(httpsOnly.control().journal().issuedTo("demo-app")).hasSize(1);
      assertThat(httpsOnly.getIssuer()).isEqualTo(ISSUER);
      HttpResponse<String> jwks =
          client(httpsOnly.createSslContext())
              .send(
                  HttpRequest.newBuilder(URI.create(httpsOnly.getHttpsJwksUri())).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(JWKSet.parse(jwks.body()).getKeys()).isNotEmpty();
      assertThat(token.split("\\.")).hasSize(3);
      assertThatThrownBy(httpsOnly::getTokenEndpoint).isInstanceOf(IllegalStateException.class);

      // the image's HEALTHCHECK probes https://127.0.0.1:8443 when plain HTTP is off
      String status = "starting";
      Instant deadline = Instant.now().plus(HEALTHY_WITHIN);
      while (!"healthy".equals(status) && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
        status = httpsOnly.getCurrentContainerInfo().getState().getHealth().getStatus();
      }
      assertThat(status).isEqualTo("healthy");
    }
  }

  private static JWTClaimsSet verifiedOverHttps(String token) throws Exception {
    HttpResponse<String> jwks =
        trusting.send(
            HttpRequest.newBuilder(URI.create(mock.getHttpsJwksUri())).build(),
            HttpResponse.BodyHandlers.ofString());
    return TokenVerification.verify(JWKSet.parse(jwks.body()), token, ISSUER);
  }

  private static String x5tS256(X509Certificate certificate) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  private static Map<String, String> form(String... namesAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String accessToken(HttpResponse<String> response) {
    return (String) Json.parseObject(response.body()).get("access_token");
  }
}
