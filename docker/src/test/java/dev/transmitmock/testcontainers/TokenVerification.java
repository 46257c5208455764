package dev.transmitmock.testcontainers;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.util.Set;

/**
 * Verifies a token from the container the way a careful consumer would: RS256 only, {@code typ}
 * {@code at+jwt}, signature against the container's JWKS, exact issuer and audience, required
 * claims.
 */
final class TokenVerification {

  private TokenVerification() {}

  static JWTClaimsSet verify(
      TransmitMockContainer<?> mock, String token, String issuer, String audience)
      throws Exception {
    return verify(JWKSet.load(new URL(mock.getJwksUri())), token, issuer, audience);
  }

  /** The same checks against a JWK set fetched by the caller (e.g. over HTTPS). */
  static JWTClaimsSet verify(JWKSet jwks, String token, String issuer) throws Exception {
    return verify(jwks, token, issuer, null);
  }

  private static JWTClaimsSet verify(JWKSet jwks, String token, String issuer, String audience)
      throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "iat", "exp", "jti", "tid", "client_id")));
    return processor.process(token, null);
  }
}
