package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static dev.transmitmock.server.testing.DemoConfig.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.RejectionCategory;
import dev.transmitmock.server.defects.TokenInspection;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /_mock/tokens/inspect}: every reason a careful consumer rejects a token. */
class TokenInspectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  private static final String PATH = "/_mock/tokens/inspect";

  private static JsonNode inspect(String token) {
    ObjectNode body = JSON.createObjectNode().put("token", token);
    return inspectWith(body);
  }

  private static JsonNode inspectWith(ObjectNode body) {
    Reply response = EMULATOR.http().post(PATH, body.toString());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String mint(String json) {
    Reply response = EMULATOR.http().post("/_mock/tokens", json);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("access_token").asText();
  }

  private static List<String> reasons(JsonNode inspection) {
    List<String> reasons = new ArrayList<>();
    inspection.get("findings").forEach(f -> reasons.add(f.get("reason").asText()));
    return reasons;
  }

  private static List<String> checks(JsonNode inspection) {
    List<String> checks = new ArrayList<>();
    inspection.get("findings").forEach(f -> checks.add(f.get("check").asText()));
    return checks;
  }

  private static String message(JsonNode inspection, String check) {
    for (JsonNode finding : inspection.get("findings")) {
      if (finding.get("check").asText().equals(check)) {
        return finding.get("message").asText();
      }
    }
    throw new AssertionError("no finding " + check + " in " + inspection);
  }

  private static long now() {
    return EMULATOR.server().clock().instant().getEpochSecond();
  }

  private static String segment(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_token_from_the_token_endpoint_is_accepted_and_names_the_key_that_signed_it() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);

    JsonNode inspection = inspect(token);

    assertThat(inspection.get("verdict").asText()).isEqualTo("accepted");
    assertThat(inspection.get("findings")).isEmpty();
    assertThat(inspection.get("signedBy").asText())
        .isEqualTo(EMULATOR.server().keys().active().kid());
    assertThat(inspection.get("claims").get("client_id").asText()).isEqualTo(APP);
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_catalog_defect_is_rejected_first_for_the_reason_the_catalog_expects(Defect defect) {
    String token = mint("{\"defect\":\"" + defect.id() + "\"}");

    JsonNode inspection = inspect(token);

    assertThat(inspection.get("verdict").asText()).isEqualTo("rejected");
    assertThat(reasons(inspection)).first().isEqualTo(defect.expectedRejection().name());
    assertThat(inspection.get("reasons").get(0).asText())
        .isEqualTo(defect.expectedRejection().name());
  }

  @Test
  void a_token_expiring_now_is_expired_on_a_frozen_clock_and_skew_sensitive() {
    EMULATOR.http().post("/_mock/clock", "{\"freeze\":true}");
    String token = mint("{\"defect\":\"expires-now\"}");

    JsonNode strict = inspect(token);
    JsonNode lenient =
        inspectWith(JSON.createObjectNode().put("token", token).put("clockSkew", "PT60S"));

    assertThat(checks(strict)).containsExactly("expired");
    assertThat(strict.get("notes").toString()).contains("60 s clock skew");
    assertThat(lenient.get("verdict").asText()).isEqualTo("accepted");
    assertThat(lenient.get("clockSkew").asText()).isEqualTo("PT1M");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alg-none", "alg-none-capitalized", "alg-none-uppercase"})
  void an_unsigned_token_is_refused_in_every_spelling_of_none(String defect) {
    JsonNode inspection = inspect(mint("{\"defect\":\"" + defect + "\"}"));

    assertThat(checks(inspection)).containsExactly("alg-none");
    assertThat(reasons(inspection)).containsExactly("UNSUPPORTED_ALGORITHM");
  }

  @Test
  void an_hmac_token_is_refused_as_algorithm_confusion() {
    JsonNode inspection = inspect(mint("{\"defect\":\"hs256-with-public-key\"}"));

    assertThat(checks(inspection)).containsExactly("alg-hmac");
    assertThat(message(inspection, "alg-hmac")).contains("HS256").contains("CVE-2016-10555");
  }

  @Test
  void an_algorithm_that_no_published_key_uses_is_refused() {
    JsonNode inspection = inspect(mint("{\"defect\":\"psychic-signature\"}"));

    assertThat(checks(inspection)).startsWith("alg-not-allowed");
    assertThat(message(inspection, "alg-not-allowed")).contains("ES256").contains("RS256");
  }

  @Test
  void a_token_without_kid_is_an_unknown_key() {
    JsonNode inspection = inspect(mint("{\"header\":{\"kid\":null}}"));

    assertThat(checks(inspection)).containsExactly("kid-missing");
    assertThat(reasons(inspection)).containsExactly("UNKNOWN_KEY");
  }

  @Test
  void a_kid_that_is_not_in_the_jwks_is_an_unknown_key() {
    JsonNode inspection = inspect(mint("{\"header\":{\"kid\":\"no-such-key\"}}"));

    assertThat(checks(inspection)).containsExactly("kid-unknown");
    assertThat(message(inspection, "kid-unknown")).contains("no-such-key");
  }

  @Test
  void a_token_of_a_key_retired_at_runtime_names_the_retired_key() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    String old = EMULATOR.server().keys().active().kid();
    EMULATOR.http().post("/_mock/keys/rotate", null);
    assertThat(EMULATOR.http().delete("/_mock/keys/" + old).status()).isEqualTo(200);

    JsonNode inspection = inspect(token);

    assertThat(checks(inspection)).containsExactly("kid-retired");
    assertThat(message(inspection, "kid-retired")).contains(old).contains("retired");
  }

  @Test
  void a_token_changed_after_signing_fails_the_signature() {
    JsonNode inspection = inspect(mint("{\"defect\":\"tampered-payload\"}"));

    assertThat(checks(inspection)).containsExactly("signature");
    assertThat(reasons(inspection)).containsExactly("BAD_SIGNATURE");
    assertThat(inspection.get("signedBy").isNull()).isTrue();
  }

  @Test
  void a_token_is_expired_once_the_emulator_clock_passes_its_exp() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    assertThat(inspect(token).get("verdict").asText()).isEqualTo("accepted");

    EMULATOR.http().post("/_mock/clock", "{\"advance\":\"PT2H\"}");
    JsonNode inspection = inspect(token);

    assertThat(checks(inspection)).containsExactly("expired");
    assertThat(message(inspection, "expired")).contains("before the emulator's clock");
  }

  @Test
  void iat_and_nbf_in_the_future_are_both_not_yet_valid() {
    long later = now() + 600;
    String token = mint("{\"claims\":{\"iat\":" + later + ",\"nbf\":" + later + "}}");

    JsonNode inspection = inspect(token);

    assertThat(checks(inspection)).containsExactly("nbf-in-the-future", "iat-in-the-future");
    assertThat(reasons(inspection)).containsOnly("NOT_YET_VALID");
  }

  @Test
  void a_foreign_issuer_is_the_wrong_issuer() {
    JsonNode inspection = inspect(mint("{\"claims\":{\"iss\":\"https://attacker.example\"}}"));

    assertThat(checks(inspection)).containsExactly("wrong-iss");
    assertThat(message(inspection, "wrong-iss"))
        .contains("https://attacker.example")
        .contains(EMULATOR.server().issuer());
  }

  @Test
  void an_audience_other_than_the_expected_one_is_the_wrong_audience() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET); // aud: the default audience

    JsonNode inspection =
        inspectWith(JSON.createObjectNode().put("token", token).put("audience", RESOURCE));

    assertThat(checks(inspection)).containsExactly("wrong-aud");
    assertThat(inspection.get("audience").asText()).isEqualTo(RESOURCE);
  }

  @Test
  void without_an_expected_audience_any_audience_of_the_tenant_is_accepted_and_others_are_not() {
    String forResource = mint("{\"clientId\":\"demo-app\",\"resource\":\"" + RESOURCE + "\"}");
    String foreign = mint("{\"claims\":{\"aud\":[\"https://api.elsewhere.example\"]}}");

    assertThat(inspect(forResource).get("verdict").asText()).isEqualTo("accepted");
    assertThat(checks(inspect(foreign))).containsExactly("wrong-aud");
  }

  @Test
  void every_missing_required_claim_is_reported() {
    String token =
        mint("{\"claims\":{\"exp\":null,\"iat\":null,\"iss\":null,\"aud\":null,\"sub\":null}}");

    JsonNode inspection = inspect(token);

    assertThat(checks(inspection))
        .containsExactly("missing-exp", "missing-iat", "missing-iss", "missing-aud", "missing-sub");
    assertThat(reasons(inspection)).containsOnly("MISSING_CLAIM");
  }

  @Test
  void a_typ_of_another_kind_of_jwt_is_the_wrong_type() {
    JsonNode inspection = inspect(mint("{\"header\":{\"typ\":\"secevent+jwt\"}}"));

    assertThat(checks(inspection)).containsExactly("typ");
    assertThat(reasons(inspection)).containsExactly("WRONG_TYPE");
  }

  @Test
  void an_at_jwt_token_carries_a_note_about_default_nimbus_and_spring_set_ups() {
    JsonNode inspection = inspect(EMULATOR.http().accessToken(APP, APP_SECRET));

    assertThat(inspection.get("notes").toString()).contains("NimbusJwtDecoder");
  }

  @Test
  void a_critical_header_parameter_makes_the_token_malformed_though_the_signature_holds() {
    JsonNode inspection = inspect(mint("{\"defect\":\"unknown-crit\"}"));

    assertThat(checks(inspection)).containsExactly("crit");
    assertThat(inspection.get("signedBy").isTextual()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "a.b",
        "eyJhbGciOiJSUzI1NiJ9.e30.c2ln.eA.eA",
        "!!!.e30.c2ln",
        "e30.e30.",
        "bm90IGpzb24.e30.c2ln",
        "W10.e30.c2ln",
        ".....",
        "\u00e9\u00e8.\u0000.\t",
        "eyJhbGciOiJSUzI1NiIsImFsZyI6Ik5PTkUifQ.e30.c2ln"
      })
  void a_token_that_is_not_a_well_formed_jws_is_malformed_first(String token) {
    JsonNode inspection = inspect(token);

    assertThat(inspection.get("verdict").asText()).isEqualTo("rejected");
    assertThat(reasons(inspection)).first().isEqualTo("MALFORMED");
  }

  @Test
  void a_claim_of_the_wrong_type_is_malformed() {
    String header =
        segment("{\"alg\":\"RS256\",\"kid\":\"" + EMULATOR.server().keys().active().kid() + "\"}");
    String claims = segment("{\"exp\":\"tomorrow\",\"aud\":42}");

    JsonNode inspection = inspect(header + "." + claims + ".c2ln");

    assertThat(checks(inspection)).contains("claim-type");
    assertThat(inspection.get("findings").toString()).contains("exp is not a NumericDate");
  }

  @Test
  void a_token_with_several_defects_gets_every_reason_in_the_order_a_verifier_checks() {
    long past = now() - 3600;
    String token =
        mint(
            "{\"defect\":\"alg-none\",\"claims\":{\"iss\":\"https://attacker.example\",\"exp\":"
                + past
                + "}}");

    JsonNode inspection = inspect(token);

    assertThat(reasons(inspection))
        .containsExactly("UNSUPPORTED_ALGORITHM", "EXPIRED", "WRONG_ISSUER");
    assertThat(inspection.get("reasons").toString())
        .isEqualTo("[\"UNSUPPORTED_ALGORITHM\",\"EXPIRED\",\"WRONG_ISSUER\"]");
  }

  @Test
  void the_answer_shows_the_decoded_parts_and_never_the_token() throws Exception {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    String signature = SignedJWT.parse(token).getSignature().toString();

    Reply response =
        EMULATOR.http().post(PATH, JSON.createObjectNode().put("token", token).toString());

    assertThat(response.body()).doesNotContain(token).doesNotContain(signature);
    assertThat(response.json().get("header").get("alg").asText()).isEqualTo("RS256");
    assertThat(response.json().get("checkedAt").asText()).endsWith("Z");
  }

  @Test
  void a_revoked_token_is_still_accepted_by_a_local_verifier_with_a_note() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    Reply revoked =
        EMULATOR
            .http()
            .postForm(
                EMULATOR.server().revocationEndpoint().toString(),
                "token="
                    + token
                    + "&client_id="
                    + APP
                    + "&client_secret="
                    + TestHttp.encode(APP_SECRET));
    assertThat(revoked.status()).isEqualTo(200);

    JsonNode inspection = inspect(token);

    assertThat(inspection.get("verdict").asText()).isEqualTo("accepted");
    assertThat(inspection.get("notes").toString()).contains("revoked at the emulator");
  }

  @Test
  void a_bearer_prefix_and_surrounding_white_space_are_ignored() {
    JsonNode inspection =
        inspect("  Bearer " + EMULATOR.http().accessToken(APP, APP_SECRET) + "\n");

    assertThat(inspection.get("verdict").asText()).isEqualTo("accepted");
  }

  @Test
  void the_java_api_gives_the_same_verdict() {
    String token = mint("{\"defect\":\"wrong-issuer\"}");

    TokenInspection inspection = EMULATOR.server().tokenInspector().inspect(token);

    assertThat(inspection.firstReason()).contains(RejectionCategory.WRONG_ISSUER);
    assertThat(reasons(inspect(token))).containsExactly("WRONG_ISSUER");
  }

  @Test
  void a_request_without_a_token_names_the_field() {
    Reply response = EMULATOR.http().post(PATH, "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText()).isEqualTo("token: is required");
  }

  @Test
  void an_unknown_field_is_refused() {
    Reply response = EMULATOR.http().post(PATH, "{\"token\":\"x\",\"tokne\":1}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText())
        .startsWith("tokne: unknown field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"60s", "-PT1S", "P2D"})
  void a_clock_skew_that_is_not_a_duration_between_zero_and_a_day_is_refused(String skew) {
    Reply response =
        EMULATOR
            .http()
            .post(
                PATH, JSON.createObjectNode().put("token", "x").put("clockSkew", skew).toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText()).startsWith("clockSkew: ");
  }

  @Test
  void a_blank_expected_audience_is_refused() {
    Reply response = EMULATOR.http().post(PATH, "{\"token\":\"x\",\"audience\":\" \"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText()).startsWith("audience: ");
  }

  @Test
  void inspecting_changes_nothing_on_the_emulator() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    int journalSize = EMULATOR.server().journal().size();
    String kidBefore = EMULATOR.server().keys().active().kid();

    inspect(token);
    inspect(mint("{\"defect\":\"expired\"}"));

    assertThat(EMULATOR.server().journal().size()).isEqualTo(journalSize);
    assertThat(EMULATOR.server().keys().state().published()).hasSize(1);
    assertThat(EMULATOR.server().keys().active().kid()).isEqualTo(kidBefore);
  }
}
