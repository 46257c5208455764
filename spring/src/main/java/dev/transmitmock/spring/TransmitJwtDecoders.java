package dev.transmitmock.spring;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.client.TransmitRegion;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Spring Security {@code JwtDecoder}s for Transmit Security access tokens, with Transmit's rules
 * spelled out once: RS256 only, {@code typ} {@code at+jwt}, {@code JWT} or absent, {@code kid}
 * required, exact issuer, the API's audience, {@code exp} required, {@code iat} not in the future
 * beyond the clock skew, all on a {@link java.time.Clock} that tests can replace.
 *
 * <p>The one bean a resource server declares, for Transmit's US region and an API registered in
 * Transmit as the resource {@code https://api.orders.example}:
 *
 * <pre>{@code
 * @Bean
 * JwtDecoder jwtDecoder() {
 *   return TransmitJwtDecoders.forRegion(TransmitRegion.US)
 *       .audience("https://api.orders.example")
 *       .build();
 * }
 * }</pre>
 *
 * <p>Spring Security's defaults are not enough for Transmit's tokens: Spring Security 7 accepts
 * only {@code typ: JWT} (Transmit's access tokens are believed to carry {@code at+jwt}), and its
 * default validators accept a token without {@code exp}, one issued in the future and one without
 * {@code kid} (Nimbus then tries the JWKS's only key). The consumer contract kit of {@code
 * transmit-mock-junit} catches all of these.
 *
 * <p>In a test with {@code @AutoConfigureTransmitMock} (or a {@code TransmitMockContainer} with
 * {@code @ServiceConnection}), every {@link TransmitJwtDecoder} bean verifies against the
 * emulator's keys and on its clock, with the rules unchanged.
 */
public final class TransmitJwtDecoders {

  /**
   * Tolerance for clock differences on {@code exp}, {@code nbf} and {@code iat}: 60 seconds, Spring
   * Security's and Nimbus' default.
   */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /**
   * The {@code typ} header values accepted, compared case-insensitively and with or without an
   * {@code application/} prefix; a token without {@code typ} is accepted too.
   */
  public static final List<String> ACCEPTED_TYPES = List.of("at+jwt", "JWT");

  private TransmitJwtDecoders() {}

  /**
   * A decoder for tokens of one of Transmit's production regions: the region's issuer (e.g. {@code
   * https://userid.security}) and JWKS (e.g. {@code
   * https://api.transmitsecurity.io/cis/oidc/jwks}).
   *
   * @return a builder; set the {@link TransmitJwtDecoder.Builder#audience(String...) audience},
   *     then {@link TransmitJwtDecoder.Builder#build() build}
   */
  public static TransmitJwtDecoder.Builder forRegion(TransmitRegion region) {
    requireNonNull(region, "region must not be null");
    return new TransmitJwtDecoder.Builder(region.issuer(), region.jwksUri());
  }

  /**
   * A decoder for tokens of any issuer, e.g. Transmit's sandbox or an app-specific signing domain.
   *
   * <pre>{@code
   * TransmitJwtDecoders.forIssuer("https://userid.security",
   *         "https://api.sbx.transmitsecurity.io/cis/oidc/jwks")
   *     .audience("https://api.orders.example")
   *     .build();
   * }</pre>
   *
   * @param issuer the {@code iss} every token must carry exactly
   * @param jwksUri where the issuer's public keys are published
   * @return a builder; set the audience, then build
   * @throws IllegalArgumentException when the JWKS URI is not an absolute {@code http(s)} URI
   */
  public static TransmitJwtDecoder.Builder forIssuer(String issuer, String jwksUri) {
    requireNonNull(jwksUri, "jwksUri must not be null");
    return forIssuer(issuer, URI.create(jwksUri.trim()));
  }

  /** {@link #forIssuer(String, String)} with the JWKS URI as a {@link URI}. */
  public static TransmitJwtDecoder.Builder forIssuer(String issuer, URI jwksUri) {
    return new TransmitJwtDecoder.Builder(issuer, jwksUri);
  }
}
