package dev.transmitmock.server.http;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.token.OAuthError;

/**
 * How large a request body may be, by route: the Transmit endpoints keep node-oidc-provider's hard
 * 56 KiB and answer a larger body as it does (400 {@code invalid_request} "failed to parse the
 * request body", {@code shared/selective_body.js}); the control API takes up to {@code
 * maxRequestBodyBytes} (default 64 KiB) and answers 413 beyond it.
 *
 * <pre>{@code
 * BodyLimits limits = new BodyLimits(config.maxRequestBodyBytes());
 * int limit = limits.limitFor("/oidc/token");   // 57344
 * }</pre>
 *
 * @param controlLimit the largest control-API body ({@code maxRequestBodyBytes})
 */
record BodyLimits(int controlLimit) {

  /** The largest body any route reads: what Jetty and the body buffering must allow. */
  int largest() {
    return Math.max(controlLimit, MockConfig.ENGINE_BODY_LIMIT_BYTES);
  }

  /** The largest body accepted on this path. */
  int limitFor(String path) {
    return isTransmitEndpoint(path) ? MockConfig.ENGINE_BODY_LIMIT_BYTES : controlLimit;
  }

  /** The answer to a body over {@link #limitFor(String)}. */
  OAuthError tooLarge(String path) {
    if (isTransmitEndpoint(path)) {
      return OAuthError.bodyNotParsed(
          "request entity too large: node-oidc-provider reads at most "
              + MockConfig.ENGINE_BODY_LIMIT_BYTES
              + " bytes (56 KiB)");
    }
    return new OAuthError(
        413,
        "invalid_request",
        "request body exceeds the limit of " + controlLimit + " bytes",
        java.util.Map.of(),
        false);
  }

  private static boolean isTransmitEndpoint(String path) {
    return !path.startsWith(ServerPaths.CONTROL_PREFIX + "/")
        && !path.equals(ServerPaths.CONTROL_PREFIX);
  }
}
