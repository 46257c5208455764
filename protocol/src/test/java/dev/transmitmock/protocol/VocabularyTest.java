package dev.transmitmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.protocol.ClientAuthenticationRules.Material;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void every_auth_method_round_trips_through_its_wire_name() {
    for (AuthMethod method : AuthMethod.values()) {
      assertThat(AuthMethod.byWireName(method.wireName())).contains(method);
    }
    assertThat(AuthMethod.byWireName("client_secret_jwt")).isEmpty();
  }

  @Test
  void every_endpoint_and_defect_kind_round_trips() {
    for (Endpoint endpoint : Endpoint.values()) {
      assertThat(Endpoint.parse(endpoint.wireName().toUpperCase())).contains(endpoint);
      assertThat(Endpoint.WIRE_NAMES).contains(endpoint.wireName());
    }
    for (DefectKind kind : DefectKind.values()) {
      assertThat(DefectKind.byWireName(kind.wireName())).contains(kind);
    }
    assertThat(DefectKind.CLIENT_ASSERTION.mintable()).isFalse();
  }

  @Test
  void paths_and_variables_have_their_prefixes() {
    assertThat(ControlPaths.FAULTS).isEqualTo("/_mock/faults");
    assertThat(ControlPaths.isControlPath(ControlPaths.HEALTH)).isTrue();
    assertThat(ControlPaths.isControlPath("/_mockery")).isFalse();
    assertThat(TransmitPaths.TOKEN).isEqualTo("/oidc/token");
    assertThat(TransmitPaths.applicationJwks("app-1")).isEqualTo("/apps/app-1/oidc/jwks");
    assertThat(EnvironmentVariables.KNOWN)
        .allMatch(name -> name.startsWith(EnvironmentVariables.PREFIX))
        .contains(EnvironmentVariables.CONTROL_TOKEN);
  }

  @Test
  void each_method_accepts_exactly_its_own_material() {
    Material jwks = new Material(true, false, false, 0, false);
    Material subject = new Material(false, false, false, 1, false);
    Material thumbprint = new Material(false, false, false, 0, true);
    Material twoKeys = new Material(true, true, false, 0, false);
    assertThat(ClientAuthenticationRules.materialProblem(AuthMethod.PRIVATE_KEY_JWT, jwks))
        .isEmpty();
    assertThat(ClientAuthenticationRules.materialProblem(AuthMethod.PRIVATE_KEY_JWT, twoKeys))
        .contains("a private_key_jwt client needs exactly one of jwks, jwksUri or publicKeyPem");
    assertThat(ClientAuthenticationRules.materialProblem(AuthMethod.TLS_CLIENT_AUTH, subject))
        .isEmpty();
    assertThat(
            ClientAuthenticationRules.materialProblem(
                AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH, thumbprint))
        .isEmpty();
    for (AuthMethod method : Arrays.asList(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.NONE)) {
      assertThat(ClientAuthenticationRules.materialProblem(method, Material.NONE)).isEmpty();
      assertThatThrownBy(() -> ClientAuthenticationRules.checkMaterial(method, jwks))
          .hasMessageContaining("do not apply");
    }
  }

  @Test
  void secrets_and_grant_types_follow_the_method() {
    assertThatThrownBy(() -> ClientAuthenticationRules.checkSecret(AuthMethod.NONE, true))
        .hasMessage("a none client has no secret; remove clientSecret");
    assertThatThrownBy(
            () -> ClientAuthenticationRules.checkSecret(AuthMethod.CLIENT_SECRET_POST, false))
        .hasMessage("a client_secret_post client needs a non-empty clientSecret");
    assertThatThrownBy(
            () ->
                ClientAuthenticationRules.checkGrantTypes(
                    AuthMethod.NONE, List.of(GrantTypes.CLIENT_CREDENTIALS)))
        .hasMessageContaining("cannot use client_credentials");
    assertThatThrownBy(
            () ->
                ClientAuthenticationRules.checkGrantTypes(
                    AuthMethod.CLIENT_SECRET_BASIC, List.of("implicit")))
        .hasMessageContaining("'implicit' is not one of Transmit's");
    assertThat(GrantTypes.defaultsFor(AuthMethod.NONE)).containsExactly("authorization_code");
  }

  @Test
  void fault_rule_limits_and_combinations_are_checked() {
    FaultRuleShape.checkStatus(503);
    assertThatThrownBy(() -> FaultRuleShape.checkStatus(199)).hasMessageContaining("between 200");
    assertThatThrownBy(() -> FaultRuleShape.checkDelay(Duration.ofMinutes(6)))
        .hasMessageContaining("PT5M");
    assertThatThrownBy(() -> FaultRuleShape.checkTimes(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> FaultRuleShape.checkHeader("Bad Name", "x"))
        .hasMessageContaining("not a valid token");
    assertThatThrownBy(
            () -> FaultRuleShape.checkCombination(true, false, false, false, true, false))
        .hasMessageContaining("drop sends no response");
    assertThatThrownBy(
            () -> FaultRuleShape.checkCombination(false, false, false, false, false, false))
        .hasMessageContaining("at least one of");
    FaultRuleShape.checkCombination(false, false, false, true, false, false);
  }
}
