package dev.transmitmock.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.keys.KeyMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * Every panel of the console, filled with a realistic session, fits a 1280x800 window, and is
 * photographed: into {@code target/console-screenshots/} on every build, into {@code docs/console/}
 * when {@code docs/console/make-screenshots.sh} passes {@code -Dconsole.screenshots=DIR}.
 */
@ExtendWith(RequiresBrowser.class)
class ConsoleScreenshotsIT {
  static final String DIRECTORY_PROPERTY = "console.screenshots";
  private static final String ORDERS_API = "https://api.orders.example";
  @RegisterExtension static final ConsoleFixture CONSOLE = new ConsoleFixture();

  private static TransmitMockServer server;
  private static ConsolePage console;
  private static Path directory;
  private static String tokenOfRetiredKey;

  @BeforeAll
  static void session() throws IOException {
    directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/console-screenshots"));
    Files.createDirectories(directory);
    server = CONSOLE.server();
    console = CONSOLE.console();
    actAsATestSuite();
  }

  /** What a test suite would have done by the time someone opens the console. */
  private static void actAsATestSuite() {
    server
        .clients()
        .putResource(
            ResourceConfig.builder(ORDERS_API).tokenLifetime(Duration.ofMinutes(5)).build());
    server
        .clients()
        .putClient(
            ClientConfig.builder("orders-svc")
                .secret("orders-secret")
                .appName("Orders")
                .resources(ORDERS_API)
                .build(),
            server.config().serviceResources());
    tokenOfRetiredKey = server.tokenFor("demo-app");
    String retired = server.keys().active().kid();
    server.keys().rotate();
    server.keys().retire(retired);
    server
        .keys()
        .add(
            KeyMaterial.generate(server.keys().active().algorithm(), Optional.of("next-key")),
            false);

    token("demo-app", "demo-app-secret", null);
    token("orders-svc", "orders-secret", ORDERS_API);
    token("demo-app", "demo-app-secret", "https://api.example.test");
    token("demo-app", "wrong-secret", null);
    token("orders-svc", "orders-secret", "https://api.payments.example");
    server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));
    token("orders-svc", "orders-secret", ORDERS_API);
    token("demo-admin", "demo-admin-secret", null);
    token("orders-svc", "orders-secret", ORDERS_API);

    server
        .faults()
        .add(
            FaultRule.on(Endpoint.TOKEN)
                .status(429)
                .header("Retry-After", "2")
                .forClient("demo-admin")
                .times(3));
    server.faults().add(FaultRule.on(Endpoint.JWKS).dropConnection());
    server.faults().add(FaultRule.on(Endpoint.DISCOVERY).delay(Duration.ofSeconds(2)));
    server.clock().advance(Duration.ofMinutes(15));
  }

  private static void token(String clientId, String secret, String resource) {
    CONSOLE.tokenRequest(clientId, secret, resource);
  }

  /** Hides the passing flash message, checks the width, and saves the window as a PNG. */
  private static Path photograph(String name) throws IOException {
    console.script("document.getElementById('flash').hidden = true; window.scrollTo(0, 0)");
    assertThat(console.script("return [window.innerWidth, window.innerHeight]"))
        .as("the window's page area")
        .isEqualTo(List.of((long) HeadlessChromium.WIDTH, (long) HeadlessChromium.HEIGHT));
    assertThat(console.script("return document.documentElement.scrollWidth"))
        .as(name + " fits the window's width")
        .isEqualTo((long) HeadlessChromium.WIDTH);
    Path file = directory.resolve(name + ".png");
    Files.write(file, CONSOLE.browser().driver().getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"journal", "clients", "keys", "clock", "faults"})
  void the_panel_fits_1280_by_800_and_is_photographed(String panel) throws IOException {
    console.open(panel);
    switch (panel) {
      case "journal" -> console.waitUntil(d -> console.journalRows().size() == 8);
      case "clients" ->
          console.waitUntil(d -> console.all("#clients-table tr.client-row").size() == 3);
      case "keys" -> console.waitUntil(d -> console.all("#keys-table tr.key-row").size() == 3);
      case "clock" -> console.waitUntil(d -> console.text("clock-offset").equals("+15 min"));
      default -> console.waitUntil(d -> console.all("#faults-table tr.fault-row").size() == 3);
    }

    assertThat(photograph(panel)).isNotEmptyFile();
  }

  @Test
  void the_defect_catalog_with_a_minted_token_fits_and_is_photographed() throws IOException {
    console.open("defects");
    console
        .waitUntil(d -> console.row("defects-table", "id", "wrong-audience"))
        .findElement(By.cssSelector("button.defect-mint"))
        .click();
    console.waitUntil(d -> !console.element("minted-token").getAttribute("value").isEmpty());

    assertThat(photograph("defects")).isNotEmptyFile();
  }

  @Test
  void the_decoder_explaining_a_token_fits_and_is_photographed() throws IOException {
    console.open("decoder");
    console
        .type("inspect-token", tokenOfRetiredKey)
        .type("inspect-audience", ORDERS_API)
        .click("inspect-button");
    console.waitUntil(d -> console.all("#inspect-findings li.finding").size() == 2);

    assertThat(photograph("decoder")).isNotEmptyFile();
  }

  @Test
  void the_control_token_prompt_fits_and_is_photographed() throws IOException {
    try (TransmitMockServer protectedServer =
        TransmitMockServer.builder().controlToken("s3cret").build().start()) {
      ConsolePage prompt = new ConsolePage(CONSOLE.browser().driver(), protectedServer.baseUrl());
      prompt.open("journal");
      prompt.waitUntil(
          d ->
              Boolean.TRUE.equals(
                  prompt.script("return document.getElementById('token-dialog').open")));

      assertThat(photograph("control-token")).isNotEmptyFile();
    }
  }
}
