package dev.transmitmock.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.config.AuthMethod;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestJournalTest {
  private static JournalEntry entry(
      RequestJournal journal, String clientId, Optional<String> error) {
    return new JournalEntry(
        journal.nextSequence(),
        Instant.EPOCH,
        Endpoint.TOKEN,
        Optional.of(clientId),
        AuthMethod.CLIENT_SECRET_POST,
        Optional.empty(),
        Optional.empty(),
        error.isPresent() ? 401 : 200,
        error,
        error.map(e -> "client authentication failed"),
        Optional.empty());
  }

  @Test
  void a_ring_of_100_holds_the_newest_100_of_10000_entries() {
    RequestJournal journal = new RequestJournal(100);

    for (int i = 0; i < 10_000; i++) {
      journal.record(entry(journal, "client-" + i, Optional.empty()));
    }

    assertThat(journal.size()).isEqualTo(100);
    assertThat(journal.dropped()).isEqualTo(9_900);
    assertThat(journal.entries().get(0).clientId()).hasValue("client-9900");
    assertThat(journal.entries().get(99).clientId()).hasValue("client-9999");
    assertThat(journal.requests().forClient("client-5").count()).isZero();
  }

  @Test
  void rejections_dropped_from_the_ring_still_fail_strict_mode() {
    RequestJournal journal = new RequestJournal(2);
    journal.record(entry(journal, "a", Optional.of("invalid_client")));
    journal.record(entry(journal, "b", Optional.empty()));
    journal.record(entry(journal, "c", Optional.empty()));

    assertThat(journal.rejected()).isEmpty();
    assertThatThrownBy(journal::verifyNoRejectedRequests)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 request was rejected")
        .hasMessageContaining("1 no longer in the journal");
  }

  @Test
  void clear_forgets_entries_drops_and_rejections() {
    RequestJournal journal = new RequestJournal(1);
    journal.record(entry(journal, "a", Optional.of("invalid_client")));
    journal.record(entry(journal, "b", Optional.of("invalid_client")));

    journal.clear();

    assertThat(journal.size()).isZero();
    assertThat(journal.dropped()).isZero();
    assertThat(journal.rejectedCount()).isZero();
    journal.verifyNoRejectedRequests();
  }

  @Test
  void an_empty_journal_says_so_in_failure_messages() {
    RequestJournal journal = new RequestJournal(10);

    assertThatThrownBy(() -> journal.tokenRequests().verifyOnce())
        .hasMessageContaining("expected 1 token requests but found 0")
        .hasMessageContaining("The journal holds no requests.");
  }
}
