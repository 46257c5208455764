package dev.transmitmock.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.SharedEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /_mock/ui} over HTTP: the page and its assets, their protection, and the rules the
 * console's script keeps (no markup from data, no inline code). The browser tests are {@code
 * ConsoleBrowserIT}.
 */
class ConsolePageTest {
  @RegisterExtension static final SharedEmulator EMULATOR = new SharedEmulator();

  private static final List<String> ASSETS =
      List.of("/_mock/ui", "/_mock/ui/console.js", "/_mock/ui/console.css");

  @Test
  void the_page_is_served_as_html_with_a_strict_content_security_policy() {
    Reply page = EMULATOR.http().get("/_mock/ui");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'none'")
                    .contains("script-src 'self'")
                    .contains("connect-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("<title>transmit-mock console</title>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/_mock/ui/console.js", "/_mock/ui/console.css"})
  void the_assets_are_served_with_their_content_type(String path) {
    Reply asset = EMULATOR.http().get(path);

    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type ->
                assertThat(type).startsWith(path.endsWith(".js") ? "text/javascript" : "text/css"));
    assertThat(asset.body()).isNotBlank();
  }

  @Test
  void the_page_loads_nothing_from_another_origin_and_holds_no_inline_code() {
    String page = EMULATOR.http().get("/_mock/ui").body();

    assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(page).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|<style");
    assertThat(page).doesNotContainPattern(Pattern.compile(" on[a-z]+=", Pattern.CASE_INSENSITIVE));
  }

  @Test
  void the_script_never_turns_data_into_markup_nor_keeps_the_token_beyond_the_tab() {
    String script = EMULATOR.http().get("/_mock/ui/console.js").body();

    assertThat(script)
        .doesNotContain("innerHTML")
        .doesNotContain("outerHTML")
        .doesNotContain("insertAdjacentHTML")
        .doesNotContain("document.write")
        .doesNotContain("eval(")
        .doesNotContain("new Function")
        .doesNotContain("localStorage")
        .doesNotContain("document.cookie")
        .contains("sessionStorage");
  }

  @Test
  void the_page_needs_no_control_token_but_the_control_routes_still_do() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlToken("s3cret").build().start()) {
      TestHttp http = TestHttp.to(server.baseUrl());

      for (String asset : ASSETS) {
        assertThat(http.get(asset).status()).as(asset).isEqualTo(200);
      }
      assertThat(http.get("/_mock/ui/").status()).isEqualTo(200);
      assertThat(http.get("/_mock/journal").status()).isEqualTo(401);
      assertThat(http.get("/_mock/ui/../journal").status()).isIn(400, 401, 404);
      assertThat(http.get("/_mock/ui/nothing").status()).isEqualTo(401);
    }
  }

  @Test
  void with_the_control_api_off_the_console_answers_404() {
    try (TransmitMockServer server =
        TransmitMockServer.builder().controlApi(false).build().start()) {
      TestHttp http = TestHttp.to(server.baseUrl());

      for (String asset : ASSETS) {
        Reply response = http.get(asset);
        assertThat(response.status()).as(asset).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("not_found");
      }
    }
  }
}
