package dev.transmitmock.server.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where a Chromium and its chromedriver are installed (Debian: {@code
 * apt-get install chromium chromium-driver}). With {@code -Dbrowser.required=true} (what CI sets) a
 * missing browser fails the tests instead of skipping them. {@code -Dbrowser.binary} and {@code
 * -Dbrowser.driver} point elsewhere than {@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver}.
 */
final class RequiresBrowser implements ExecutionCondition {
  static final String REQUIRED_PROPERTY = "browser.required";
  static final String BINARY_PROPERTY = "browser.binary";
  static final String DRIVER_PROPERTY = "browser.driver";

  /** The browser binary: {@code -Dbrowser.binary}, else Debian's chromium. */
  static Path binary() {
    return Path.of(System.getProperty(BINARY_PROPERTY, "/usr/bin/chromium"));
  }

  /** The driver binary: {@code -Dbrowser.driver}, else Debian's chromedriver. */
  static Path driver() {
    return Path.of(System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(binary())) {
      missing.add("no browser at " + binary() + " (-D" + BINARY_PROPERTY + ")");
    }
    if (!Files.isExecutable(driver())) {
      missing.add("no chromedriver at " + driver() + " (-D" + DRIVER_PROPERTY + ")");
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
    }
    String problem = String.join("; ", missing);
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      throw new IllegalStateException(
          "-D"
              + REQUIRED_PROPERTY
              + "=true but "
              + problem
              + ": apt-get install chromium chromium-driver (what .ci/run does), or drop the flag"
              + " to skip the browser tests");
    }
    return ConditionEvaluationResult.disabled(
        "browser tests skipped: "
            + problem
            + "; apt-get install chromium chromium-driver, and -D"
            + REQUIRED_PROPERTY
            + "=true makes this a failure");
  }
}
