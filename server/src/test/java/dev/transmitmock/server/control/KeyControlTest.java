package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyControlTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  private static List<String> jwksKids() throws Exception {
    return JWKSet.parse(EMULATOR.http().get(EMULATOR.server().jwksUri().getPath()).body())
        .getKeys()
        .stream()
        .map(JWK::getKeyID)
        .toList();
  }

  private static String kidOf(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static DefaultJWTProcessor<SecurityContext> consumerOfCurrentJwks() throws Exception {
    JWKSet jwks = JWKSet.parse(EMULATOR.http().get(EMULATOR.server().jwksUri().getPath()).body());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier((type, context) -> {});
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new ImmutableJWKSet<>(jwks)));
    return processor;
  }

  @Test
  void rotation_publishes_a_new_active_key_next_to_the_old_one() throws Exception {
    String oldKid = EMULATOR.server().keys().active().kid();

    String newKid = EMULATOR.server().keys().rotate().kid();

    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(jwksKids()).containsExactly(oldKid, newKid);
    assertThat(kidOf(EMULATOR.http().accessToken(APP, APP_SECRET))).isEqualTo(newKid);
  }

  @Test
  void a_retired_key_leaves_the_jwks_and_its_tokens_fail_verification() throws Exception {
    String oldToken = EMULATOR.http().accessToken(APP, APP_SECRET);
    String oldKid = kidOf(oldToken);
    assertThat(consumerOfCurrentJwks().process(oldToken, null)).isNotNull();

    EMULATOR.server().keys().rotate();
    EMULATOR.server().keys().retire(oldKid);

    assertThat(jwksKids()).doesNotContain(oldKid);
    DefaultJWTProcessor<SecurityContext> consumer = consumerOfCurrentJwks();
    assertThatThrownBy(() -> consumer.process(oldToken, null))
        .isInstanceOf(BadJOSEException.class)
        .hasMessageContaining("no matching key");
    assertThat(consumer.process(EMULATOR.http().accessToken(APP, APP_SECRET), null)).isNotNull();
  }

  @Test
  void the_active_key_cannot_be_retired() {
    String active = EMULATOR.server().keys().active().kid();

    assertThatThrownBy(() -> EMULATOR.server().keys().retire(active))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is active");
  }

  // --- over HTTP ----------------------------------------------------------------------------

  @Test
  void http_get_keys_lists_the_active_key() {
    JsonNode keys = EMULATOR.http().get("/_mock/keys").json();

    assertThat(keys.get("active").asText()).isEqualTo(EMULATOR.server().keys().active().kid());
    assertThat(keys.get("keys")).hasSize(1);
    assertThat(keys.get("keys").get(0).get("status").asText()).isEqualTo("active");
    assertThat(keys.get("keys").get(0).get("algorithm").asText()).isEqualTo("RS256");
    assertThat(keys.toString()).doesNotContain("\"d\"");
  }

  @Test
  void http_rotate_changes_the_signing_key_and_keeps_the_old_one_published() throws Exception {
    String oldKid = EMULATOR.server().keys().active().kid();

    Reply rotated = EMULATOR.http().post("/_mock/keys/rotate", null);

    assertThat(rotated.status()).isEqualTo(200);
    String newKid = rotated.json().get("kid").asText();
    assertThat(rotated.json().get("previous").asText()).isEqualTo(oldKid);
    assertThat(jwksKids()).containsExactly(oldKid, newKid);
    assertThat(kidOf(EMULATOR.http().accessToken(APP, APP_SECRET))).isEqualTo(newKid);
  }

  @Test
  void http_a_key_can_be_added_activated_and_the_old_one_retired() throws Exception {
    String oldKid = EMULATOR.server().keys().active().kid();

    Reply added =
        EMULATOR.http().post("/_mock/keys", "{\"kid\":\"next-key\",\"algorithm\":\"ES256\"}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(jwksKids()).containsExactly(oldKid, "next-key");
    assertThat(kidOf(EMULATOR.http().accessToken(APP, APP_SECRET))).isEqualTo(oldKid);

    assertThat(EMULATOR.http().post("/_mock/keys/next-key/activate", null).status()).isEqualTo(200);
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    assertThat(kidOf(token)).isEqualTo("next-key");
    assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);

    Reply retired = EMULATOR.http().delete("/_mock/keys/" + oldKid);
    assertThat(retired.status()).isEqualTo(200);
    assertThat(jwksKids()).containsExactly("next-key");
    assertThat(retired.json().get("keys").findValuesAsText("status")).contains("retired");
  }

  @Test
  void http_adding_a_key_with_activate_signs_with_it_at_once() throws Exception {
    EMULATOR.http().post("/_mock/keys", "{\"kid\":\"hot\",\"activate\":true}");

    assertThat(kidOf(EMULATOR.http().accessToken(APP, APP_SECRET))).isEqualTo("hot");
  }

  @Test
  void http_key_errors_are_json_with_the_right_status() {
    String active = EMULATOR.server().keys().active().kid();

    Reply retireActive = EMULATOR.http().delete("/_mock/keys/" + active);
    assertThat(retireActive.status()).isEqualTo(409);
    assertThat(retireActive.json().get("error").asText()).isEqualTo("conflict");

    assertThat(EMULATOR.http().delete("/_mock/keys/nope").status()).isEqualTo(404);
    assertThat(EMULATOR.http().post("/_mock/keys/nope/activate", null).status()).isEqualTo(404);

    Reply badAlgorithm = EMULATOR.http().post("/_mock/keys", "{\"algorithm\":\"HS256\"}");
    assertThat(badAlgorithm.status()).isEqualTo(400);
    assertThat(badAlgorithm.json().get("error_description").asText()).startsWith("algorithm:");

    Reply duplicate = EMULATOR.http().post("/_mock/keys", "{\"kid\":\"" + active + "\"}");
    assertThat(duplicate.status()).isEqualTo(409);
  }
}
