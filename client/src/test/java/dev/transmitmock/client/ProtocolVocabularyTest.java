package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.RejectionCategory;
import dev.transmitmock.protocol.TransmitPaths;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The client module depends on Nimbus only, so it keeps its own names for what the emulator's
 * protocol module ({@code transmit-mock-protocol}) also names; these tests fail when the two drift.
 */
class ProtocolVocabularyTest {

  @Test
  void every_rejection_category_of_the_defect_catalog_is_a_verifier_reason() {
    assertThat(Arrays.stream(TokenRejectedException.Reason.values()).map(Enum::name))
        .containsAll(Arrays.stream(RejectionCategory.values()).map(Enum::name).toList());
  }

  @Test
  void every_client_authentication_is_an_emulator_auth_method_by_its_wire_name() {
    for (ClientAuthentication authentication : ClientAuthentication.values()) {
      String wireName = authentication.name().toLowerCase(Locale.ROOT);
      assertThat(AuthMethod.byWireName(wireName)).as(wireName).isPresent();
      assertThat(AuthMethod.byWireName(wireName).orElseThrow().usesSecret()).isTrue();
    }
  }

  @Test
  void the_region_endpoints_are_the_paths_the_emulator_serves() {
    for (TransmitRegion region : TransmitRegion.values()) {
      assertThat(region.tokenEndpoint().getPath()).isEqualTo(TransmitPaths.TOKEN);
      assertThat(region.jwksUri().getPath()).isEqualTo(TransmitPaths.JWKS);
      assertThat(region.discoveryUri().getPath()).isEqualTo(TransmitPaths.DISCOVERY);
    }
  }
}
