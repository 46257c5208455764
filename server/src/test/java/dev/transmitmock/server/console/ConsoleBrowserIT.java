package dev.transmitmock.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.testing.Reply;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium against a real emulator: what a person sees and does
 * on each panel, checked against the emulator's state.
 */
@ExtendWith(RequiresBrowser.class)
class ConsoleBrowserIT {
  private static final String APP = "demo-app";
  private static final String APP_SECRET = "demo-app-secret";
  @RegisterExtension static final ConsoleFixture CONSOLE = new ConsoleFixture();

  private final TransmitMockServer server = CONSOLE.server();
  private final ConsolePage console = CONSOLE.console();

  @BeforeEach
  void resetEmulator() {
    server.reset();
  }

  private static Reply tokenRequest(String clientId, String secret, String resource) {
    return CONSOLE.tokenRequest(clientId, secret, resource);
  }

  private static String cell(WebElement row, String css) {
    return row.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void a_token_request_appears_in_the_journal_without_reloading_the_page() {
    console.open("journal");
    assertThat(console.journalRows()).isEmpty();

    assertThat(tokenRequest(APP, APP_SECRET, null).status()).isEqualTo(200);

    WebElement row =
        console.waitUntil(d -> console.journalRows().stream().findFirst().orElse(null));
    assertThat(cell(row, ".journal-client")).isEqualTo(APP);
    assertThat(row.getAttribute("data-outcome")).isEqualTo("issued");
    assertThat(row.getText()).contains("token").contains("200").contains("jti ");
  }

  @Test
  void a_refused_request_shows_the_reason_it_was_refused() {
    console.open("journal");

    assertThat(tokenRequest(APP, "wrong-secret", null).status()).isEqualTo(401);

    WebElement row =
        console.waitUntil(d -> console.journalRows().stream().findFirst().orElse(null));
    assertThat(row.getAttribute("data-outcome")).isEqualTo("rejected");
    assertThat(cell(row, ".journal-reason"))
        .contains("invalid_client")
        .contains("client authentication failed");
  }

  @Test
  void a_refused_request_shows_the_detail_the_wire_does_not_say() {
    console.open("journal");

    assertThat(tokenRequest(APP, "wrong-secret", null).body())
        .doesNotContain("invalid secret provided");

    WebElement row =
        console.waitUntil(d -> console.journalRows().stream().findFirst().orElse(null));
    assertThat(row.findElement(By.cssSelector(".journal-reason .reason-detail")).getText())
        .isEqualTo("invalid secret provided");
  }

  @Test
  void the_journal_filters_by_client_endpoint_and_outcome() {
    tokenRequest(APP, APP_SECRET, null);
    tokenRequest("demo-admin", "demo-admin-secret", null);
    tokenRequest(APP, APP_SECRET, "https://unknown.example");
    console.open("journal");
    console.waitUntil(d -> console.journalRows().size() == 3);

    console.choose("journal-outcome", "rejected");
    console.waitUntil(d -> console.journalRows().size() == 1);
    assertThat(console.journalRows().get(0).getText()).contains("invalid_target");

    console
        .choose("journal-outcome", "")
        .choose("journal-endpoint", "token")
        .type("journal-client", "demo-admin");
    console.waitUntil(d -> console.journalRows().size() == 1);
    assertThat(cell(console.journalRows().get(0), ".journal-client")).isEqualTo("demo-admin");
    assertThat(console.text("journal-summary")).contains("1 shown").contains("3 of 1000 held");
  }

  @Test
  void caller_controlled_journal_fields_are_shown_as_text_never_run_as_markup() {
    String hostileClient = "<img src=x onerror=\"window.__xss='client'\">";
    String hostileResource = "https://x.example/<script>window.__xss='resource'</script>";
    tokenRequest(hostileClient, "nope", hostileResource);
    console.open("journal");

    WebElement row =
        console.waitUntil(d -> console.journalRows().stream().findFirst().orElse(null));

    assertThat(cell(row, ".journal-client")).isEqualTo(hostileClient);
    assertThat(console.all("#journal-table img, #journal-table script")).isEmpty();
    assertThat(console.script("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void freezing_and_advancing_the_clock_moves_the_emulator_clock() {
    console.open("clock");
    Instant before = server.clock().instant();

    console.click("clock-freeze");
    console.waitUntil(d -> server.clock().isFrozen());
    console.waitUntil(d -> console.text("clock-state").equals("frozen"));
    console.element("panel-clock").findElement(By.cssSelector("[data-advance='PT2H']")).click();

    console.waitUntil(d -> server.clock().offset().compareTo(Duration.ofMinutes(119)) > 0);
    assertThat(server.clock().isFrozen()).isTrue();
    assertThat(server.clock().instant()).isAfterOrEqualTo(before.plus(Duration.ofHours(2)));
    console.waitUntil(d -> console.text("clock-chip-text").contains("frozen"));
    assertThat(console.text("clock-offset")).matches("\\+(2 h|1 h 59 min \\d+ s)");
  }

  @Test
  void setting_the_clock_stops_it_at_that_instant() {
    console.open("clock");

    console.type("clock-set-value", "2031-01-01T00:00:00Z").click("clock-set");

    Instant target = Instant.parse("2031-01-01T00:00:00Z");
    console.waitUntil(d -> server.clock().instant().equals(target));
    assertThat(server.clock().isFrozen()).isTrue();
    console.waitUntil(d -> console.text("clock-now").equals("2031-01-01 00:00:00 UTC"));
  }

  @Test
  void a_fault_added_in_the_console_fails_the_next_token_request() {
    console.open("faults");
    console.choose("fault-endpoint", "token").choose("fault-kind", "status");
    console.type("fault-status", "503").type("fault-times", "1").type("fault-retry-after", "2");

    console.click("fault-add");

    WebElement rule =
        console.waitUntil(
            d -> console.all("#faults-table tr.fault-row").stream().findFirst().orElse(null));
    assertThat(rule.getText()).contains("token").contains("503");
    Reply failed = tokenRequest(APP, APP_SECRET, null);
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(tokenRequest(APP, APP_SECRET, null).status()).isEqualTo(200);
    console.waitUntil(d -> console.all("#faults-table tr.fault-row").isEmpty());

    console.show("journal");
    console.waitUntil(d -> console.journalRows().size() == 2);
    WebElement faulted = console.journalRows().get(1);
    assertThat(faulted.getAttribute("data-outcome")).isEqualTo("faulted");
    assertThat(cell(faulted, ".journal-reason")).contains("injected_fault");
  }

  @Test
  void clearing_the_faults_in_the_console_removes_every_rule() {
    server
        .faults()
        .add(
            dev.transmitmock.server.control.FaultRule.on(
                    dev.transmitmock.server.control.Endpoint.JWKS)
                .status(500));
    console.open("faults");
    console.waitUntil(d -> console.all("#faults-table tr.fault-row").size() == 1);

    console.click("faults-clear");

    console.waitUntil(d -> server.faults().rules().isEmpty());
    assertThat(console.flash()).contains("1 fault rule(s) removed");
  }

  @Test
  void decoding_a_defective_token_shows_the_reason_a_consumer_rejects_it() {
    String token = server.defectiveToken(Defect.ALG_NONE);
    console.open("decoder");

    console.type("inspect-token", token).click("inspect-button");

    WebElement verdict =
        console.waitUntil(
            d ->
                console.element("inspect-result").isDisplayed()
                    ? console.element("inspect-verdict")
                    : null);
    assertThat(verdict.getText()).startsWith("Rejected");
    List<WebElement> findings = console.all("#inspect-findings li.finding");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).getAttribute("data-reason")).isEqualTo("UNSUPPORTED_ALGORITHM");
    assertThat(findings.get(0).getAttribute("data-check")).isEqualTo("alg-none");
    assertThat(findings.get(0).getText()).contains("unsigned token");
    assertThat(console.text("inspect-header")).contains("\"alg\": \"none\"");
  }

  @Test
  void a_token_the_clock_has_expired_decodes_as_expired() {
    String token = server.tokenFor(APP);
    server.clock().advance(Duration.ofHours(2));
    console.open("decoder");

    console.type("inspect-token", token).click("inspect-button");

    console.waitUntil(d -> console.all("#inspect-findings li.finding").size() == 1);
    WebElement finding = console.all("#inspect-findings li.finding").get(0);
    assertThat(finding.getAttribute("data-reason")).isEqualTo("EXPIRED");
    assertThat(finding.getText()).contains("before the emulator's clock");
  }

  @Test
  void a_defect_minted_from_the_catalog_opens_in_the_decoder_with_its_expected_reason() {
    console.open("defects");
    WebElement expired = console.waitUntil(d -> console.row("defects-table", "id", "expired"));

    expired.findElement(By.cssSelector("button.defect-mint")).click();
    console.waitUntil(d -> !console.element("minted-token").getAttribute("value").isEmpty());
    console.click("minted-decode");

    console.waitUntil(d -> console.element("panel-decoder").isDisplayed());
    WebElement finding =
        console.waitUntil(
            d -> console.all("#inspect-findings li.finding").stream().findFirst().orElse(null));
    assertThat(finding.getAttribute("data-reason")).isEqualTo("EXPIRED");
  }

  @Test
  void rotating_and_retiring_keys_in_the_console_changes_the_jwks() {
    String original = server.keys().active().kid();
    console.open("keys");
    console.waitUntil(d -> console.all("#keys-table tr.key-row").size() == 1);

    console.click("keys-rotate");
    console.waitUntil(d -> console.all("#keys-table tr.key-row").size() == 2);
    assertThat(server.keys().active().kid()).isNotEqualTo(original);
    console
        .row("keys-table", "kid", original)
        .findElement(By.cssSelector("button.key-retire"))
        .click();

    console.waitUntil(d -> server.keys().state().retired().size() == 1);
    KeyRing.State state = server.keys().state();
    assertThat(state.retired().get(0).kid()).isEqualTo(original);
    assertThat(server.keys().jwksJson()).doesNotContain(original);
    console.waitUntil(
        d ->
            console
                .row("keys-table", "kid", original)
                .getAttribute("data-status")
                .equals("retired"));
  }

  @Test
  void a_client_and_a_resource_added_in_the_console_can_get_tokens_until_removed() {
    console.open("clients");
    console.type("resource-uri", "https://api.console.example").click("resource-add");
    console.waitUntil(
        d -> server.clients().resource(URI.create("https://api.console.example")).isPresent());
    console.type("client-id", "console-svc").type("client-secret", "console-secret");
    console.type("client-resources", "https://api.console.example").click("client-add");
    console.waitUntil(d -> server.clients().client("console-svc").isPresent());

    assertThat(
            tokenRequest("console-svc", "console-secret", "https://api.console.example").status())
        .isEqualTo(200);
    assertThat(console.row("clients-table", "client-id", "console-svc").getText())
        .contains("https://api.console.example");
    assertThat(console.text("clients-table")).doesNotContain("console-secret");

    console
        .row("clients-table", "client-id", "console-svc")
        .findElement(By.cssSelector("button.client-remove"))
        .click();
    console.waitUntil(d -> server.clients().client("console-svc").isEmpty());
    assertThat(tokenRequest("console-svc", "console-secret", null).status()).isEqualTo(401);
  }

  @Test
  void the_reset_button_asks_for_a_second_click_then_resets_the_emulator() {
    server.clock().freeze();
    console.open("journal");

    console.click("reset-button");
    assertThat(console.text("reset-button")).isEqualTo("Click again to reset");
    assertThat(server.clock().isFrozen()).isTrue();
    console.click("reset-button");

    console.waitUntil(d -> !server.clock().isFrozen());
    assertThat(console.flash()).contains("reset");
  }
}
