package dev.transmitmock.server.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import java.text.ParseException;
import java.util.Optional;

/** Recognises tokens this emulator signed with a key that is still published. */
final class OwnTokens {
  private final KeyRing keys;

  OwnTokens(KeyRing keys) {
    this.keys = keys;
  }

  /** The claims of a token signed by a published key of this emulator, else empty. */
  Optional<JWTClaimsSet> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      String kid = jwt.getHeader().getKeyID();
      if (kid == null) {
        return Optional.empty();
      }
      Optional<SigningKey> key = keys.find(kid);
      if (key.isEmpty() || !key.get().jwsAlgorithm().equals(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      return jwt.verify(verifier(key.get()))
          ? Optional.of(jwt.getJWTClaimsSet())
          : Optional.empty();
    } catch (ParseException | JOSEException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static JWSVerifier verifier(SigningKey key) throws JOSEException {
    return key.publicJwk() instanceof RSAKey rsa
        ? new RSASSAVerifier(rsa)
        : new ECDSAVerifier((ECKey) key.publicJwk());
  }
}
