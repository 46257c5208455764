package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.contract.ContractEmulator.TokenRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenRequest#reason}: a client-contract failure names why the emulator refused a token
 * request, which the wire no longer says (every failed authentication is "client authentication
 * failed", as at Transmit).
 */
class TokenRequestReasonTest {

  @Test
  void a_refusal_shows_the_wires_description_and_the_journals_detail() {
    assertThat(
            TokenRequest.reason(
                Optional.of("client authentication failed"),
                Optional.of("invalid secret provided")))
        .contains("client authentication failed: invalid secret provided");
  }

  @Test
  void without_a_detail_the_description_is_shown_as_it_is() {
    assertThat(
            TokenRequest.reason(
                Optional.of("resource indicator is missing, or unknown"), Optional.empty()))
        .contains("resource indicator is missing, or unknown");
  }

  @Test
  void an_issued_token_has_no_reason() {
    assertThat(TokenRequest.reason(Optional.empty(), Optional.empty())).isEmpty();
  }
}
