package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.14: app-specific token signing keys (Transmit's "token signing keys" and
 * "app-specific token signing keys" pages). The tokens of an app's clients carry the app's domain
 * as issuer and are signed by the app's own key, published in the app's JWKS; tokens signed with
 * the global key before the switch stay valid for about 14 days, during which the app's JWKS serves
 * both public keys.
 */
class AppSpecificSigningKeysTest {
  private static final String APP_ISSUER = "https://orders.app.transmitsecurity.io";
  private static final String GLOBAL_ISSUER = "https://userid.security";
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start(config(ApplicationConfig.builder("app-orders")).build());
  }

  private static MockConfig.Builder config(ApplicationConfig.Builder app) {
    return MockConfig.builder()
        .application(app.issuer(APP_ISSUER).build())
        .client(
            ClientConfig.builder("orders-svc")
                .secret("s")
                .appId("app-orders")
                .tokenLifetime(Duration.ofDays(30))
                .build())
        .client(ClientConfig.builder("other-svc").secret("s").build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.server().reset();
  }

  private static String kidOf(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static Set<String> kids(TestEmulator target, String path) throws Exception {
    JWKSet set = JWKSet.parse(target.http().get(path, Map.of()).body());
    return set.getKeys().stream()
        .map(k -> k.getKeyID())
        .collect(java.util.stream.Collectors.toSet());
  }

  private static String globalKid() {
    return emulator.server().keys().active().kid();
  }

  private static boolean active(String token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", "other-svc");
    form.put("client_secret", "s");
    form.put("token", token);
    return emulator
        .http()
        .postForm("/oidc/token/introspection", form)
        .json()
        .get("active")
        .asBoolean();
  }

  private static String mintedWithGlobalKey() {
    Reply reply =
        emulator
            .http()
            .post(
                "/_mock/tokens",
                "application/json",
                "{\"clientId\":\"orders-svc\",\"globalKey\":true}",
                Map.of());
    return reply.json().get("access_token").asText();
  }

  @Test
  void an_apps_client_gets_the_apps_domain_as_issuer_and_the_apps_key() throws Exception {
    String token = emulator.http().accessToken("orders-svc", "s", Map.of());

    assertThat(TestEmulator.payload(token).get("iss").asText()).isEqualTo(APP_ISSUER);
    assertThat(kids(emulator, "/apps/app-orders/oidc/jwks")).contains(kidOf(token));
    assertThat(kids(emulator, "/cis/oidc/jwks")).doesNotContain(kidOf(token));
  }

  @Test
  void a_verifier_set_up_for_the_apps_issuer_and_jwks_accepts_its_token() throws Exception {
    String token = emulator.http().accessToken("orders-svc", "s", Map.of());
    DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
    verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
    verifier.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256,
            JWKSourceBuilder.create(emulator.server().applicationJwksUri("app-orders").toURL())
                .retrying(false)
                .build()));
    verifier.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(APP_ISSUER).build(), Set.of("exp")));

    JWTClaimsSet claims = verifier.process(token, null);

    assertThat(claims.getSubject()).isEqualTo("orders-svc");
  }

  @Test
  void other_clients_keep_the_tenants_issuer_and_global_key() throws Exception {
    String token = emulator.http().accessToken("other-svc", "s", Map.of());

    assertThat(TestEmulator.payload(token).get("iss").asText()).isEqualTo(GLOBAL_ISSUER);
    assertThat(kidOf(token)).isEqualTo(globalKid());
  }

  @Test
  void the_apps_jwks_serves_the_global_keys_only_during_the_transition_window() throws Exception {
    Set<String> during = kids(emulator, "/apps/app-orders/oidc/jwks");
    emulator.server().clock().advance(Duration.ofDays(14).plusSeconds(1));
    Set<String> after = kids(emulator, "/apps/app-orders/oidc/jwks");

    assertThat(during).contains(globalKid()).hasSize(2);
    assertThat(after).doesNotContain(globalKid()).hasSize(1);
  }

  @Test
  void a_token_the_app_got_with_the_global_key_stays_valid_for_the_transition_window()
      throws Exception {
    String legacy = mintedWithGlobalKey();

    boolean activeDuring = active(legacy);
    emulator.server().clock().advance(Duration.ofDays(14).plusSeconds(1));
    boolean activeAfter = active(legacy);

    assertThat(TestEmulator.payload(legacy).get("iss").asText()).isEqualTo(GLOBAL_ISSUER);
    assertThat(kidOf(legacy)).isEqualTo(globalKid());
    assertThat(activeDuring).isTrue();
    assertThat(activeAfter).isFalse();
  }

  @Test
  void the_apps_own_tokens_introspect_active_and_only_under_the_apps_issuer() {
    String token = emulator.http().accessToken("orders-svc", "s", Map.of());
    String wrongIssuer =
        emulator
            .http()
            .post(
                "/_mock/tokens",
                "application/json",
                "{\"clientId\":\"orders-svc\",\"claims\":{\"iss\":\"" + GLOBAL_ISSUER + "\"}}",
                Map.of())
            .json()
            .get("access_token")
            .asText();

    assertThat(active(token)).isTrue();
    assertThat(active(wrongIssuer)).isFalse();
  }

  @Test
  void the_apps_discovery_names_its_issuer_and_jwks_and_the_tenants_endpoints() {
    JsonNode discovery =
        emulator.http().get("/apps/app-orders/.well-known/openid-configuration", Map.of()).json();
    String base = emulator.server().baseUrl().toString();

    assertThat(discovery.get("issuer").asText()).isEqualTo(APP_ISSUER);
    assertThat(discovery.get("jwks_uri").asText()).isEqualTo(base + "/apps/app-orders/oidc/jwks");
    assertThat(discovery.get("token_endpoint").asText()).isEqualTo(base + "/cis/oidc/token");
    assertThat(emulator.server().applicationDiscoveryUri("app-orders").toString())
        .isEqualTo(base + "/apps/app-orders/.well-known/openid-configuration");
  }

  @Test
  void the_transition_window_and_the_jwks_path_are_configurable() throws Exception {
    try (TestEmulator custom =
        TestEmulator.start(
            config(
                    ApplicationConfig.builder("app-orders")
                        .globalKeyAcceptedFor(Duration.ZERO)
                        .jwksPath("/orders/.well-known/jwks.json"))
                .build())) {
      String token = custom.http().accessToken("orders-svc", "s", Map.of());

      assertThat(kids(custom, "/orders/.well-known/jwks.json")).containsExactly(kidOf(token));
      assertThat(custom.server().applicationJwksUri("app-orders"))
          .isEqualTo(URI.create(custom.server().baseUrl() + "/orders/.well-known/jwks.json"));
    }
  }

  @Test
  void a_reset_keeps_the_apps_keys() throws Exception {
    Set<String> before = kids(emulator, "/apps/app-orders/oidc/jwks");

    emulator.server().reset();

    assertThat(kids(emulator, "/apps/app-orders/oidc/jwks")).isEqualTo(before);
  }

  @Test
  void an_application_is_read_from_yaml() {
    MockConfig config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "applications:",
                "  - appId: app-orders",
                "    issuer: " + APP_ISSUER,
                "    jwksPath: /orders/jwks",
                "    globalKeyAcceptedFor: P7D",
                "clients:",
                "  - {clientId: orders-svc, clientSecret: s, appId: app-orders}"),
            "t.yaml");

    ApplicationConfig app = config.applications().get(0);
    assertThat(app.issuer()).isEqualTo(APP_ISSUER);
    assertThat(app.jwksPath()).isEqualTo("/orders/jwks");
    assertThat(app.globalKeyAcceptedFor()).isEqualTo(Duration.ofDays(7));
    assertThat(config.applicationOf(config.clients().get(0))).contains(app);
  }

  @Test
  void an_application_without_its_own_domain_is_a_configuration_error() {
    assertThatThrownBy(() -> ConfigLoader.parse("applications: [{appId: app-orders}]", "t.yaml"))
        .hasMessage("t.yaml: applications[0].issuer: is required");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "applications: [{appId: app-orders, issuer: " + GLOBAL_ISSUER + "}]", "t.yaml"))
        .hasMessageContaining("applications[0].issuer")
        .hasMessageContaining("own domain");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "applications: [{appId: a, issuer: https://a.example, jwksPath: /cis/oidc/x}]",
                    "t.yaml"))
        .hasMessageContaining("applications[0].jwksPath");
  }
}
