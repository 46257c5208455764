package dev.transmitmock.testcontainers;

import java.util.Map;

/**
 * The emulator's signing keys, so that a consumer's JWKS refresh is testable.
 *
 * <pre>{@code
 * mock.control().keys().rotate();   // new tokens carry a new kid
 * }</pre>
 */
public final class KeyControl {

  static final String ROTATE_PATH = "/_mock/keys/rotate";

  private final EmulatorHttp http;

  KeyControl(EmulatorHttp http) {
    this.http = http;
  }

  /** Adds a new key and makes it the active one, in one call. */
  public void rotate() {
    http.controlPost(ROTATE_PATH, Map.of());
  }
}
