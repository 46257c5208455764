package dev.transmitmock.spring;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * A {@link JwtDecoder} for Transmit Security access tokens: Spring Security's {@link
 * NimbusJwtDecoder} with Transmit's rules ({@link TransmitJwtDecoders}). Immutable and thread-safe;
 * obtain one from {@link TransmitJwtDecoders#forRegion} or {@link TransmitJwtDecoders#forIssuer}.
 *
 * <pre>{@code
 * JwtDecoder decoder = TransmitJwtDecoders.forRegion(TransmitRegion.EU)
 *     .audience("https://api.orders.example")
 *     .clockSkew(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>A rejected token raises a {@link org.springframework.security.oauth2.jwt.BadJwtException}
 * (Spring answers 401 {@code invalid_token} with the reason), a JWKS that cannot be read a {@link
 * JwtException}, as with Spring's own decoder.
 */
public final class TransmitJwtDecoder implements JwtDecoder {
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private final Builder settings;
  private final NimbusJwtDecoder delegate;

  private TransmitJwtDecoder(Builder settings) {
    this.settings = settings.copy();
    NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder nimbus =
        NimbusJwtDecoder.withJwkSetUri(settings.jwksUri.toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .jwtProcessorCustomizer(
                processor -> processor.setJWSTypeVerifier(TransmitTokenRules.typeVerifier()));
    settings.restOperations.ifPresent(nimbus::restOperations);
    this.delegate = nimbus.build();
    delegate.setJwtValidator(
        TransmitTokenRules.validator(
            settings.issuer,
            Set.copyOf(settings.audiences),
            settings.clock,
            settings.clockSkew,
            List.copyOf(settings.validators)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Only a JWS in compact serialization is read: three base64url segments (RFC 7515 section
   * 7.1). Nimbus' base64 decoding skips characters outside the alphabet, so a token with one
   * slipped in would otherwise verify as if it were not there.
   */
  @Override
  public Jwt decode(String token) throws JwtException {
    if (token == null || !COMPACT_JWS.matcher(token).matches()) {
      throw new BadJwtException(
          "the token is not a JWS in compact serialization (three base64url segments)");
    }
    return delegate.decode(token);
  }

  /** The {@code iss} every token must carry. */
  public String issuer() {
    return settings.issuer;
  }

  /** Where the signing keys are read from. */
  public URI jwksUri() {
    return settings.jwksUri;
  }

  /** The accepted audiences: a token's {@code aud} must contain one of them. */
  public Set<String> audiences() {
    return Set.copyOf(settings.audiences);
  }

  /** The clock {@code exp}, {@code nbf} and {@code iat} are checked on. */
  public Clock clock() {
    return settings.clock;
  }

  /** The tolerance on {@code exp}, {@code nbf} and {@code iat}. */
  public Duration clockSkew() {
    return settings.clockSkew;
  }

  /**
   * A builder holding this decoder's settings, to derive another one: {@code
   * decoder.toBuilder().clock(testClock).build()}.
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public String toString() {
    return "TransmitJwtDecoder[issuer="
        + settings.issuer
        + ", jwksUri="
        + settings.jwksUri
        + ", audiences="
        + settings.audiences
        + ", clockSkew="
        + settings.clockSkew
        + "]";
  }

  /** Configures a {@link TransmitJwtDecoder}; the audience is required. */
  public static final class Builder {
    private String issuer;
    private URI jwksUri;
    private final Set<String> audiences = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = TransmitJwtDecoders.DEFAULT_CLOCK_SKEW;
    private Optional<RestOperations> restOperations = Optional.empty();
    private final List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();

    Builder(String issuer, URI jwksUri) {
      issuer(issuer);
      jwksUri(jwksUri);
    }

    private Builder copy() {
      Builder copy = new Builder(issuer, jwksUri);
      copy.audiences.addAll(audiences);
      copy.clock = clock;
      copy.clockSkew = clockSkew;
      copy.restOperations = restOperations;
      copy.validators.addAll(validators);
      return copy;
    }

    /**
     * The audiences this API accepts: the resource URI it is registered as in Transmit, which
     * clients send as {@code resource} and which becomes the token's {@code aud}. Required: without
     * it, tokens Transmit issued for any other API (or for its own, {@code userid-api}) would be
     * accepted.
     *
     * @throws IllegalArgumentException for none or a blank one
     */
    public Builder audience(String... audiences) {
      requireNonNull(audiences, "audiences must not be null");
      if (audiences.length == 0) {
        throw new IllegalArgumentException("name at least one audience");
      }
      for (String audience : audiences) {
        if (audience == null || audience.isBlank()) {
          throw new IllegalArgumentException(
              "an audience must not be blank: " + Arrays.toString(audiences));
        }
        this.audiences.add(audience.trim());
      }
      return this;
    }

    /** The {@code iss} every token must carry exactly. */
    public Builder issuer(String issuer) {
      requireNonNull(issuer, "issuer must not be null");
      if (issuer.isBlank()) {
        throw new IllegalArgumentException("issuer must not be blank");
      }
      this.issuer = issuer.trim();
      return this;
    }

    /**
     * Where the issuer's public keys are read from.
     *
     * @throws IllegalArgumentException when it is not an absolute {@code http} or {@code https} URI
     */
    public Builder jwksUri(URI jwksUri) {
      requireNonNull(jwksUri, "jwksUri must not be null");
      String scheme = jwksUri.getScheme();
      if (!jwksUri.isAbsolute()
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException(
            "jwksUri must be an absolute http(s) URI, e.g."
                + " https://api.transmitsecurity.io/cis/oidc/jwks; was "
                + jwksUri);
      }
      this.jwksUri = jwksUri;
      return this;
    }

    /**
     * The clock time-based checks use; default {@link Clock#systemUTC()}. Tests hand in the
     * emulator's clock ({@code @AutoConfigureTransmitMock} does it for every decoder bean).
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * The tolerance on {@code exp}, {@code nbf} and {@code iat}; default {@link
     * TransmitJwtDecoders#DEFAULT_CLOCK_SKEW}.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder clockSkew(Duration clockSkew) {
      requireNonNull(clockSkew, "clockSkew must not be null");
      if (clockSkew.isNegative()) {
        throw new IllegalArgumentException("clockSkew must not be negative: " + clockSkew);
      }
      this.clockSkew = clockSkew;
      return this;
    }

    /**
     * The HTTP client the JWKS is read with (timeouts, proxy); default Spring's own {@code
     * RestTemplate}.
     */
    public Builder restOperations(RestOperations restOperations) {
      this.restOperations =
          Optional.of(requireNonNull(restOperations, "restOperations must not be null"));
      return this;
    }

    /**
     * An additional check after Transmit's, e.g. the tenant: {@code validator(new
     * JwtClaimValidator<String>("tid", "tnt-orders"::equals))}.
     */
    public Builder validator(OAuth2TokenValidator<Jwt> validator) {
      validators.add(requireNonNull(validator, "validator must not be null"));
      return this;
    }

    /**
     * The decoder. It reads the JWKS on first use, not here.
     *
     * @throws IllegalStateException when no audience was set
     */
    public TransmitJwtDecoder build() {
      if (audiences.isEmpty()) {
        throw new IllegalStateException(
            "set the audience: the resource URI your API is registered as in Transmit, e.g."
                + " audience(\"https://api.orders.example\"); without it, tokens for any other"
                + " API would be accepted");
      }
      return new TransmitJwtDecoder(this);
    }
  }
}
