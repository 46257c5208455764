package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.RejectionCategory;
import dev.transmitmock.server.defects.TokenSpec;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every token of the emulator's defect catalog is rejected, for the reason the catalog names. The
 * verifier is configured as documented for production, except for a zero clock skew so that the
 * "expires now" defect is decided by the clock rather than by the skew.
 */
class DefectCatalogTest {

  private static TransmitMockServer server;
  private static DefectiveTokens defects;
  private static TransmitTokenVerifier strict;
  private static TransmitTokenVerifier withDefaultSkew;

  @BeforeAll
  static void startEmulator() {
    server = OrdersConfig.start();
    defects = server.defectiveTokens();
    strict = verifier().clockSkew(Duration.ZERO).build();
    withDefaultSkew = verifier().build();
  }

  @AfterAll
  static void stopEmulator() {
    strict.close();
    withDefaultSkew.close();
    server.close();
  }

  private static TransmitTokenVerifier.Builder verifier() {
    return TransmitTokenVerifier.builder()
        .issuer(server.issuer())
        .jwksUri(server.jwksUri())
        .audience(ORDERS)
        .clock(server.clock());
  }

  private static TokenSpec spec() {
    return TokenSpec.builder().clientId(APP_CLIENT).resource(ORDERS).build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Defect.class)
  void every_defective_token_is_rejected_for_the_catalog_reason(Defect defect) {
    String token = defects.mint(defect, spec());

    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> strict.verify(token));

    assertThat(e).as("%s (%s) must be rejected", defect.id(), defect.description()).isNotNull();
    assertThat(e.reason().name())
        .as("%s: %s", defect.id(), e.getMessage())
        .isEqualTo(defect.expectedRejection().name());
    assertThat(e.getMessage()).doesNotContain(token);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Defect.class)
  void the_default_sixty_second_skew_changes_only_skew_sensitive_outcomes(Defect defect) {
    String token = defects.mint(defect, spec());

    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> withDefaultSkew.verify(token));

    if (defect.skewSensitive()) {
      assertThat(e).as("%s is accepted within the skew", defect.id()).isNull();
    } else {
      assertThat(e).as("%s must be rejected", defect.id()).isNotNull();
      assertThat(e.reason().name()).isEqualTo(defect.expectedRejection().name());
    }
  }

  @Test
  void a_valid_token_from_the_same_minting_path_is_accepted() throws Exception {
    TransmitToken token = strict.verify(defects.mintValid(spec()));
    assertThat(token.clientId()).isEqualTo(APP_CLIENT);
  }

  @Test
  void every_catalog_rejection_category_is_a_verifier_reason() {
    for (RejectionCategory category : RejectionCategory.values()) {
      assertThat(Arrays.stream(Reason.values()).map(Enum::name)).contains(category.name());
    }
  }
}
