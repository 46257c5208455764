package dev.transmitmock.server.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.keys.AppSigningKeys;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;

/**
 * Recognises tokens this emulator signed with a key that is still published, and checks that the
 * token names the issuer of that key: the tenant's issuer for the global keys, the application's
 * domain for an application's own keys. A token of an application with its own keys that the global
 * key signed is recognised only during the application's transition window.
 */
final class OwnTokens {
  private final AppSigningKeys keys;
  private final MockConfig config;
  private final dev.transmitmock.server.control.Settings settings;

  OwnTokens(
      AppSigningKeys keys, MockConfig config, dev.transmitmock.server.control.Settings settings) {
    this.keys = keys;
    this.config = config;
    this.settings = settings;
  }

  /**
   * The claims of a token signed by a published key of this emulator and its issuer, else empty.
   */
  Optional<JWTClaimsSet> verify(String token, Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      String kid = jwt.getHeader().getKeyID();
      if (kid == null) {
        return Optional.empty();
      }
      Optional<JWTClaimsSet> global = verifiedBy(keys.global(), jwt, kid);
      if (global.isPresent()) {
        JWTClaimsSet claims = global.get();
        Optional<ApplicationConfig> app = application(claims.getClaim("app_id"));
        boolean accepted = app.isEmpty() || keys.acceptsGlobalKey(app.get(), now);
        return accepted && settings.current().issuer().equals(claims.getIssuer())
            ? global
            : Optional.empty();
      }
      for (ApplicationConfig app : config.applications()) {
        Optional<JWTClaimsSet> claims = verifiedBy(keys.ring(app.appId()).orElseThrow(), jwt, kid);
        if (claims.isPresent()) {
          return app.issuer().equals(claims.get().getIssuer()) ? claims : Optional.empty();
        }
      }
      return Optional.empty();
    } catch (ParseException | JOSEException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private Optional<ApplicationConfig> application(Object appId) {
    return config.applications().stream().filter(a -> a.appId().equals(appId)).findFirst();
  }

  private static Optional<JWTClaimsSet> verifiedBy(KeyRing ring, SignedJWT jwt, String kid)
      throws JOSEException, ParseException {
    Optional<SigningKey> key = ring.find(kid);
    if (key.isEmpty() || !key.get().jwsAlgorithm().equals(jwt.getHeader().getAlgorithm())) {
      return Optional.empty();
    }
    return jwt.verify(verifier(key.get())) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
  }

  private static JWSVerifier verifier(SigningKey key) throws JOSEException {
    return key.publicJwk() instanceof RSAKey rsa
        ? new RSASSAVerifier(rsa)
        : new ECDSAVerifier((ECKey) key.publicJwk());
  }
}
