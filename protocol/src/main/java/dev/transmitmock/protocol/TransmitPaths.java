package dev.transmitmock.protocol;

import java.util.List;

/**
 * The paths of Transmit's own endpoints as the emulator serves them: every OIDC route exists under
 * {@value #CIS_PREFIX} (what Transmit documents) and under {@value #OIDC_PREFIX}; the token
 * endpoint is documented under {@value #OIDC_PREFIX}.
 *
 * <pre>{@code
 * URI token = URI.create(baseUrl + TransmitPaths.TOKEN);   // .../oidc/token
 * URI jwks = URI.create(baseUrl + TransmitPaths.JWKS);     // .../cis/oidc/jwks
 * }</pre>
 */
public final class TransmitPaths {
  /** The prefix Transmit documents for JWKS and discovery. */
  public static final String CIS_PREFIX = "/cis/oidc";

  /** The prefix Transmit documents for the token endpoint. */
  public static final String OIDC_PREFIX = "/oidc";

  /** Both prefixes, each serving every OIDC route. */
  public static final List<String> OIDC_PREFIXES = List.of(CIS_PREFIX, OIDC_PREFIX);

  /** The token endpoint relative to a prefix. */
  public static final String TOKEN_SUFFIX = "/token";

  /** The introspection endpoint relative to a prefix. */
  public static final String INTROSPECTION_SUFFIX = "/token/introspection";

  /** The revocation endpoint relative to a prefix. */
  public static final String REVOCATION_SUFFIX = "/token/revocation";

  /** The JWKS relative to a prefix. */
  public static final String JWKS_SUFFIX = "/jwks";

  /** The discovery document relative to a prefix. */
  public static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

  /** The token endpoint: {@value}. */
  public static final String TOKEN = OIDC_PREFIX + TOKEN_SUFFIX;

  /** The JWKS: {@value}. */
  public static final String JWKS = CIS_PREFIX + JWKS_SUFFIX;

  /** The discovery document: {@value}. */
  public static final String DISCOVERY = CIS_PREFIX + DISCOVERY_SUFFIX;

  /** The prefix of an application's own routes (app-specific signing keys). */
  public static final String APPS_PREFIX = "/apps/";

  private TransmitPaths() {}

  /** Where an application's routes live: {@code /apps/<appId>}. */
  public static String application(String appId) {
    return APPS_PREFIX + appId;
  }

  /** The default JWKS path of an application: {@code /apps/<appId>/oidc/jwks}. */
  public static String applicationJwks(String appId) {
    return application(appId) + OIDC_PREFIX + JWKS_SUFFIX;
  }

  /**
   * The discovery path of an application: {@code /apps/<appId>/.well-known/openid-configuration}.
   */
  public static String applicationDiscovery(String appId) {
    return application(appId) + DISCOVERY_SUFFIX;
  }
}
