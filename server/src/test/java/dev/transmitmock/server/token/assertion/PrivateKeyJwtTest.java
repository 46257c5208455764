package dev.transmitmock.server.token.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.defects.AssertionDefect;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientAssertionVerifier;
import dev.transmitmock.server.token.ClientAssertions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrivateKeyJwtTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JWT_CLIENT = "jwt-svc";
  private static final String PEM_CLIENT = "pem-svc";
  private static final String URI_CLIENT = "uri-svc";

  private static RSAKey rsaKey;
  private static ECKey ecKey;
  private static RSAKey uriKey;
  private static HttpServer jwksHost;
  private static TransmitMockServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    rsaKey = ClientAssertions.generateRsaKey("jwt-svc-1");
    ecKey = ClientAssertions.generateEcKey("pem-svc-1");
    uriKey = ClientAssertions.generateRsaKey("uri-svc-1");
    jwksHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = new JWKSet(uriKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwksHost.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    jwksHost.start();
    String ecPem = TlsIdentity.pem(ecKey.toECPublicKey());
    MockConfig config =
        MockConfig.builder()
            .client(ClientConfig.builder("demo-app").secret("demo-app-secret").build())
            .client(
                ClientConfig.builder(JWT_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                            .jwks(new JWKSet(rsaKey.toPublicJWK()).toString())
                            .build())
                    .build())
            .client(
                ClientConfig.builder(PEM_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                            .publicKeyPem(ecPem)
                            .build())
                    .build())
            .client(
                ClientConfig.builder(URI_CLIENT)
                    .authentication(
                        ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                            .jwksUri(
                                URI.create(
                                    "http://127.0.0.1:"
                                        + jwksHost.getAddress().getPort()
                                        + "/jwks"))
                            .build())
                    .build())
            .build();
    server = TransmitMockServer.builder().config(config).https().build().start();
    SSLContext tls = TlsIdentity.trusting(server.caCertificate());
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
    jwksHost.stop(0);
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static Map<String, String> form(String assertion) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_assertion_type", ClientAssertionVerifier.JWT_BEARER);
    form.put("client_assertion", assertion);
    return form;
  }

  private static Reply post(URI uri, Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  record Reply(int status, JsonNode json) {
    String description() {
      return json.path("error_description").asText();
    }
  }

  private static ClientAssertions.Builder valid(URI audience) {
    return ClientAssertions.builder(JWT_CLIENT, rsaKey).audience(audience).clock(server.clock());
  }

  /** Why the last request was refused: the journal's detail behind the generic description. */
  private static java.util.Optional<String> lastDetail() {
    return server.journal().last().flatMap(JournalEntry::errorDetail);
  }

  @Test
  void a_valid_rs256_assertion_gets_a_token_and_the_journal_records_private_key_jwt()
      throws Exception {
    Reply reply = post(server.tokenEndpoint(), form(valid(server.tokenEndpoint()).build()));

    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    SignedJWT token = SignedJWT.parse(reply.json().path("access_token").asText());
    assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(JWT_CLIENT);
    JournalEntry entry = server.journal().entries().get(server.journal().entries().size() - 1);
    assertThat(entry.authMethod()).isEqualTo(AuthMethod.PRIVATE_KEY_JWT);
    assertThat(entry.clientId()).contains(JWT_CLIENT);
  }

  @Test
  void the_audience_may_be_either_token_endpoint_over_http_or_https_or_the_issuer()
      throws Exception {
    List<String> audiences =
        List.of(
            server.tokenEndpoint().toString(),
            server.baseUrl() + "/cis/oidc/token",
            server.httpsTokenEndpoint().toString(),
            server.httpsBaseUrl() + "/cis/oidc/token",
            server.issuer());
    for (String audience : audiences) {
      String assertion = valid(server.tokenEndpoint()).audience(audience).build();

      assertThat(post(server.httpsTokenEndpoint(), form(assertion)).status())
          .as("aud %s", audience)
          .isEqualTo(200);
    }
  }

  @Test
  void es256_with_a_pem_public_key_and_ps256_are_accepted() throws Exception {
    String es256 =
        ClientAssertions.builder(PEM_CLIENT, ecKey.toECPrivateKey())
            .audience(server.tokenEndpoint())
            .build();
    String ps256 = valid(server.tokenEndpoint()).algorithm(JWSAlgorithm.PS256).build();

    assertThat(post(server.tokenEndpoint(), form(es256)).status()).isEqualTo(200);
    assertThat(post(server.tokenEndpoint(), form(ps256)).status()).isEqualTo(200);
  }

  @Test
  void keys_are_fetched_from_the_client_jwks_uri() throws Exception {
    String assertion = ClientAssertions.create(URI_CLIENT, uriKey, server.tokenEndpoint());

    assertThat(post(server.tokenEndpoint(), form(assertion)).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AssertionDefect.class)
  void every_assertion_attack_is_refused_with_the_generic_description_and_its_detail(
      AssertionDefect defect) throws Exception {
    String assertion = defect.mint(valid(server.tokenEndpoint()), rsaKey);
    if (defect.needsPriorUse()) {
      assertThat(post(server.tokenEndpoint(), form(assertion)).status()).isEqualTo(200);
    }

    Reply reply = post(server.tokenEndpoint(), form(assertion));

    assertThat(reply.status()).as(defect.id()).isEqualTo(401);
    assertThat(reply.json().path("error").asText()).isEqualTo("invalid_client");
    assertThat(reply.description()).isEqualTo(defect.expectedDescription());
    assertThat(lastDetail()).get().asString().startsWith(defect.expectedDetail());
  }

  @Test
  void an_aud_mismatch_says_in_its_detail_which_audiences_are_accepted() throws Exception {
    String assertion =
        valid(server.tokenEndpoint()).audience("https://other.example/token").build();

    Reply reply = post(server.tokenEndpoint(), form(assertion));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail())
        .get()
        .asString()
        .startsWith(
            "audience (aud) must equal the endpoint url, issuer identifier or token endpoint url;"
                + " accepted here: "
                + server.issuer()
                + ", ")
        .contains(
            server.tokenEndpoint().toString(),
            server.baseUrl() + "/cis/oidc/token",
            server.httpsTokenEndpoint().toString(),
            server.httpsBaseUrl() + "/cis/oidc/token")
        .endsWith("(behind a proxy, set publicBaseUrl to the address clients use)");
  }

  @Test
  void x_forwarded_headers_do_not_widen_the_accepted_audiences() throws Exception {
    String forged = "https://attacker.example/oidc/token";
    String assertion = valid(server.tokenEndpoint()).audience(forged).build();
    String body =
        form(assertion).entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(server.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(lastDetail())
        .get()
        .asString()
        .startsWith("audience (aud) must equal")
        .doesNotContain("attacker.example");
  }

  @Test
  void the_token_endpoint_under_the_requests_host_header_is_accepted_as_behind_port_mapping()
      throws Exception {
    String mapped = "mapped.example:49999";
    String assertion =
        valid(server.tokenEndpoint()).audience("http://" + mapped + "/cis/oidc/token").build();
    String body =
        form(assertion).entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    byte[] request =
        ("POST /oidc/token HTTP/1.1\r\nHost: "
                + mapped
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.US_ASCII);

    dev.transmitmock.server.hardening.RawHttp.Response response =
        dev.transmitmock.server.hardening.RawHttp.exchange(
            server.port(), request, Duration.ofSeconds(10));

    assertThat(response.status()).as(response.text()).isEqualTo(200);
  }

  @Test
  void the_token_endpoint_under_the_configured_public_base_url_is_accepted() throws Exception {
    MockConfig config =
        server.config().toBuilder().publicBaseUrl(URI.create("https://mock.example.test")).build();
    try (TransmitMockServer proxied = TransmitMockServer.builder().config(config).build().start()) {
      for (String audience :
          List.of(
              "https://mock.example.test/cis/oidc/token", "https://mock.example.test/oidc/token")) {
        String assertion =
            ClientAssertions.builder(JWT_CLIENT, rsaKey)
                .audience(audience)
                .clock(proxied.clock())
                .build();

        assertThat(post(proxied.tokenEndpoint(), form(assertion)).status())
            .as("aud %s", audience)
            .isEqualTo(200);
      }
    }
  }

  @Test
  void the_expired_assertion_defect_is_expired_on_the_emulator_clock_not_on_real_time()
      throws Exception {
    // A day behind real time: an assertion that expired an hour ago in real time is still valid
    // here, so only an assertion built on the emulator's clock is refused.
    server.clock().freeze();
    server.clock().advance(Duration.ofDays(-1));
    String assertion = AssertionDefect.EXPIRED.mint(valid(server.tokenEndpoint()), rsaKey);

    Reply reply = post(server.tokenEndpoint(), form(assertion));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(lastDetail()).hasValue(AssertionDefect.EXPIRED.expectedDetail());
    Instant anHourAgo = server.clock().instant().minus(Duration.ofHours(1));
    assertThat(SignedJWT.parse(assertion).getJWTClaimsSet().getExpirationTime().toInstant())
        .isBetween(anHourAgo.minusSeconds(1), anHourAgo);
  }

  @Test
  void an_assertion_expires_on_the_emulator_clock() throws Exception {
    String assertion = valid(server.tokenEndpoint()).build();
    server.clock().advance(Duration.ofMinutes(2));

    Reply reply = post(server.tokenEndpoint(), form(assertion));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.description()).isEqualTo("client authentication failed");
    assertThat(lastDetail()).hasValue("client_assertion has expired");
  }

  @Test
  void a_replayed_jti_is_accepted_again_after_a_reset() throws Exception {
    String assertion = valid(server.tokenEndpoint()).build();
    assertThat(post(server.tokenEndpoint(), form(assertion)).status()).isEqualTo(200);

    server.reset();

    assertThat(post(server.tokenEndpoint(), form(assertion)).status()).isEqualTo(200);
  }

  @Test
  void a_secret_client_presenting_an_assertion_and_a_jwt_client_presenting_a_secret_are_refused()
      throws Exception {
    RSAKey stranger = ClientAssertions.generateRsaKey("x");
    String asDemoApp = ClientAssertions.create("demo-app", stranger, server.tokenEndpoint());
    Map<String, String> secretForJwtClient =
        Map.of(
            "grant_type", "client_credentials",
            "client_id", JWT_CLIENT,
            "client_secret", "guess");

    Reply assertionForSecretClient = post(server.tokenEndpoint(), form(asDemoApp));
    Reply secret = post(server.tokenEndpoint(), secretForJwtClient);

    assertThat(assertionForSecretClient.status()).isEqualTo(401);
    assertThat(assertionForSecretClient.description()).isEqualTo("client authentication failed");
    assertThat(secret.status()).isEqualTo(401);
    assertThat(secret.description()).isEqualTo("client authentication failed");
  }

  @Test
  void malformed_assertion_requests_are_invalid_requests() throws Exception {
    String assertion = valid(server.tokenEndpoint()).build();
    Map<String, String> noType = form(assertion);
    noType.remove("client_assertion_type");
    Map<String, String> wrongType = form(assertion);
    wrongType.put(
        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
    Map<String, String> withSecret = form(assertion);
    withSecret.put("client_secret", "x");
    Map<String, String> otherClientId = form(assertion);
    otherClientId.put("client_id", "demo-app");

    assertThat(post(server.tokenEndpoint(), noType).description())
        .isEqualTo("client_assertion_type must be provided");
    assertThat(post(server.tokenEndpoint(), wrongType).description())
        .isEqualTo("client_assertion_type must have value " + ClientAssertionVerifier.JWT_BEARER);
    assertThat(post(server.tokenEndpoint(), withSecret).description())
        .isEqualTo("client authentication must only be provided using one mechanism");
    assertThat(post(server.tokenEndpoint(), otherClientId).description())
        .isEqualTo("client_id mismatch");
    assertThat(post(server.tokenEndpoint(), form("not-a-jwt")).description())
        .isEqualTo("invalid client_assertion format");
  }

  @Test
  void a_jwt_client_registered_at_runtime_over_the_control_api_can_authenticate() throws Exception {
    RSAKey key = ClientAssertions.generateRsaKey("rt-1");
    String body =
        "{\"clientId\":\"runtime-jwt\",\"tokenEndpointAuthMethod\":\"private_key_jwt\",\"jwks\":"
            + new JWKSet(key.toPublicJWK())
            + "}";
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("/_mock/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).path("tokenEndpointAuthMethod").asText())
        .isEqualTo("private_key_jwt");
    String assertion = ClientAssertions.create("runtime-jwt", key, server.tokenEndpoint());
    assertThat(post(server.tokenEndpoint(), form(assertion)).status()).isEqualTo(200);
  }

  @Test
  void a_private_key_in_the_registered_jwks_is_refused_at_registration() throws IOException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(server.baseUrl().resolve("/_mock/clients"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"clientId\":\"leaky\",\"tokenEndpointAuthMethod\":\"private_key_jwt\","
                              + "\"jwks\":"
                              + new JWKSet(rsaKey).toString(false)
                              + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      throw new IOException(e);
    }

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("private key material").doesNotContain("\"d\"");
  }
}
