package dev.transmitmock.junit.support;

import org.junit.jupiter.engine.JupiterTestEngine;

/** The version of the Jupiter engine the tests run on (the build runs them on several). */
public final class JupiterVersion {
  private JupiterVersion() {}

  /**
   * True from Jupiter 5.13 on, whose Store closes {@link AutoCloseable} values when their scope
   * ends; 5.10 to 5.12 close only the {@code CloseableResource}s the extension no longer uses.
   */
  public static boolean storeClosesAutoCloseables() {
    String version = new JupiterTestEngine().getVersion().orElseThrow();
    String[] parts = version.split("[.-]");
    int major = Integer.parseInt(parts[0]);
    int minor = Integer.parseInt(parts[1]);
    return major > 5 || (major == 5 && minor >= 13);
  }

  /** The engine's version, e.g. {@code 6.1.3}. */
  public static String version() {
    return new JupiterTestEngine().getVersion().orElse("unknown");
  }
}
