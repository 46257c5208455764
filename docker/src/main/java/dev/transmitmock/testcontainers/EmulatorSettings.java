package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * The emulator's settings in force, as {@code GET /_mock/settings} lists them.
 *
 * @param tokenTyp {@code at+jwt}, {@code JWT} or {@code none}
 * @param errorStyle {@code oauth} or {@code transmit-rest}
 * @param issuer the tenant's issuer
 * @param tokenLifetime the default token lifetime
 * @param verboseErrors whether error bodies carry {@code error_detail}
 * @param alwaysIncludeScope whether token responses carry {@code "scope": ""} without a scope
 */
public record EmulatorSettings(
    String tokenTyp,
    String errorStyle,
    String issuer,
    Duration tokenLifetime,
    boolean verboseErrors,
    boolean alwaysIncludeScope) {

  /** Checks the values. */
  public EmulatorSettings {
    requireNonNull(tokenTyp, "tokenTyp must not be null");
    requireNonNull(errorStyle, "errorStyle must not be null");
    requireNonNull(issuer, "issuer must not be null");
    requireNonNull(tokenLifetime, "tokenLifetime must not be null");
  }

  static EmulatorSettings fromJson(Object answer, String what) {
    if (!(answer instanceof Map<?, ?> json)
        || !(json.get("tokenTyp") instanceof String typ)
        || !(json.get("errorStyle") instanceof String style)
        || !(json.get("issuer") instanceof String issuer)
        || !(json.get("tokenLifetime") instanceof String lifetime)) {
      throw new TransmitMockException(what + " answered without the settings", 200, "");
    }
    return new EmulatorSettings(
        typ,
        style,
        issuer,
        Duration.parse(lifetime),
        Boolean.TRUE.equals(json.get("verboseErrors")),
        Boolean.TRUE.equals(json.get("alwaysIncludeScope")));
  }
}
