package dev.transmitmock.server.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a test drives it: panels, fields, buttons, and waits for what the page shows. */
final class ConsolePage {
  /** Generous: the machine running the tests may be busy with other builds. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final URI baseUrl;

  ConsolePage(WebDriver driver, URI baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Loads the console afresh on a panel (a hash change alone would keep the old page). */
  ConsolePage open(String panel) {
    driver.get("about:blank");
    driver.get(baseUrl.resolve("/_mock/ui#" + panel).toString());
    waitUntil(d -> element("connection").getAttribute("class").matches(".*\\b(ok|locked)\\b.*"));
    return this;
  }

  /** Switches panel through the side navigation, as a person would. */
  ConsolePage show(String panel) {
    driver.findElement(By.cssSelector(".nav-item[data-panel='" + panel + "']")).click();
    waitUntil(d -> element("panel-" + panel).isDisplayed());
    return this;
  }

  WebElement element(String id) {
    return driver.findElement(By.id(id));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  ConsolePage click(String id) {
    element(id).click();
    return this;
  }

  ConsolePage type(String id, String text) {
    WebElement field = element(id);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  ConsolePage choose(String id, String value) {
    new Select(element(id)).selectByValue(value);
    return this;
  }

  String text(String id) {
    return element(id).getText();
  }

  /** The journal rows shown, newest first. */
  List<WebElement> journalRows() {
    return all("#journal-table tbody tr.journal-row");
  }

  /** The row of a table whose {@code data-*} attribute has this value. */
  WebElement row(String table, String attribute, String value) {
    return driver.findElement(
        By.cssSelector("#" + table + " tbody tr[data-" + attribute + "='" + value + "']"));
  }

  Object script(String javascript) {
    return ((JavascriptExecutor) driver).executeScript(javascript);
  }

  <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(condition::apply);
  }

  /** Waits for the flash message and returns it. */
  String flash() {
    return waitUntil(d -> element("flash").isDisplayed() ? element("flash").getText() : null);
  }
}
