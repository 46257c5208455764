package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import java.util.Map;

/**
 * Mints tokens outside the OAuth flow: valid ones with any claim or header overridden, and
 * deliberately defective ones from the catalog ({@link TransmitMockControl#defects()}).
 *
 * <pre>{@code
 * String forged = mock.control().tokens().mint(
 *     TokenMintRequest.forClient("demo-app").defect("alg-none").build());
 * }</pre>
 */
public final class TokenControl {

  static final String PATH = ControlPaths.TOKENS;

  private final EmulatorHttp http;

  TokenControl(EmulatorHttp http) {
    this.http = http;
  }

  /** Mints a token and returns it in its compact form. */
  public String mint(TokenMintRequest request) {
    requireNonNull(request, "request must not be null");
    Object answer = http.controlPost(PATH, request.fields());
    if (answer instanceof Map
        && ((Map<?, ?>) answer).get(ControlFields.Tokens.ACCESS_TOKEN) instanceof String) {
      return (String) ((Map<?, ?>) answer).get(ControlFields.Tokens.ACCESS_TOKEN);
    }
    throw new TransmitMockException("POST " + PATH + " answered without an access_token", 200, "");
  }
}
