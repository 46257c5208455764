package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.ADMIN;
import static dev.transmitmock.server.testing.DemoConfig.ADMIN_SECRET;
import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static dev.transmitmock.server.testing.DemoConfig.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalControlTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  @Test
  void counts_the_tokens_a_client_got_for_a_resource() {
    EMULATOR.http().token(APP, APP_SECRET, RESOURCE);
    EMULATOR.http().token(APP, APP_SECRET, RESOURCE);
    EMULATOR.http().token(APP, APP_SECRET);
    EMULATOR.http().token(ADMIN, ADMIN_SECRET);

    assertThat(
            EMULATOR
                .server()
                .journal()
                .tokenRequests()
                .forClient(APP)
                .forResource(RESOURCE)
                .issued()
                .count())
        .isEqualTo(2);
    assertThat(EMULATOR.server().journal().tokenRequests().forClient(APP).withoutResource().count())
        .isEqualTo(1);
    assertThat(EMULATOR.server().journal().tokenRequests().issued().count()).isEqualTo(4);
  }

  @Test
  void records_time_auth_method_outcome_and_the_jti_issued() throws Exception {
    String token =
        EMULATOR.http().tokenWithBasic(APP, APP_SECRET).json().get("access_token").asText();

    JournalEntry entry = EMULATOR.server().journal().tokenRequests().last().orElseThrow();

    assertThat(entry.clientId()).hasValue(APP);
    assertThat(entry.authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_BASIC);
    assertThat(entry.outcome()).isEqualTo("issued");
    assertThat(entry.status()).isEqualTo(200);
    assertThat(entry.jti())
        .hasValue(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
    assertThat(entry.time()).isBeforeOrEqualTo(EMULATOR.server().clock().instant());
  }

  @Test
  void verification_failures_list_what_was_actually_received() {
    EMULATOR.http().token(APP, "wrong-secret");
    EMULATOR.http().token(ADMIN, ADMIN_SECRET);

    assertThatThrownBy(
            () -> EMULATOR.server().journal().tokenRequests().forClient(APP).issued().verifyOnce())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 1 token requests for client 'demo-app' that were issued")
        .hasMessageContaining("but found 0")
        .hasMessageContaining("client=demo-app auth=client_secret_post -> 401 invalid_client")
        .hasMessageContaining("client=demo-admin auth=client_secret_post -> 200");
  }

  @Test
  void verifications_pass_silently_when_they_hold() {
    EMULATOR.http().token(APP, APP_SECRET);

    EMULATOR.server().journal().tokenRequests().forClient(APP).issued().verifyOnce();
    EMULATOR.server().journal().tokenRequests().forClient(ADMIN).verifyNone();
    EMULATOR.server().journal().requests().verifyAtLeast(1).verifyAtMost(1);
  }

  @Test
  void secrets_and_tokens_are_never_recorded() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    EMULATOR.http().token(APP, "a-wrong-secret-value");
    EMULATOR
        .http()
        .postForm(
            EMULATOR.server().introspectionEndpoint().toString(),
            "token=" + token + "&client_id=" + APP + "&client_secret=" + APP_SECRET);

    String everything =
        EMULATOR.server().journal().describeReceived() + EMULATOR.server().journal().entries();
    String overHttp = EMULATOR.http().get("/_mock/journal").body();

    for (String text : new String[] {everything, overHttp}) {
      assertThat(text)
          .doesNotContain(APP_SECRET)
          .doesNotContain("a-wrong-secret-value")
          .doesNotContain(token);
    }
  }

  @Test
  void strict_mode_fails_listing_each_rejected_request_and_its_reason() {
    EMULATOR.http().token(APP, "wrong-secret");
    EMULATOR.http().token(APP, APP_SECRET, "https://unknown.example");
    EMULATOR.http().token(APP, APP_SECRET);

    assertThat(EMULATOR.server().rejectedRequests()).hasSize(2);
    assertThatThrownBy(EMULATOR.server()::verifyNoRejectedRequests)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 requests were rejected")
        .hasMessageContaining("401 invalid_client (client authentication failed)")
        .hasMessageContaining("resource=https://unknown.example -> 400 invalid_target");
  }

  @Test
  void strict_mode_passes_when_nothing_was_rejected() {
    EMULATOR.http().token(APP, APP_SECRET);

    EMULATOR.server().verifyNoRejectedRequests();
    assertThat(EMULATOR.server().rejectedRequests()).isEmpty();
  }

  @Test
  void a_mark_gives_a_view_of_only_what_came_after() {
    EMULATOR.http().token(APP, APP_SECRET);
    long mark = EMULATOR.server().journal().mark();
    EMULATOR.http().token(APP, APP_SECRET);

    assertThat(EMULATOR.server().journal().tokenRequests().after(mark).count()).isEqualTo(1);
    assertThat(EMULATOR.server().journal().tokenRequests().count()).isEqualTo(2);
  }

  @Test
  void reset_empties_the_journal_so_queries_read_since_the_last_reset() {
    EMULATOR.http().token(APP, "wrong-secret");

    EMULATOR.server().reset();
    EMULATOR.http().token(APP, APP_SECRET);

    EMULATOR.server().journal().tokenRequests().verifyOnce();
    EMULATOR.server().verifyNoRejectedRequests();
  }

  // --- over HTTP ----------------------------------------------------------------------------

  @Test
  void http_journal_lists_entries_with_every_field() {
    EMULATOR.http().token(APP, APP_SECRET, RESOURCE);

    JsonNode journal = EMULATOR.http().get("/_mock/journal").json();

    assertThat(journal.get("capacity").asInt()).isEqualTo(1000);
    assertThat(journal.get("size").asInt()).isEqualTo(1);
    JsonNode entry = journal.get("entries").get(0);
    assertThat(entry.get("endpoint").asText()).isEqualTo("token");
    assertThat(entry.get("clientId").asText()).isEqualTo(APP);
    assertThat(entry.get("authMethod").asText()).isEqualTo("client_secret_post");
    assertThat(entry.get("resource").asText()).isEqualTo(RESOURCE);
    assertThat(entry.get("status").asInt()).isEqualTo(200);
    assertThat(entry.get("outcome").asText()).isEqualTo("issued");
    assertThat(entry.get("jti").asText()).isNotBlank();
    assertThat(entry.get("time").asText()).isNotBlank();
    assertThat(entry.get("sequence").asLong()).isPositive();
  }

  @Test
  void http_journal_filters_by_client_endpoint_and_outcome() {
    String token = EMULATOR.http().accessToken(APP, APP_SECRET);
    EMULATOR.http().token(APP, "wrong");
    EMULATOR.http().token(ADMIN, ADMIN_SECRET);
    EMULATOR
        .http()
        .postForm(
            EMULATOR.server().introspectionEndpoint().toString(),
            "token=" + token + "&client_id=" + APP + "&client_secret=" + APP_SECRET);

    assertThat(EMULATOR.http().get("/_mock/journal?clientId=demo-app").json().get("entries"))
        .hasSize(3);
    assertThat(
            EMULATOR
                .http()
                .get("/_mock/journal?clientId=demo-app&endpoint=token")
                .json()
                .get("entries"))
        .hasSize(2);
    assertThat(EMULATOR.http().get("/_mock/journal?outcome=issued").json().get("entries"))
        .hasSize(2);
    assertThat(EMULATOR.http().get("/_mock/journal?outcome=rejected").json().get("entries"))
        .hasSize(1);
    assertThat(EMULATOR.http().get("/_mock/journal?outcome=invalid_client").json().get("entries"))
        .hasSize(1);
    assertThat(
            EMULATOR
                .http()
                .get("/_mock/journal?endpoint=introspection&outcome=succeeded")
                .json()
                .get("entries"))
        .hasSize(1);
  }

  @Test
  void http_journal_refuses_unknown_filters_and_values_naming_them() {
    Reply unknown = EMULATOR.http().get("/_mock/journal?client=demo-app");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error_description").asText()).startsWith("client:");

    Reply endpoint = EMULATOR.http().get("/_mock/journal?endpoint=jwks");
    assertThat(endpoint.status()).isEqualTo(400);
    assertThat(endpoint.json().get("error_description").asText()).startsWith("endpoint:");

    Reply outcome = EMULATOR.http().get("/_mock/journal?outcome=Issued!");
    assertThat(outcome.status()).isEqualTo(400);
    assertThat(outcome.json().get("error_description").asText()).startsWith("outcome:");

    assertThat(EMULATOR.http().get("/_mock/journal?after=yesterday").status()).isEqualTo(400);
  }

  @Test
  void http_delete_journal_empties_it() {
    EMULATOR.http().token(APP, APP_SECRET);

    Reply cleared = EMULATOR.http().delete("/_mock/journal");

    assertThat(cleared.json().get("cleared").asInt()).isEqualTo(1);
    assertThat(EMULATOR.server().journal().size()).isZero();
    assertThat(EMULATOR.http().get("/_mock/journal").json().get("entries")).isEmpty();
  }
}
