package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's settings changeable at runtime ({@code /_mock/settings}): the {@code typ} of
 * access tokens, the error style, the tenant's issuer, the default token lifetime, {@code
 * verboseErrors} and {@code alwaysIncludeScope}. The next request follows a change; {@link
 * #reset()} and {@link TransmitMockControl#reset()} restore the start-up settings. {@link
 * TransmitMockContainer#getIssuer()} follows a changed issuer (it reads discovery).
 *
 * <pre>{@code
 * mock.control().settings().tokenTyp("JWT");
 * mock.control().settings().change(Map.of("issuer", "https://tenant-b.example", "tokenLifetime", "PT5M"));
 * }</pre>
 */
public final class SettingsControl {

  static final String PATH = "/_mock/settings";

  private final EmulatorHttp http;

  SettingsControl(EmulatorHttp http) {
    this.http = http;
  }

  /** The settings in force. */
  public EmulatorSettings get() {
    return EmulatorSettings.fromJson(http.controlGet(PATH), "GET " + PATH);
  }

  /**
   * Changes the settings named, all or none ({@code PATCH /_mock/settings}).
   *
   * @throws TransmitMockException with the emulator's 400 naming the field when one is wrong
   */
  public EmulatorSettings change(Map<String, ?> settings) {
    requireNonNull(settings, "settings must not be null");
    return EmulatorSettings.fromJson(
        http.controlPatch(PATH, new LinkedHashMap<>(settings)), "PATCH " + PATH);
  }

  /** The {@code typ} header of new tokens: {@code at+jwt}, {@code JWT} or {@code none}. */
  public EmulatorSettings tokenTyp(String tokenTyp) {
    return change(Map.of("tokenTyp", requireNonNull(tokenTyp, "tokenTyp must not be null")));
  }

  /** The shape of error bodies: {@code oauth} or {@code transmit-rest}. */
  public EmulatorSettings errorStyle(String errorStyle) {
    return change(Map.of("errorStyle", requireNonNull(errorStyle, "errorStyle must not be null")));
  }

  /** The tenant's issuer: the {@code iss} of new tokens and discovery's {@code issuer}. */
  public EmulatorSettings issuer(String issuer) {
    return change(Map.of("issuer", requireNonNull(issuer, "issuer must not be null")));
  }

  /** The default token lifetime (at least one second). */
  public EmulatorSettings tokenLifetime(Duration lifetime) {
    return change(
        Map.of("tokenLifetime", requireNonNull(lifetime, "lifetime must not be null").toString()));
  }

  /** Whether error bodies carry {@code error_detail}. */
  public EmulatorSettings verboseErrors(boolean verboseErrors) {
    return change(Map.of("verboseErrors", verboseErrors));
  }

  /** Whether token responses carry {@code "scope": ""} when no scope was granted. */
  public EmulatorSettings alwaysIncludeScope(boolean alwaysIncludeScope) {
    return change(Map.of("alwaysIncludeScope", alwaysIncludeScope));
  }

  /** Back to the start-up settings. */
  public EmulatorSettings reset() {
    return EmulatorSettings.fromJson(http.controlDelete(PATH), "DELETE " + PATH);
  }
}
