package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.ErrorStyle;
import dev.transmitmock.server.config.TokenTyp;
import dev.transmitmock.server.defects.RejectionCategory;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET/PATCH/DELETE /_mock/settings} and {@code server.settings()}, over real HTTP. */
class SettingsControlTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  private static final String PATH = "/_mock/settings";
  private static final String OTHER_ISSUER = "https://tenant-b.example.test";

  private static Reply patch(String body) {
    return EMULATOR.http().send("PATCH", PATH, body);
  }

  private static SignedJWT token() throws Exception {
    Reply response = EMULATOR.http().token(APP, APP_SECRET);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return SignedJWT.parse(response.json().get("access_token").asText());
  }

  @Test
  void get_lists_the_start_up_settings() {
    JsonNode settings = (EMULATOR.http().get(PATH)).json();

    assertThat(settings.get("tokenTyp").asText()).isEqualTo("at+jwt");
    assertThat(settings.get("errorStyle").asText()).isEqualTo("oauth");
    assertThat(settings.get("issuer").asText()).isEqualTo(EMULATOR.server().config().issuer());
    assertThat(settings.get("tokenLifetime").asText()).isEqualTo("PT1H");
    assertThat(settings.get("verboseErrors").asBoolean()).isFalse();
    assertThat(settings.get("alwaysIncludeScope").asBoolean()).isFalse();
  }

  @Test
  void both_typ_values_and_none_from_one_server() throws Exception {
    assertThat(token().getHeader().getType().getType()).isEqualTo("at+jwt");

    assertThat(patch("{\"tokenTyp\":\"JWT\"}").json().get("tokenTyp").asText()).isEqualTo("JWT");
    assertThat(token().getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(EMULATOR.server().defectiveToken(dev.transmitmock.server.defects.Defect.EXPIRED))
        .isNotNull();

    patch("{\"tokenTyp\":\"none\"}");
    assertThat(token().getHeader().getType()).isNull();
  }

  @Test
  void the_error_style_changes_the_next_error() {
    patch("{\"errorStyle\":\"transmit-rest\",\"verboseErrors\":true}");

    Reply refused = EMULATOR.http().token(APP, "wrong");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("error_code").asInt()).isEqualTo(401);

    patch("{\"errorStyle\":\"oauth\"}");
    JsonNode oauth = (EMULATOR.http().token(APP, "wrong")).json();
    assertThat(oauth.get("error").asText()).isEqualTo("invalid_client");
    assertThat(oauth.get("error_detail").asText()).isEqualTo("invalid secret provided");
  }

  @Test
  void the_default_lifetime_changes_expires_in_and_exp() throws Exception {
    patch("{\"tokenLifetime\":\"PT5M\"}");

    Reply response = EMULATOR.http().token(APP, APP_SECRET);

    assertThat(response.json().get("expires_in").asLong()).isEqualTo(300);
    patch("{\"tokenLifetime\":120}");
    var claims = token().getJWTClaimsSet();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(120_000);
  }

  @Test
  void always_include_scope_adds_an_empty_scope() {
    patch("{\"alwaysIncludeScope\":true}");

    JsonNode body = (EMULATOR.http().token(APP, APP_SECRET)).json();

    assertThat(body.get("scope").asText()).isEmpty();
  }

  @Test
  void a_changed_issuer_is_the_iss_discovery_issuer_inspector_issuer_and_introspection_issuer()
      throws Exception {
    String before = EMULATOR.http().accessToken(APP, APP_SECRET);

    patch("{\"issuer\":\"" + OTHER_ISSUER + "\"}");

    assertThat(token().getJWTClaimsSet().getIssuer()).isEqualTo(OTHER_ISSUER);
    assertThat(EMULATOR.server().issuer()).isEqualTo(OTHER_ISSUER);
    JsonNode discovery = (EMULATOR.http().get("/cis/oidc/.well-known/openid-configuration")).json();
    assertThat(discovery.get("issuer").asText()).isEqualTo(OTHER_ISSUER);
    JsonNode client = (EMULATOR.http().get("/_mock/clients")).json().get("clients").get(0);
    assertThat(client.get("issuer").asText()).isEqualTo(OTHER_ISSUER);
    String after = EMULATOR.http().accessToken(APP, APP_SECRET);
    assertThat(EMULATOR.server().tokenInspector().inspect(after).accepted()).isTrue();
    assertThat(EMULATOR.server().tokenInspector().inspect(before).firstReason())
        .contains(RejectionCategory.WRONG_ISSUER);
    assertThat(introspect(after).get("active").asBoolean()).isTrue();
    assertThat(introspect(before).get("active").asBoolean()).isFalse();

    EMULATOR.http().delete(PATH);
    assertThat(token().getJWTClaimsSet().getIssuer())
        .isEqualTo(EMULATOR.server().config().issuer());
  }

  private static JsonNode introspect(String token) {
    return EMULATOR
        .http()
        .postForm(
            EMULATOR.server().introspectionEndpoint(),
            Map.of("client_id", APP, "client_secret", APP_SECRET, "token", token))
        .json();
  }

  @Test
  void reset_restores_the_start_up_settings() throws Exception {
    patch(
        "{\"tokenTyp\":\"JWT\",\"errorStyle\":\"transmit-rest\",\"issuer\":\""
            + OTHER_ISSUER
            + "\",\"tokenLifetime\":\"PT1M\",\"verboseErrors\":true,\"alwaysIncludeScope\":true}");

    EMULATOR.http().post("/_mock/reset", null);

    assertThat(EMULATOR.server().settings().current())
        .isEqualTo(EMULATOR.server().settings().initial());
    assertThat(token().getHeader().getType().getType()).isEqualTo("at+jwt");
  }

  @Test
  void the_java_api_changes_the_same_settings() throws Exception {
    EMULATOR
        .server()
        .settings()
        .tokenTyp(TokenTyp.JWT)
        .errorStyle(ErrorStyle.TRANSMIT_REST)
        .tokenLifetime(Duration.ofMinutes(2))
        .issuer(OTHER_ISSUER);

    JsonNode settings = (EMULATOR.http().get(PATH)).json();
    assertThat(settings.get("tokenTyp").asText()).isEqualTo("JWT");
    assertThat(settings.get("errorStyle").asText()).isEqualTo("transmit-rest");
    assertThat(settings.get("tokenLifetime").asText()).isEqualTo("PT2M");
    assertThat(token().getJWTClaimsSet().getIssuer()).isEqualTo(OTHER_ISSUER);

    assertThatThrownBy(() -> EMULATOR.server().settings().issuer("not a uri"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EMULATOR.server().settings().tokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    EMULATOR.server().reset();
    assertThat(EMULATOR.server().issuer()).isEqualTo(EMULATOR.server().config().issuer());
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"tokenTyp\":\"jwt\"}|tokenTyp",
        "{\"errorStyle\":\"rest\"}|errorStyle",
        "{\"issuer\":\"/relative\"}|issuer",
        "{\"issuer\":null}|issuer",
        "{\"tokenLifetime\":0}|tokenLifetime",
        "{\"tokenLifetime\":\"PT0.5S\"}|tokenLifetime",
        "{\"tokenLifetime\":\"soon\"}|tokenLifetime",
        "{\"tokenLifetime\":\"PT2562047788015215H\"}|tokenLifetime",
        "{\"verboseErrors\":\"yes\"}|verboseErrors",
        "{\"tenantId\":\"x\"}|tenantId"
      })
  void bad_patches_are_400_naming_the_field_and_change_nothing(String body, String field) {
    Reply response = patch("{\"alwaysIncludeScope\":true," + body.substring(1));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("error_description").asText()).startsWith(field + ":");
    assertThat(EMULATOR.server().settings().current())
        .isEqualTo(EMULATOR.server().settings().initial());
  }

  @Test
  void an_empty_patch_is_a_400() {
    assertThat(patch("{}").status()).isEqualTo(400);
  }
}
