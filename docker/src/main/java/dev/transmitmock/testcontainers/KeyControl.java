package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's signing keys, so that a consumer's JWKS refresh is testable: publish a key ahead
 * of time, activate it, retire the old one (gone from the JWKS: its tokens stop verifying), or
 * rotate in one call.
 *
 * <pre>{@code
 * String old = mock.control().keys().active();
 * mock.control().keys().rotate();        // new tokens carry a new kid
 * mock.control().keys().retire(old);     // tokens signed by the old key now fail verification
 * }</pre>
 */
public final class KeyControl {

  static final String PATH = ControlPaths.KEYS;

  private final EmulatorHttp http;

  KeyControl(EmulatorHttp http) {
    this.http = http;
  }

  /** The {@code kid} of the key that signs new tokens. */
  public String active() {
    Object answer = http.controlGet(PATH);
    if (answer instanceof Map
        && ((Map<?, ?>) answer).get(ControlFields.Keys.ACTIVE) instanceof String) {
      return (String) ((Map<?, ?>) answer).get(ControlFields.Keys.ACTIVE);
    }
    throw new TransmitMockException("GET " + PATH + " answered without an active key", 200, "");
  }

  /** The {@code kid}s of the keys in the JWKS (active and published; not the retired ones). */
  public List<String> published() {
    Object answer = http.controlGet(PATH);
    Object keys = answer instanceof Map ? ((Map<?, ?>) answer).get(ControlFields.Keys.KEYS) : null;
    if (!(keys instanceof List)) {
      throw new TransmitMockException("GET " + PATH + " answered without a key list", 200, "");
    }
    return ((List<?>) keys)
        .stream()
            .filter(Map.class::isInstance)
            .map(Map.class::cast)
            .filter(key -> !ControlFields.Keys.RETIRED.equals(key.get(ControlFields.Keys.STATUS)))
            .map(key -> String.valueOf(key.get(ControlFields.Keys.KID)))
            .toList();
  }

  /** Generates a key and publishes it in the JWKS without signing with it yet. */
  public void publish(String kid) {
    requireNonNull(kid, "kid must not be null");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(ControlFields.Keys.KID, kid);
    http.controlPost(PATH, body);
  }

  /** Makes a published key the one that signs new tokens. */
  public void activate(String kid) {
    requireNonNull(kid, "kid must not be null");
    http.controlPost(
        PATH + "/" + EmulatorHttp.pathSegment(kid) + ControlPaths.ACTIVATE_SUFFIX, Map.of());
  }

  /** Retires a key: it leaves the JWKS. The active key cannot be retired. */
  public void retire(String kid) {
    requireNonNull(kid, "kid must not be null");
    http.controlDelete(PATH + "/" + EmulatorHttp.pathSegment(kid));
  }

  /**
   * Generates a key, publishes and activates it in one call; the previous key stays published until
   * retired.
   *
   * @return the new key's {@code kid}
   */
  public String rotate() {
    Object answer = http.controlPost(ControlPaths.KEYS_ROTATE, Map.of());
    if (answer instanceof Map
        && ((Map<?, ?>) answer).get(ControlFields.Keys.KID) instanceof String) {
      return (String) ((Map<?, ?>) answer).get(ControlFields.Keys.KID);
    }
    throw new TransmitMockException(
        "POST " + ControlPaths.KEYS_ROTATE + " answered without a kid", 200, "");
  }
}
