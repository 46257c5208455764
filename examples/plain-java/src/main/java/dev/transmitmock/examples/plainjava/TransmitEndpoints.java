package dev.transmitmock.examples.plainjava;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.client.TransmitRegion;
import java.net.URI;
import java.util.Map;

/**
 * Where Transmit answers: the issuer tokens carry, the JWKS that verifies them and the token
 * endpoint that issues them. Production uses {@link #production()}; tests swap in the emulator's
 * URLs and nothing else.
 *
 * <pre>{@code
 * TransmitEndpoints transmit = TransmitEndpoints.production();          // api.transmitsecurity.io
 * TransmitEndpoints emulator = new TransmitEndpoints(server.issuer(), server.jwksUri(),
 *     server.tokenEndpoint());                                          // in tests
 * }</pre>
 *
 * @param issuer the {@code iss} of Transmit's tokens, {@code https://userid.security} in the US
 * @param jwksUri Transmit's public keys
 * @param tokenEndpoint Transmit's client-credentials token endpoint
 */
public record TransmitEndpoints(String issuer, URI jwksUri, URI tokenEndpoint) {

  /** Overrides {@link #jwksUri()} (e.g. for an integration environment with the emulator). */
  public static final String JWKS_URI_VARIABLE = "TRANSMIT_JWKS_URI";

  /** Overrides {@link #tokenEndpoint()}. */
  public static final String TOKEN_ENDPOINT_VARIABLE = "TRANSMIT_TOKEN_ENDPOINT";

  /** Checks the values. */
  public TransmitEndpoints {
    requireNonNull(issuer, "issuer must not be null");
    requireNonNull(jwksUri, "jwksUri must not be null");
    requireNonNull(tokenEndpoint, "tokenEndpoint must not be null");
  }

  /**
   * Transmit's US region: issuer {@code https://userid.security}, JWKS {@code
   * https://api.transmitsecurity.io/cis/oidc/jwks}, token endpoint {@code
   * https://api.transmitsecurity.io/oidc/token}.
   */
  public static TransmitEndpoints production() {
    TransmitRegion region = TransmitRegion.US;
    return new TransmitEndpoints(region.issuer(), region.jwksUri(), region.tokenEndpoint());
  }

  /**
   * {@link #production()}, with the URLs replaced by {@value #JWKS_URI_VARIABLE} and {@value
   * #TOKEN_ENDPOINT_VARIABLE} where they are set (the issuer never changes: the emulator signs with
   * Transmit's).
   */
  public static TransmitEndpoints fromEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment must not be null");
    TransmitEndpoints production = production();
    return new TransmitEndpoints(
        production.issuer(),
        uri(environment, JWKS_URI_VARIABLE, production.jwksUri()),
        uri(environment, TOKEN_ENDPOINT_VARIABLE, production.tokenEndpoint()));
  }

  private static URI uri(Map<String, String> environment, String name, URI fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      URI uri = URI.create(value.trim());
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException(name + " must be an absolute URL, got '" + value + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a URL: '" + value + "'", e);
    }
  }
}
