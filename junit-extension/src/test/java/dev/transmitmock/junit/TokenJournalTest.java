package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.Test;

@TransmitMock
class TokenJournalTest {

  @Test
  void counts_the_tokens_issued_to_a_client(TransmitMockHandle mock) {
    TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret");
    TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret");
    TestHttp.to(mock.tokenEndpoint()).token("demo-admin", "demo-admin-secret");

    mock.journal().assertTokensIssued("demo-app", 2).assertTokensIssued("demo-admin", 1);
    assertThat(mock.journal().tokenRequests()).hasSize(3);
  }

  @Test
  void a_failed_count_lists_the_journal_without_secrets(TransmitMockHandle mock) {
    TestHttp.to(mock.tokenEndpoint()).token("demo-app", "the-wrong-secret");

    assertThatThrownBy(() -> mock.journal().assertTokensIssued("demo-app", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 1 token(s) issued to demo-app but the emulator issued 0")
        .hasMessageContaining("client=demo-app")
        .hasMessageContaining("401 invalid_client")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("the-wrong-secret"));
  }

  @Test
  void names_each_rejection_when_none_was_expected(TransmitMockHandle mock) {
    TestHttp.to(mock.tokenEndpoint())
        .token("demo-app", "demo-app-secret", "https://api.unknown.example");

    assertThatThrownBy(() -> mock.journal().assertNoRejections())
        .hasMessageContaining("rejected 1")
        .hasMessageContaining("invalid_target");
  }

  @Test
  void finds_a_rejection_by_client_and_error(TransmitMockHandle mock) {
    TestHttp.to(mock.tokenEndpoint()).token("demo-app", "nope");

    mock.journal().assertRejected("demo-app", "invalid_client");
    assertThatThrownBy(() -> mock.journal().assertRejected("demo-app", "invalid_target"))
        .hasMessageContaining("expected a token request of demo-app rejected with invalid_target");
  }

  @Test
  void starts_empty_in_every_test(TransmitMockHandle mock) {
    assertThat(mock.journal().entries()).isEmpty();
    assertThatThrownBy(() -> mock.journal().assertTokensIssued("demo-app", 1))
        .hasMessageContaining("the journal is empty");
  }
}
