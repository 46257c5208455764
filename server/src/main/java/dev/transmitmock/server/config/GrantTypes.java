package dev.transmitmock.server.config;

import java.util.List;
import java.util.Set;

/**
 * The grant types of Transmit's token endpoint (its OIDC OpenAPI), and which a client may use by
 * default. The emulator serves only {@link #CLIENT_CREDENTIALS}; the others exist so that a client
 * can be registered as Transmit registers it, and a request for them gets Transmit's answer.
 */
public final class GrantTypes {
  /** The client-credentials grant, the one the emulator serves. */
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  /** The authorization-code grant, the default of public ({@code none}) clients. */
  public static final String AUTHORIZATION_CODE = "authorization_code";

  /** Every grant Transmit's token endpoint knows, in its OpenAPI's order. */
  public static final List<String> TRANSMIT =
      List.of(
          AUTHORIZATION_CODE,
          CLIENT_CREDENTIALS,
          "refresh_token",
          "password",
          "urn:openid:params:grant-type:ciba",
          "urn:ietf:params:oauth:grant-type:device_code",
          "urn:transmit:grant-type:delegated-access");

  private static final Set<String> KNOWN = Set.copyOf(TRANSMIT);

  private GrantTypes() {}

  /** Whether Transmit's token endpoint knows this grant type. */
  public static boolean isTransmit(String grantType) {
    return KNOWN.contains(grantType);
  }

  /**
   * The grant types of a client that lists none: {@code client_credentials}, or {@code
   * authorization_code} for a public client ({@code none}), which cannot use client credentials.
   */
  public static List<String> defaultsFor(AuthMethod method) {
    return method == AuthMethod.NONE ? List.of(AUTHORIZATION_CODE) : List.of(CLIENT_CREDENTIALS);
  }
}
