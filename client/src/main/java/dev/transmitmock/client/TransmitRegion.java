package dev.transmitmock.client;

import java.net.URI;

/**
 * Transmit Security's production regions, with the issuer, JWKS, discovery and token endpoint of
 * each.
 *
 * <p>The issuer is not the API host: tokens say {@code iss = https://userid.security} while keys
 * and tokens are served from {@code api.transmitsecurity.io}. A region preset sets both halves so
 * they cannot drift apart:
 *
 * <pre>{@code
 * TransmitTokenVerifier verifier = TransmitTokenVerifier.builder()
 *     .region(TransmitRegion.EU)
 *     .audience("https://api.orders.example")
 *     .build();
 * }</pre>
 *
 * <p>Sandbox and app-specific signing domains have their own issuers; configure those with {@link
 * TransmitTokenVerifier.Builder#issuer(String)} and {@link
 * TransmitTokenVerifier.Builder#jwksUri(URI)} instead.
 */
public enum TransmitRegion {
  /** United States, Transmit's default ("global") region. */
  US("https://userid.security", "https://api.transmitsecurity.io"),
  /** European Union. */
  EU("https://eu.userid.security", "https://api.eu.transmitsecurity.io"),
  /** Canada. */
  CA("https://ca.userid.security", "https://api.ca.transmitsecurity.io"),
  /** Australia. */
  AU("https://au.userid.security", "https://api.au.transmitsecurity.io");

  private static final String JWKS_PATH = "/cis/oidc/jwks";
  private static final String DISCOVERY_PATH = "/cis/oidc/.well-known/openid-configuration";
  private static final String TOKEN_PATH = "/oidc/token";

  private final String issuer;
  private final URI apiBaseUri;

  TransmitRegion(String issuer, String apiBaseUri) {
    this.issuer = issuer;
    this.apiBaseUri = URI.create(apiBaseUri);
  }

  /**
   * The {@code iss} value of tokens issued in this region, e.g. {@code https://userid.security}.
   *
   * @return the issuer, never {@code null}
   */
  public String issuer() {
    return issuer;
  }

  /**
   * The API host of this region, e.g. {@code https://api.transmitsecurity.io}.
   *
   * @return the base URI, without a trailing slash
   */
  public URI apiBaseUri() {
    return apiBaseUri;
  }

  /**
   * The JWKS URL holding this region's token signing keys.
   *
   * @return e.g. {@code https://api.transmitsecurity.io/cis/oidc/jwks}
   */
  public URI jwksUri() {
    return apiBaseUri.resolve(JWKS_PATH);
  }

  /**
   * The OpenID discovery document of this region.
   *
   * @return e.g. {@code https://api.transmitsecurity.io/cis/oidc/.well-known/openid-configuration}
   */
  public URI discoveryUri() {
    return apiBaseUri.resolve(DISCOVERY_PATH);
  }

  /**
   * The client-credentials token endpoint of this region.
   *
   * @return e.g. {@code https://api.transmitsecurity.io/oidc/token}
   */
  public URI tokenEndpoint() {
    return apiBaseUri.resolve(TOKEN_PATH);
  }
}
