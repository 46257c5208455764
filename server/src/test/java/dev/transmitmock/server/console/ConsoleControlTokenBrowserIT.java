package dev.transmitmock.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console of an emulator started with a control token: the page asks for it. */
@ExtendWith(RequiresBrowser.class)
class ConsoleControlTokenBrowserIT {
  private static final String CONTROL_TOKEN = "s3cret-console-token";

  @RegisterExtension
  static final ConsoleFixture CONSOLE =
      new ConsoleFixture(builder -> builder.controlToken(CONTROL_TOKEN));

  private final TransmitMockServer server = CONSOLE.server();
  private final HeadlessChromium browser = CONSOLE.browser();
  private final ConsolePage console = CONSOLE.console();

  @BeforeEach
  void forgetTheToken() {
    browser.driver().get(server.baseUrl().resolve("/_mock/ui/console.css").toString());
    console.script("sessionStorage.clear()");
    server.reset();
  }

  private boolean dialogOpen() {
    return Boolean.TRUE.equals(
        console.script("return document.getElementById('token-dialog').open"));
  }

  @Test
  void the_page_asks_for_the_control_token_before_showing_anything() {
    console.open("journal");

    console.waitUntil(d -> dialogOpen());
    assertThat(console.text("connection-text")).isEqualTo("control token needed");
    assertThat(console.journalRows()).isEmpty();
  }

  @Test
  void a_wrong_token_is_refused_and_the_prompt_stays() {
    console.open("journal");
    console.waitUntil(d -> dialogOpen());

    console.type("token-input", "not-the-token").click("token-submit");

    String error =
        console.waitUntil(
            d -> console.element("token-error").isDisplayed() ? console.text("token-error") : null);
    assertThat(error).contains("refused").contains("wrong");
    assertThat(dialogOpen()).isTrue();
  }

  @Test
  void the_right_token_opens_the_console_and_stays_in_this_tab_only() {
    console.open("clock");
    console.waitUntil(d -> dialogOpen());

    console.type("token-input", CONTROL_TOKEN).click("token-submit");

    console.waitUntil(d -> !dialogOpen());
    console.waitUntil(d -> console.text("connection-text").equals("connected (token)"));
    console.click("clock-freeze");
    console.waitUntil(d -> server.clock().isFrozen());
    assertThat(console.script("return sessionStorage.getItem('transmit-mock.controlToken')"))
        .isEqualTo(CONTROL_TOKEN);
    assertThat(console.script("return localStorage.length")).isEqualTo(0L);
    assertThat(console.script("return document.cookie")).isEqualTo("");
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(CONTROL_TOKEN);
    assertThat(browser.driver().getPageSource()).doesNotContain(CONTROL_TOKEN);
  }
}
