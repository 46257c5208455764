package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Makes {@code private_key_jwt} client assertions (RFC 7523) for tests: {@code iss} and {@code sub}
 * the client id, {@code aud} the token endpoint, {@code iat} now, {@code exp} a minute later, a
 * random {@code jti}; RS256 for RSA keys, ES256 for EC keys.
 *
 * <pre>{@code
 * RSAKey key = ClientAssertions.generateRsaKey("orders-key-1");
 * // register: ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT).jwks(key.toPublicJWK().toJSONString())
 * String assertion = ClientAssertions.create("orders-svc", key, server.tokenEndpoint());
 * // POST grant_type=client_credentials&client_assertion_type=
 * //   urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=<assertion>
 * String expired = ClientAssertions.builder("orders-svc", key).audience(server.tokenEndpoint())
 *     .clock(server.clock()).issuedAt(server.clock().instant().minus(Duration.ofHours(1))).build();
 * }</pre>
 */
public final class ClientAssertions {
  /** Default assertion lifetime. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private ClientAssertions() {}

  /** A valid assertion signed with a JWK (its {@code kid} goes into the header). */
  public static String create(String clientId, JWK key, URI audience) {
    return builder(clientId, key).audience(audience.toString()).build();
  }

  /** A valid assertion signed with a private key (RSA: RS256, EC P-256: ES256), no {@code kid}. */
  public static String create(String clientId, PrivateKey key, String audience) {
    return builder(clientId, key).audience(audience).build();
  }

  /** Starts an assertion signed with a JWK holding a private key. */
  public static Builder builder(String clientId, JWK key) {
    requireNonNull(key, "key must not be null");
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("the JWK holds no private key: it cannot sign");
    }
    try {
      PrivateKey privateKey =
          key instanceof RSAKey rsa ? rsa.toPrivateKey() : ((ECKey) key).toPrivateKey();
      return new Builder(clientId, privateKey).keyId(key.getKeyID());
    } catch (JOSEException | ClassCastException e) {
      throw new IllegalArgumentException("only RSA and EC keys can sign client assertions");
    }
  }

  /** Starts an assertion signed with a private key. */
  public static Builder builder(String clientId, PrivateKey key) {
    return new Builder(clientId, key);
  }

  /** A new 2048-bit RSA signing key with a {@code kid}, for RS256 and PS256 assertions. */
  public static RSAKey generateRsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  /** A new EC P-256 signing key with a {@code kid}, for ES256 assertions. */
  public static ECKey generateEcKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an EC key", e);
    }
  }

  /** Configures one assertion; every claim can be changed or removed to build a bad one. */
  public static final class Builder {
    private final String clientId;
    private final PrivateKey key;
    private String keyId;
    private JWSAlgorithm algorithm;
    private String issuer;
    private String subject;
    private String audience;
    private Clock clock = Clock.systemUTC();
    private Instant issuedAt;
    private Duration lifetime = DEFAULT_LIFETIME;
    private String jti = UUID.randomUUID().toString();
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    private Builder(String clientId, PrivateKey key) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      this.key = requireNonNull(key, "key must not be null");
      this.issuer = clientId;
      this.subject = clientId;
      this.algorithm = key instanceof ECPrivateKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    /** The {@code aud}: the token endpoint URL (either prefix) or the issuer. */
    public Builder audience(String audience) {
      this.audience = requireNonNull(audience, "audience must not be null");
      return this;
    }

    /** The {@code aud} as a URI. */
    public Builder audience(URI audience) {
      return audience(requireNonNull(audience, "audience must not be null").toString());
    }

    /** The {@code kid} header (null: none). */
    public Builder keyId(String keyId) {
      this.keyId = keyId;
      return this;
    }

    /** The signing algorithm (RS256 or PS256 for RSA keys, ES256 for EC keys). */
    public Builder algorithm(JWSAlgorithm algorithm) {
      this.algorithm = requireNonNull(algorithm, "algorithm must not be null");
      return this;
    }

    /** The {@code iss} (default the client id). */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The {@code sub} (default the client id). */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** The clock of {@code iat} and {@code exp} (e.g. the emulator's MockClock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Now on this builder's clock (the emulator's, when set with {@link #clock(Clock)}). */
    public Instant now() {
      return clock.instant();
    }

    /** The {@code iat} (default now on the clock); {@code exp} follows by the lifetime. */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = requireNonNull(issuedAt, "issuedAt must not be null");
      return this;
    }

    /** {@code exp - iat} (default {@link #DEFAULT_LIFETIME}). */
    public Builder lifetime(Duration lifetime) {
      this.lifetime = requireNonNull(lifetime, "lifetime must not be null");
      return this;
    }

    /** The {@code jti} (default a random UUID); reuse one to build a replay. */
    public Builder jti(String jti) {
      this.jti = jti;
      return this;
    }

    /** Adds or replaces a claim. */
    public Builder claim(String name, Object value) {
      extraClaims.put(requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /** Leaves a claim out ({@code exp}, {@code jti}, {@code aud}, ...). */
    public Builder without(String claim) {
      removed.add(requireNonNull(claim, "claim must not be null"));
      return this;
    }

    /** Signs the assertion. */
    public String build() {
      if (audience == null && !removed.contains("aud")) {
        throw new IllegalStateException("set the audience: the token endpoint URL or the issuer");
      }
      Instant iat = issuedAt != null ? issuedAt : clock.instant();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
      put(claims, "iss", issuer);
      put(claims, "sub", subject);
      put(claims, "aud", audience);
      put(claims, "jti", jti);
      put(claims, "iat", Date.from(iat));
      put(claims, "exp", Date.from(iat.plus(lifetime)));
      extraClaims.forEach((name, value) -> put(claims, name, value));
      JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
      if (keyId != null) {
        header.keyID(keyId);
      }
      SignedJWT jwt = new SignedJWT(header.build(), claims.build());
      try {
        jwt.sign(signer());
      } catch (JOSEException e) {
        throw new IllegalStateException(
            "cannot sign the assertion for " + clientId + " with " + algorithm, e);
      }
      return jwt.serialize();
    }

    private void put(JWTClaimsSet.Builder claims, String name, Object value) {
      if (!removed.contains(name) && value != null) {
        claims.claim(name, value);
      }
    }

    private JWSSigner signer() throws JOSEException {
      if (key instanceof ECPrivateKey ec) {
        return new ECDSASigner(ec);
      }
      return new RSASSASigner(key);
    }
  }
}
