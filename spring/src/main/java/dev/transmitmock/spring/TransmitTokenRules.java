package dev.transmitmock.spring;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks a {@link TransmitJwtDecoder} makes after Nimbus verified the RS256 signature, plus the
 * {@code typ} check Nimbus makes while parsing. Only Spring Security API present in both 6.5 (Boot
 * 3.5) and 7 (Boot 4) is used: Spring's own {@code JwtTypeValidator} and audience validator are
 * newer than 6.5, and Spring 6.5 leaves {@code typ} to Nimbus while 7 moved it to a validator.
 */
final class TransmitTokenRules {

  private static final String MEDIA_TYPE_PREFIX = "application/";

  private TransmitTokenRules() {}

  /** Accepts {@code at+jwt}, {@code JWT} (any case, with or without {@code application/}), none. */
  static JOSEObjectTypeVerifier<SecurityContext> typeVerifier() {
    Set<String> accepted =
        TransmitJwtDecoders.ACCEPTED_TYPES.stream()
            .map(type -> type.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    return (JOSEObjectType type, SecurityContext context) -> {
      if (type != null && !accepted.contains(normalize(type.getType()))) {
        throw new BadJOSEException(
            "the token's typ header is not one of " + TransmitJwtDecoders.ACCEPTED_TYPES);
      }
    };
  }

  private static String normalize(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.startsWith(MEDIA_TYPE_PREFIX)
        ? lower.substring(MEDIA_TYPE_PREFIX.length())
        : lower;
  }

  /** Every claim and header check, in the order a failure is most useful to read. */
  static OAuth2TokenValidator<Jwt> validator(
      String issuer,
      Set<String> audiences,
      Clock clock,
      Duration clockSkew,
      List<OAuth2TokenValidator<Jwt>> extra) {
    JwtTimestampValidator time = new JwtTimestampValidator(clockSkew);
    time.setClock(clock);
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(keyIdPresent());
    validators.add(expiryPresent());
    validators.add(time);
    validators.add(notIssuedInTheFuture(clock, clockSkew));
    validators.add(new JwtIssuerValidator(issuer));
    validators.add(audience(audiences));
    validators.addAll(extra);
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  private static OAuth2TokenValidator<Jwt> keyIdPresent() {
    return jwt ->
        jwt.getHeaders().get("kid") instanceof String kid && !kid.isBlank()
            ? OAuth2TokenValidatorResult.success()
            : failure("the token has no kid header; Transmit's tokens always name their key");
  }

  private static OAuth2TokenValidator<Jwt> expiryPresent() {
    return jwt ->
        jwt.getExpiresAt() != null
            ? OAuth2TokenValidatorResult.success()
            : failure("the token has no exp claim: it would never expire");
  }

  private static OAuth2TokenValidator<Jwt> notIssuedInTheFuture(Clock clock, Duration clockSkew) {
    return jwt -> {
      Instant issuedAt = jwt.getIssuedAt();
      if (issuedAt == null) {
        return failure("the token has no iat claim");
      }
      return issuedAt.isAfter(clock.instant().plus(clockSkew))
          ? failure("the token was issued in the future (iat " + issuedAt + ")")
          : OAuth2TokenValidatorResult.success();
    };
  }

  private static OAuth2TokenValidator<Jwt> audience(Set<String> audiences) {
    return jwt -> {
      List<String> aud = jwt.getAudience();
      return aud != null && aud.stream().anyMatch(audiences::contains)
          ? OAuth2TokenValidatorResult.success()
          : failure("the token is not for this API: its aud is not one of " + audiences);
    };
  }

  private static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
