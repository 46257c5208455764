package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.testing.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JournalBoundsTest {
  private static final int CAPACITY = 100;
  private static final int REQUESTS = 10_000;
  private static final int IN_FLIGHT = 32;

  private static TransmitMockServer server;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    server =
        TransmitMockServer.builder()
            .config(ConfigLoader.embeddedDefault().toBuilder().journalCapacity(CAPACITY).build())
            .build()
            .start();
    http = TestHttp.to(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_journal_keeps_only_the_newest_entries_after_ten_thousand_requests() throws Exception {
    long started = System.nanoTime();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>(REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      inFlight.acquire();
      // a wrong secret: answered without signing, so 10,000 requests take a few seconds
      responses.add(
          http.client()
              .sendAsync(http.tokenRequest(APP, "wrong-" + i), HttpResponse.BodyHandlers.ofString())
              .whenComplete((r, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
    System.out.println(
        REQUESTS + " token requests took " + (System.nanoTime() - started) / 1_000_000 + " ms");
    assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(401));

    RequestJournal journal = server.journal();
    List<JournalEntry> entries = journal.entries();
    assertThat(entries).hasSize(CAPACITY);
    assertThat(journal.dropped()).isEqualTo(REQUESTS - CAPACITY);
    assertThat(journal.rejectedCount()).isEqualTo(REQUESTS);
    long newest = entries.stream().mapToLong(JournalEntry::sequence).max().orElseThrow();
    long oldest = entries.stream().mapToLong(JournalEntry::sequence).min().orElseThrow();
    // Sequences are taken when a request arrives and entries recorded when it is answered, so
    // with IN_FLIGHT concurrent requests the newest entries span a little more than CAPACITY.
    assertThat(newest).isEqualTo(REQUESTS);
    assertThat(oldest).isGreaterThan(REQUESTS - CAPACITY - IN_FLIGHT);
    assertThat(entries.stream().mapToLong(JournalEntry::sequence).distinct().count())
        .isEqualTo(CAPACITY);

    JsonNode overHttp = http.get("/_mock/journal").json();
    assertThat(overHttp.get("capacity").asInt()).isEqualTo(CAPACITY);
    assertThat(overHttp.get("entries")).hasSize(CAPACITY);
    assertThat(overHttp.get("dropped").asLong()).isEqualTo(REQUESTS - CAPACITY);
  }
}
