package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DefectTest {

  @Test
  void reads_the_kind_of_a_catalog_entry() {
    Defect defect =
        Defect.fromJson(
            Json.parseObject(
                "{\"id\":\"assertion-replay\",\"kind\":\"client-assertion\","
                    + "\"description\":\"replayed\",\"reference\":\"RFC 7523\","
                    + "\"expectedRejection\":\"invalid_client\",\"expectedStatus\":401}"));

    assertThat(defect)
        .isEqualTo(
            new Defect(
                "assertion-replay",
                "replayed",
                "RFC 7523",
                "invalid_client",
                Defect.CLIENT_ASSERTION));
    assertThat(defect.isMintable()).isFalse();
  }

  @Test
  void an_entry_without_a_kind_is_an_access_token_defect() {
    Defect defect = Defect.fromJson(Map.of("id", "alg-none", "expectedRejection", "MALFORMED"));

    assertThat(defect.kind()).isEqualTo(Defect.ACCESS_TOKEN);
    assertThat(defect.isMintable()).isTrue();
    assertThat(new Defect("expired", "d", "r", "EXPIRED").kind()).isEqualTo(Defect.ACCESS_TOKEN);
  }

  @Test
  void access_token_and_certificate_binding_defects_are_mintable_others_are_not() {
    assertThat(new Defect("a", "", "", "", Defect.ACCESS_TOKEN).isMintable()).isTrue();
    assertThat(new Defect("b", "", "", "", Defect.CERTIFICATE_BINDING).isMintable()).isTrue();
    assertThat(new Defect("c", "", "", "", Defect.CLIENT_ASSERTION).isMintable()).isFalse();
    assertThat(new Defect("d", "", "", "", "a-future-kind").isMintable()).isFalse();
  }

  @Test
  void a_mint_request_names_a_mintable_defect_by_its_id() {
    TokenMintRequest request =
        TokenMintRequest.forClient("demo-app")
            .defect(new Defect("missing-cnf-binding", "", "", "UNBOUND", "certificate-binding"))
            .build();

    assertThat(request.fields()).containsEntry("defect", "missing-cnf-binding");
  }

  @Test
  void a_mint_request_refuses_a_client_assertion_defect_with_the_reason() {
    Defect replay = new Defect("assertion-replay", "", "", "invalid_client", "client-assertion");

    assertThatThrownBy(() -> TokenMintRequest.forClient("demo-app").defect(replay))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'assertion-replay' is of kind client-assertion")
        .hasMessageContaining("not an access token");
  }
}
