package dev.transmitmock.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through its chromedriver with both paths given explicitly, so
 * that Selenium Manager never runs (it would try to download a driver). A fresh profile per
 * browser, a 1280x800 window, and none of Chromium's background network traffic.
 */
final class HeadlessChromium implements AutoCloseable {
  static final int WIDTH = 1280;
  static final int HEIGHT = 800;

  private final Path profile;
  private final ChromeDriver driver;

  HeadlessChromium() {
    try {
      profile = Files.createTempDirectory("transmit-mock-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(RequiresBrowser.binary().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(RequiresBrowser.driver().toFile())
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    driver = new ChromeDriver(service, options);
    fitViewport();
  }

  /**
   * Makes the page area (not the window, whose frame headless Chromium still counts) exactly
   * {@value #WIDTH}x{@value #HEIGHT}, the size the console is designed and photographed at.
   */
  private void fitViewport() {
    List<?> frame =
        (List<?>)
            driver.executeScript(
                "return [window.outerWidth - window.innerWidth,"
                    + " window.outerHeight - window.innerHeight]");
    int frameWidth = ((Number) frame.get(0)).intValue();
    int frameHeight = ((Number) frame.get(1)).intValue();
    driver.manage().window().setSize(new Dimension(WIDTH + frameWidth, HEIGHT + frameHeight));
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
