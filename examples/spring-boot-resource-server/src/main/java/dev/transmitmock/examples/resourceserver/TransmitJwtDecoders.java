package dev.transmitmock.examples.resourceserver;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The {@code JwtDecoder} for Transmit access tokens, with every check spelled out.
 *
 * <p>Spring Security 7 accepts only {@code typ: JWT} (or none) by default; Transmit's access tokens
 * are believed to carry {@code typ: at+jwt} (RFC 9068), so the type validator here accepts both.
 * Spring's timestamp validator does not require {@code exp} and does not look at {@code iat}, and
 * Nimbus picks a key without a {@code kid} when the JWKS has one: the validators below close those
 * gaps.
 *
 * <pre>{@code
 * NimbusJwtDecoder decoder = TransmitJwtDecoders.create(properties, Clock.systemUTC());
 * }</pre>
 */
public final class TransmitJwtDecoders {

  /** The {@code typ} header values accepted: RFC 9068's, and the generic one. */
  public static final List<String> ACCEPTED_TYPES = List.of("at+jwt", "JWT");

  /**
   * Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}: Spring's and Nimbus' default.
   */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private TransmitJwtDecoders() {}

  /**
   * A decoder that verifies RS256 signatures against {@code transmit.jwks-uri} and validates type,
   * time (60 s skew, on {@code clock}), issuer and audience.
   */
  public static NimbusJwtDecoder create(TransmitProperties transmit, Clock clock) {
    requireNonNull(transmit, "transmit must not be null");
    requireNonNull(clock, "clock must not be null");
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(transmit.jwksUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator(transmit, clock));
    return decoder;
  }

  /** The validators {@link #create} installs, in order. */
  public static OAuth2TokenValidator<Jwt> validator(TransmitProperties transmit, Clock clock) {
    JwtTypeValidator type = new JwtTypeValidator(ACCEPTED_TYPES);
    type.setAllowEmpty(true);
    JwtTimestampValidator time = new JwtTimestampValidator(CLOCK_SKEW);
    time.setClock(clock);
    return new DelegatingOAuth2TokenValidator<>(
        type,
        keyIdPresent(),
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
        time,
        notIssuedInTheFuture(clock),
        new JwtIssuerValidator(transmit.issuer()),
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.contains(transmit.audience())));
  }

  private static OAuth2TokenValidator<Jwt> keyIdPresent() {
    return jwt ->
        jwt.getHeaders().get("kid") instanceof String kid && !kid.isBlank()
            ? OAuth2TokenValidatorResult.success()
            : failure("the token has no kid header");
  }

  private static OAuth2TokenValidator<Jwt> notIssuedInTheFuture(Clock clock) {
    return jwt -> {
      Instant issuedAt = jwt.getIssuedAt();
      Instant latest = clock.instant().plus(CLOCK_SKEW);
      return issuedAt == null || issuedAt.isAfter(latest)
          ? failure("the token has no iat, or was issued in the future")
          : OAuth2TokenValidatorResult.success();
    };
  }

  private static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
