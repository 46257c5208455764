package dev.transmitmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.TokenTyp;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint's success path, over real HTTP, tokens verified against the served JWKS. */
class TokenEndpointTest {
  static final String ORDERS = "https://api.orders.example";
  static final String SLOW = "https://api.slow.example";
  static final String UNASSIGNED = "https://api.unassigned.example";

  static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        TestEmulator.start(
            MockConfig.builder()
                .issuer("https://eu.userid.security")
                .tenantId("tnt-acceptance")
                .resource(ResourceConfig.builder(ORDERS).build())
                .resource(ResourceConfig.builder(SLOW).tokenLifetime(Duration.ofMinutes(5)).build())
                .resource(ResourceConfig.builder(UNASSIGNED).build())
                .client(
                    ClientConfig.builder("orders-svc")
                        .secret("orders-secret")
                        .appId("app-orders")
                        .appName("Orders")
                        .resources(ORDERS, SLOW)
                        .claim("ts_roles", List.of("reader"))
                        .build())
                .client(
                    ClientConfig.builder("ops-admin")
                        .secret("admin-secret")
                        .type(ClientType.MANAGEMENT)
                        .build())
                .client(
                    ClientConfig.builder("instant")
                        .secret("instant-secret")
                        .tokenLifetime(Duration.ZERO)
                        .build())
                .client(
                    ClientConfig.builder("expired")
                        .secret("expired-secret")
                        .tokenLifetime(Duration.ofMinutes(-10))
                        .build())
                .client(
                    ClientConfig.builder("slow-override")
                        .secret("s")
                        .resources(SLOW)
                        .tokenLifetime(Duration.ofSeconds(42))
                        .build())
                .client(ClientConfig.builder("weird/id:&=").secret("p@ss:w%rd+&=").build())
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void answers_200_with_the_documented_body_and_no_store() {
    Reply reply = emulator.http().token("orders-svc", "orders-secret", Map.of());

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly("access_token", "token_type", "expires_in");
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void serves_the_same_endpoint_under_cis() {
    Reply reply =
        emulator
            .http()
            .postForm(
                "/cis/oidc/token",
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", "orders-svc",
                    "client_secret", "orders-secret"));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void accepts_http_basic_client_authentication() {
    Reply reply =
        emulator
            .http()
            .post(
                "/oidc/token",
                TestHttp.FORM,
                "grant_type=client_credentials",
                Map.of("Authorization", TestHttp.basic("orders-svc", "orders-secret")));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void decodes_form_encoded_basic_credentials_as_rfc_6749_asks() {
    Reply reply =
        emulator
            .http()
            .post(
                "/oidc/token",
                TestHttp.FORM,
                "grant_type=client_credentials",
                Map.of("Authorization", TestHttp.basic("weird/id:&=", "p@ss:w%rd+&=")));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @Test
  void mints_an_rs256_jwt_with_kid_and_at_jwt_typ_that_verifies_against_the_jwks()
      throws Exception {
    String token = emulator.http().accessToken("orders-svc", "orders-secret", Map.of());

    JWSHeader header = SignedJWT.parse(token).getHeader();
    assertThat(header.getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(header.getKeyID()).isNotBlank();
    assertThat(header.getType().getType()).isEqualTo("at+jwt");
    assertThat(emulator.verify(token).getSubject()).isEqualTo("orders-svc");
  }

  @Test
  void carries_every_transmit_claim_in_transmit_order() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    String token = emulator.http().accessToken("orders-svc", "orders-secret", Map.of());

    JWTClaimsSet claims = emulator.verify(token);
    assertThat(claims.getClaim("tid")).isEqualTo("tnt-acceptance");
    assertThat(claims.getClaim("app_name")).isEqualTo("Orders");
    assertThat(claims.getClaim("app_id")).isEqualTo("app-orders");
    assertThat(claims.getStringListClaim("roles")).isEmpty();
    assertThat(claims.getJWTID()).hasSize(21).matches("[A-Za-z0-9_-]+");
    assertThat(claims.getSubject()).isEqualTo("orders-svc");
    assertThat(claims.getClaim("client_id")).isEqualTo("orders-svc");
    assertThat(claims.getIssuer()).isEqualTo("https://eu.userid.security");
    assertThat(claims.getAudience()).containsExactly("userid-api");
    assertThat(TestEmulator.payload(token).get("aud").isTextual()).isTrue();
    assertThat(claims.getClaim("scope")).isNull();
    assertThat(claims.getStringListClaim("ts_roles")).containsExactly("reader");
    assertThat(claims.getIssueTime().toInstant()).isAfter(before);
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(3_600_000);
    String payload = SignedJWT.parse(token).getPayload().toString();
    assertThat(payload)
        .containsSubsequence(
            "\"tid\"",
            "\"app_name\"",
            "\"app_id\"",
            "\"roles\"",
            "\"jti\"",
            "\"sub\"",
            "\"iat\"",
            "\"exp\"",
            "\"client_id\"",
            "\"iss\"",
            "\"aud\"");
  }

  @Test
  void gives_management_clients_the_admin_role() throws Exception {
    String token = emulator.http().accessToken("ops-admin", "admin-secret", Map.of());

    assertThat(emulator.verify(token).getStringListClaim("roles")).containsExactly("Admin");
  }

  @Test
  void generates_a_stable_app_id_and_uses_the_client_id_as_app_name_when_not_configured()
      throws Exception {
    JWTClaimsSet first =
        emulator.verify(emulator.http().accessToken("ops-admin", "admin-secret", Map.of()));
    JWTClaimsSet second =
        emulator.verify(emulator.http().accessToken("ops-admin", "admin-secret", Map.of()));

    assertThat(first.getStringClaim("app_id"))
        .isNotBlank()
        .isEqualTo(second.getStringClaim("app_id"));
    assertThat(first.getStringClaim("app_name")).isEqualTo("ops-admin");
  }

  @Test
  void puts_the_requested_resource_in_aud() throws Exception {
    String token =
        emulator.http().accessToken("orders-svc", "orders-secret", Map.of("resource", ORDERS));

    assertThat(emulator.verify(token).getAudience()).containsExactly(ORDERS);
    assertThat(TestEmulator.payload(token).get("aud").asText()).isEqualTo(ORDERS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://verify.identity.security",
        "https://risk.identity.security",
        "https://dv.identity.security"
      })
  void lets_every_client_request_transmit_service_resources(String resource) throws Exception {
    String token =
        emulator.http().accessToken("ops-admin", "admin-secret", Map.of("resource", resource));

    assertThat(emulator.verify(token).getAudience()).containsExactly(resource);
  }

  @Test
  void grants_and_echoes_a_requested_scope_the_tenant_knows() throws Exception {
    Reply reply =
        emulator
            .http()
            .token("orders-svc", "orders-secret", Map.of("scope", "openid  offline_access"));

    assertThat(reply.json().get("scope").asText()).isEqualTo("openid offline_access");
    String token = reply.json().get("access_token").asText();
    assertThat(emulator.verify(token).getClaim("scope")).isEqualTo("openid offline_access");
  }

  @Test
  void uses_the_resource_lifetime_when_the_client_has_none() {
    Reply reply = emulator.http().token("orders-svc", "orders-secret", Map.of("resource", SLOW));

    assertThat(reply.json().get("expires_in").asLong()).isEqualTo(300);
  }

  @Test
  void lets_the_client_lifetime_override_the_resource_lifetime() {
    Reply reply = emulator.http().token("slow-override", "s", Map.of("resource", SLOW));

    assertThat(reply.json().get("expires_in").asLong()).isEqualTo(42);
  }

  @Test
  void mints_instantly_expiring_tokens_for_a_zero_lifetime() throws Exception {
    Reply reply = emulator.http().token("instant", "instant-secret", Map.of());

    assertThat(reply.json().get("expires_in").asLong()).isZero();
    JWTClaimsSet claims = emulator.verify(reply.json().get("access_token").asText());
    assertThat(claims.getExpirationTime()).isEqualTo(claims.getIssueTime());
  }

  @Test
  void mints_already_expired_tokens_for_a_negative_lifetime() throws Exception {
    Reply reply = emulator.http().token("expired", "expired-secret", Map.of());

    assertThat(reply.json().get("expires_in").asLong()).isEqualTo(-600);
    JWTClaimsSet claims = emulator.verify(reply.json().get("access_token").asText());
    assertThat(claims.getExpirationTime()).isBefore(claims.getIssueTime());
  }

  @Test
  void issues_a_unique_jti_for_every_token() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(
          emulator
              .verify(emulator.http().accessToken("orders-svc", "orders-secret", Map.of()))
              .getJWTID());
    }
    assertThat(ids).hasSize(50);
  }

  @Test
  void never_issues_a_refresh_or_id_token() {
    JsonNode body = emulator.http().token("orders-svc", "orders-secret", Map.of()).json();

    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.has("id_token")).isFalse();
  }

  @Nested
  class TypHeader {
    @ParameterizedTest
    @ValueSource(strings = {"JWT", "none"})
    void follows_the_configured_typ(String typ) throws Exception {
      TokenTyp configured = typ.equals("JWT") ? TokenTyp.JWT : TokenTyp.NONE;
      try (TestEmulator custom =
          TestEmulator.start(
              dev.transmitmock.server.config.ConfigLoader.embeddedDefault().toBuilder()
                  .tokenTyp(configured)
                  .build())) {
        String token = custom.http().accessToken("demo-app", "demo-app-secret", Map.of());
        JWSHeader header = SignedJWT.parse(token).getHeader();
        if (configured == TokenTyp.JWT) {
          assertThat(header.getType().getType()).isEqualTo("JWT");
        } else {
          assertThat(header.getType()).isNull();
        }
      }
    }
  }
}
