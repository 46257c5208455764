package dev.transmitmock.server.defects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import dev.transmitmock.server.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** How each {@link Defect} turns a good token's header and claims into the defective token. */
final class Recipes {
  /**
   * Distance of the time defects from now: twice the most lenient skew in common use (5 minutes,
   * e.g. .NET's default), far beyond Nimbus' and Spring's 60 s.
   */
  static final Duration BEYOND_SKEW = Duration.ofMinutes(10);

  /** Where attacker-controlled URLs and values point. */
  static final String ATTACKER_ORIGIN = "https://attacker.example";

  static final String WRONG_AUDIENCE = "https://api.attacker.example";
  static final String JKU = ATTACKER_ORIGIN + "/.well-known/jwks.json";
  static final String X5U = ATTACKER_ORIGIN + "/signing-cert.pem";
  static final String PATH_TRAVERSAL_KID = "../../../../../../dev/null";
  static final String SQL_INJECTION_KID = "' OR '1'='1";
  static final String WRONG_TYP = "secevent+jwt";
  static final String UNKNOWN_CRITICAL_PARAMETER = "urn:example:must-understand";
  static final String HS256 = "HS256";
  static final String ES256 = "ES256";
  static final int ES256_SIGNATURE_BYTES = 64;
  static final String ILLEGAL_CHARACTER = "!";

  private static final int PEM_LINE_LENGTH = 64;

  private Recipes() {}

  static String expired(Draft d) {
    long lifetime = d.lifetimeSeconds();
    long exp = d.now().minus(BEYOND_SKEW).getEpochSecond();
    d.claims.put("iat", exp - lifetime);
    d.claims.put("exp", exp);
    return d.signedBy(d.active());
  }

  static String expiresNow(Draft d) {
    long now = d.now().getEpochSecond();
    d.claims.put("iat", now);
    d.claims.put("exp", now);
    return d.signedBy(d.active());
  }

  static String notYetValid(Draft d) {
    long lifetime = d.lifetimeSeconds();
    long nbf = d.now().plus(BEYOND_SKEW).getEpochSecond();
    d.claims.put("nbf", nbf);
    d.claims.put("exp", Math.max(d.seconds("exp", nbf), nbf + lifetime));
    return d.signedBy(d.active());
  }

  static String issuedInTheFuture(Draft d) {
    long lifetime = d.lifetimeSeconds();
    long iat = d.now().plus(BEYOND_SKEW).getEpochSecond();
    d.claims.put("iat", iat);
    d.claims.put("exp", iat + lifetime);
    return d.signedBy(d.active());
  }

  static String wrongIssuer(Draft d) {
    String wrong = ATTACKER_ORIGIN;
    if (wrong.equals(d.claims.get("iss"))) {
      wrong = ATTACKER_ORIGIN + "/other";
    }
    d.claims.put("iss", wrong);
    return d.signedBy(d.active());
  }

  static String wrongAudience(Draft d) {
    String wrong = WRONG_AUDIENCE;
    if (wrong.equals(d.claims.get("aud"))) {
      wrong = WRONG_AUDIENCE + "/other";
    }
    d.claims.put("aud", wrong);
    return d.signedBy(d.active());
  }

  static String withoutClaim(Draft d, String claim) {
    d.claims.remove(claim);
    return d.signedBy(d.active());
  }

  static String unsigned(Draft d, String alg) {
    d.header.put("alg", alg);
    return d.unsigned();
  }

  static String hs256WithPublicKey(Draft d) {
    d.header.put("alg", HS256);
    return d.hmacSigned(publicKeyPem(d.active()).getBytes(StandardCharsets.US_ASCII));
  }

  static String unknownKid(Draft d) {
    SigningKey attacker = d.attackerKey();
    d.header.put("kid", attacker.kid());
    return d.signedBy(attacker);
  }

  static String missingKid(Draft d) {
    d.header.remove("kid");
    return d.signedBy(d.active());
  }

  static String tamperedPayload(Draft d) {
    String signed = d.signedBy(d.active());
    String signature = signed.substring(signed.lastIndexOf('.') + 1);
    d.claims.put("roles", List.of("Admin"));
    d.claims.put(
        "exp", d.seconds("exp", d.now().getEpochSecond()) + Duration.ofDays(1).toSeconds());
    return d.signingInput() + "." + signature;
  }

  static String foreignKeyKnownKid(Draft d) {
    return d.signedBy(d.attackerKey());
  }

  static String retiredKey(Draft d) {
    SigningKey retired = d.retiredKey();
    d.header.put("kid", retired.kid());
    return d.signedBy(retired);
  }

  static String embeddedJwk(Draft d) {
    SigningKey attacker = d.attackerKey();
    d.header.put("jwk", attacker.publicJwk().toJSONObject());
    return d.signedBy(attacker);
  }

  static String jkuElsewhere(Draft d) {
    d.header.put("jku", JKU);
    return d.signedBy(d.attackerKey());
  }

  static String x5uElsewhere(Draft d) {
    d.header.put("x5u", X5U);
    return d.signedBy(d.attackerKey());
  }

  static String kidPathTraversal(Draft d) {
    d.header.put("alg", HS256);
    d.header.put("kid", PATH_TRAVERSAL_KID);
    return d.hmacSigned(new byte[0]);
  }

  static String kidSqlInjection(Draft d) {
    d.header.put("kid", SQL_INJECTION_KID);
    return d.signedBy(d.active());
  }

  static String wrongTyp(Draft d) {
    d.header.put("typ", WRONG_TYP);
    return d.signedBy(d.active());
  }

  static String unknownCrit(Draft d) {
    d.header.put("crit", List.of(UNKNOWN_CRITICAL_PARAMETER));
    d.header.put(UNKNOWN_CRITICAL_PARAMETER, true);
    return d.signedBy(d.active());
  }

  static String psychicSignature(Draft d) {
    d.header.put("alg", ES256);
    return d.withSignature(new byte[ES256_SIGNATURE_BYTES]);
  }

  static String truncated(Draft d) {
    String signed = d.signedBy(d.active());
    return signed.substring(0, signed.lastIndexOf('.'));
  }

  static String nonBase64url(Draft d) {
    String header = Draft.segment(d.header).toString();
    String payload = Draft.segment(d.claims).toString();
    int middle = payload.length() / 2;
    String smuggled = payload.substring(0, middle) + ILLEGAL_CHARACTER + payload.substring(middle);
    return Draft.signedBy(d.active(), header + "." + smuggled);
  }

  /**
   * The public key as the PEM file an attacker would download: X.509 SubjectPublicKeyInfo, base64
   * in 64-character lines, LF line ends, a final LF.
   */
  static String publicKeyPem(SigningKey key) {
    byte[] der;
    try {
      der = ((AsymmetricJWK) key.publicJwk()).toPublicKey().getEncoded();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot encode the public key of " + key.kid(), e);
    }
    String base64 = Base64.getMimeEncoder(PEM_LINE_LENGTH, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }
}
