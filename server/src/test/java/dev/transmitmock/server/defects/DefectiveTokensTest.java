package dev.transmitmock.server.defects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.keys.SigningKey;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.server.token.OAuthException;
import dev.transmitmock.server.token.TokenService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every defective token against a careful Nimbus consumer that fetches the emulator's JWKS over
 * real HTTP on loopback.
 */
class DefectiveTokensTest {
  private static final String APP_CLIENT = "demo-app";
  private static final String APP_SECRET = "demo-app-secret";
  private static final String APP_RESOURCE = "https://api.example.test";
  private static final int DEFAULT_NIMBUS_SKEW_SECONDS = 60;

  private static TransmitMockServer server;
  private static DefectiveTokens defects;
  private static CarefulConsumer consumer;
  private static CarefulConsumer resourceConsumer;
  private static CarefulConsumer lenientConsumer;

  @BeforeAll
  static void startServer() {
    server = TransmitMockServer.builder().port(0).build().start();
    server.keys().active(); // waits for the background key generation
    TokenService tokens =
        new TokenService(
            server.config(), server.clients(), server.keys(), server.clock(), server.journal());
    defects = new DefectiveTokens(tokens, server.keys(), server.config(), server.clock());
    String defaultAudience = server.config().defaultAudience();
    consumer = new CarefulConsumer(server, defaultAudience, 0);
    resourceConsumer = new CarefulConsumer(server, APP_RESOURCE, 0);
    lenientConsumer = new CarefulConsumer(server, defaultAudience, DEFAULT_NIMBUS_SKEW_SECONDS);
  }

  @AfterAll
  static void stopServer() {
    consumer.close();
    resourceConsumer.close();
    lenientConsumer.close();
    server.close();
  }

  @AfterEach
  void resetServer() {
    server.reset();
  }

  @Test
  void the_consumer_accepts_a_token_from_the_token_endpoint() throws Exception {
    assertThat(consumer.rejection(tokenFromEndpoint())).isEmpty();
  }

  @Test
  void the_consumer_accepts_a_valid_minted_token() {
    assertThat(consumer.rejection(defects.mintValid(TokenSpec.defaults()))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_defect_is_rejected_for_its_expected_reason(Defect defect) {
    String token = defects.mint(defect, TokenSpec.defaults());

    assertThat(consumer.rejection(token)).as(defect.id()).contains(defect.expectedRejection());
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_defect_for_a_resource_is_rejected_for_its_expected_reason(Defect defect) {
    TokenSpec spec = TokenSpec.builder().clientId(APP_CLIENT).resource(APP_RESOURCE).build();
    assertThat(resourceConsumer.rejection(defects.mintValid(spec))).isEmpty();

    String token = defects.mint(defect, spec);

    assertThat(resourceConsumer.rejection(token))
        .as(defect.id())
        .contains(defect.expectedRejection());
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void a_consumer_with_the_common_60_s_skew_accepts_exactly_the_skew_sensitive_defects(
      Defect defect) {
    Optional<RejectionCategory> rejection = lenientConsumer.rejection(defects.mint(defect));

    if (defect.skewSensitive()) {
      assertThat(rejection).as(defect.id()).isEmpty();
    } else {
      assertThat(rejection).as(defect.id()).contains(defect.expectedRejection());
    }
  }

  @Test
  void a_defect_changes_only_its_own_claims() throws Exception {
    server.clock().freeze();
    Map<String, Object> good = claims(defects.mintValid(TokenSpec.defaults()));

    Map<String, Object> wrongAudience = claims(defects.mint(Defect.WRONG_AUDIENCE));
    Map<String, Object> missingExp = claims(defects.mint(Defect.MISSING_EXP));
    Map<String, Object> expired = claims(defects.mint(Defect.EXPIRED));

    assertThat(withoutJti(wrongAudience))
        .isEqualTo(with(withoutJti(good), "aud", Recipes.WRONG_AUDIENCE));
    assertThat(withoutJti(missingExp)).isEqualTo(with(withoutJti(good), "exp", null));
    long now = server.clock().instant().getEpochSecond();
    long lifetime = ((Number) good.get("exp")).longValue() - ((Number) good.get("iat")).longValue();
    long exp = now - Defect.beyondSkew().toSeconds();
    assertThat(withoutJti(expired))
        .isEqualTo(with(with(withoutJti(good), "exp", exp), "iat", exp - lifetime));
  }

  @Test
  void a_valid_token_carries_exactly_the_claim_and_header_overrides() throws Exception {
    server.clock().freeze();
    Map<String, Object> good = claims(defects.mintValid(TokenSpec.defaults()));
    TokenSpec spec =
        TokenSpec.builder()
            .claim("roles", List.of("Admin"))
            .claim("custom", Map.of("level", 3))
            .removeClaim("app_name")
            .header("x-test", "yes")
            .removeHeader("typ")
            .build();

    String token = defects.mintValid(spec);

    JWSObject jws = JWSObject.parse(token);
    SigningKey active = server.keys().active();
    assertThat(jws.verify(new RSASSAVerifier((RSAKey) active.publicJwk()))).isTrue();
    assertThat(jws.getHeader().toJSONObject())
        .isEqualTo(Map.of("alg", "RS256", "kid", active.kid(), "x-test", "yes"));
    Map<String, Object> expected = withoutJti(good);
    expected.put("roles", List.of("Admin"));
    expected.put("custom", Map.of("level", 3L));
    expected.remove("app_name");
    assertThat(withoutJti(claims(token))).isEqualTo(expected);
    assertThat(consumer.rejection(token)).isEmpty();
  }

  @Test
  void spec_overrides_are_applied_before_the_defect() throws Exception {
    TokenSpec spec = TokenSpec.builder().claim("exp", 4_102_444_800L).claim("x", "y").build();

    Map<String, Object> claims = claims(defects.mint(Defect.MISSING_EXP, spec));

    assertThat(claims).doesNotContainKey("exp").containsEntry("x", "y");
  }

  @Test
  void a_resource_decides_the_audience_as_on_the_wire() throws Exception {
    TokenSpec spec = TokenSpec.builder().clientId(APP_CLIENT).resource(APP_RESOURCE).build();

    assertThat(claims(defects.mint(Defect.MISSING_KID, spec)))
        .containsEntry("aud", APP_RESOURCE)
        .containsEntry("sub", APP_CLIENT);
  }

  @Test
  void minting_every_defect_leaves_keys_jwks_and_journal_unchanged() throws Exception {
    String activeKid = server.keys().active().kid();
    String jwks = httpGet(server.jwksUri());
    int journalSize = server.journal().entries().size();

    for (Defect defect : Defect.values()) {
      defects.mint(defect);
    }

    assertThat(server.keys().active().kid()).isEqualTo(activeKid);
    assertThat(httpGet(server.jwksUri())).isEqualTo(jwks);
    assertThat(server.journal().entries()).hasSize(journalSize);
  }

  @Test
  void the_hs256_defect_is_keyed_with_the_pem_of_the_public_key() throws Exception {
    JWSObject jws = JWSObject.parse(defects.mint(Defect.HS256_WITH_PUBLIC_KEY));
    String pem = Recipes.publicKeyPem(server.keys().active());

    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
    assertThat(jws.getHeader().getKeyID()).isEqualTo(server.keys().active().kid());
    assertThat(jws.verify(new MACVerifier(pem.getBytes(StandardCharsets.US_ASCII)))).isTrue();
  }

  @Test
  void the_path_traversal_defect_is_keyed_with_the_empty_key() throws Exception {
    String token = defects.mint(Defect.KID_PATH_TRAVERSAL);
    int lastDot = token.lastIndexOf('.');
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[1], "HmacSHA256"));
    byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));

    assertThat(CarefulConsumer.header(token)).containsEntry("kid", "../../../../../../dev/null");
    assertThat(token.substring(lastDot + 1)).isEqualTo(Base64URL.encode(expected).toString());
  }

  @Test
  void the_embedded_jwk_defect_verifies_with_the_embedded_key_only() throws Exception {
    JWSObject jws = JWSObject.parse(defects.mint(Defect.EMBEDDED_JWK));
    JWK embedded = jws.getHeader().getJWK();

    assertThat(jws.getHeader().getKeyID()).isEqualTo(server.keys().active().kid());
    assertThat(jws.verify(new RSASSAVerifier(embedded.toRSAKey()))).isTrue();
    assertThat(
            JWSObject.parse(jws.serialize())
                .verify(new RSASSAVerifier((RSAKey) server.keys().active().publicJwk())))
        .isFalse();
  }

  @Test
  void the_kid_injection_and_smuggling_defects_are_signed_by_the_real_key() throws Exception {
    RSAKey published = (RSAKey) server.keys().active().publicJwk();
    String sql = defects.mint(Defect.KID_SQL_INJECTION);
    String smuggled = defects.mint(Defect.NON_BASE64URL);

    assertThat(JWSObject.parse(sql).verify(new RSASSAVerifier(published))).isTrue();
    assertThat(smuggled).contains(Recipes.ILLEGAL_CHARACTER);
    assertThat(JWSObject.parse(smuggled).verify(new RSASSAVerifier(published))).isTrue();
  }

  @Test
  void the_psychic_signature_is_64_zero_bytes_under_a_published_kid() {
    String token = defects.mint(Defect.PSYCHIC_SIGNATURE);

    assertThat(CarefulConsumer.header(token))
        .containsEntry("alg", "ES256")
        .containsEntry("kid", server.keys().active().kid());
    assertThat(Base64URL.from(token.substring(token.lastIndexOf('.') + 1)).decode())
        .hasSize(64)
        .containsOnly((byte) 0);
  }

  @Test
  void an_unknown_defect_id_is_refused() {
    assertThatThrownBy(() -> defects.mint("no-such-defect", TokenSpec.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known defects: expired");
  }

  @Test
  void an_unknown_client_is_refused_as_on_the_wire() {
    assertThatThrownBy(() -> defects.mint(Defect.EXPIRED, TokenSpec.forClient("nobody")))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("nobody");
  }

  @Test
  void an_override_value_that_is_not_json_is_refused() {
    assertThatThrownBy(() -> TokenSpec.builder().claim("when", new Object()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claim when: unsupported value type Object");
  }

  @Test
  void instants_in_overrides_become_epoch_seconds() throws Exception {
    java.time.Instant in2031 = java.time.Instant.parse("2031-01-01T00:00:00Z");

    String token = defects.mintValid(TokenSpec.builder().claim("exp", in2031).build());

    assertThat(claims(token)).containsEntry("exp", in2031.getEpochSecond());
  }

  private static Map<String, Object> claims(String token) throws Exception {
    String payload = token.split("\\.")[1];
    return JSONObjectUtils.parse(Base64URL.from(payload).decodeToString());
  }

  private static Map<String, Object> withoutJti(Map<String, Object> claims) {
    Map<String, Object> copy = new LinkedHashMap<>(claims);
    copy.remove("jti");
    return copy;
  }

  private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(claims);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return copy;
  }

  private static String tokenFromEndpoint() {
    Reply response = TestHttp.to(server.baseUrl()).token(APP_CLIENT, APP_SECRET);
    assertThat(response.status()).isEqualTo(200);
    return response.accessToken();
  }

  private static String httpGet(URI uri) {
    Reply response = TestHttp.plain().get(uri);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }
}
