package dev.transmitmock.server.defects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefectCatalogTest {

  @Test
  void ids_are_unique() {
    List<String> ids = Arrays.stream(Defect.values()).map(Defect::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_defect_has_a_kebab_case_id_a_description_and_a_reference(Defect defect) {
    assertThat(defect.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(defect.description()).isNotBlank().doesNotContain("\n");
    assertThat(defect.reference()).matches("(RFC \\d+ §[\\d.]+|CVE-\\d{4}-\\d+|OpenID .+)");
    assertThat(defect.expectedRejection()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void every_defect_is_found_by_its_id(Defect defect) {
    assertThat(Defect.byId(defect.id())).contains(defect);
    assertThat(DefectCatalog.require(defect.id())).isSameAs(defect);
  }

  @Test
  void the_catalog_lists_every_defect_in_order_as_entries() {
    assertThat(DefectCatalog.all()).containsExactly(Defect.values());
    assertThat(DefectCatalog.entries())
        .extracting(DefectCatalog.Entry::id)
        .containsExactlyElementsOf(Arrays.stream(Defect.values()).map(Defect::id).toList());
    assertThat(DefectCatalog.entries().get(0))
        .isEqualTo(DefectCatalog.Entry.of(DefectCatalog.all().get(0)));
  }

  @Test
  void an_unknown_id_is_refused_with_the_list_of_known_ids() {
    assertThat(DefectCatalog.find("no-such-defect")).isEmpty();
    assertThatThrownBy(() -> DefectCatalog.require("no-such-defect"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown defect 'no-such-defect'")
        .hasMessageContaining("expired, expires-now");
  }

  @Test
  void the_time_defects_lie_beyond_a_five_minute_skew() {
    assertThat(Defect.beyondSkew()).isGreaterThan(Duration.ofMinutes(5));
  }

  @Test
  void the_catalog_covers_every_attack_of_the_issue() {
    assertThat(Arrays.stream(Defect.values()).map(Defect::id))
        .contains(
            "expired",
            "expires-now",
            "not-yet-valid",
            "issued-in-the-future",
            "wrong-issuer",
            "wrong-audience",
            "missing-exp",
            "missing-iss",
            "missing-aud",
            "alg-none",
            "alg-none-capitalized",
            "alg-none-uppercase",
            "hs256-with-public-key",
            "unknown-kid",
            "missing-kid",
            "tampered-payload",
            "foreign-key-known-kid",
            "retired-key",
            "embedded-jwk",
            "jku-elsewhere",
            "x5u-elsewhere",
            "kid-path-traversal",
            "kid-sql-injection",
            "wrong-typ",
            "unknown-crit",
            "psychic-signature",
            "truncated",
            "non-base64url");
  }
}
