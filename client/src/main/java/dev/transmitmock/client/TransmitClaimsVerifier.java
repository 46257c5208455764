package dev.transmitmock.client;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.transmitmock.client.TokenRejectedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The claims stage: required claims, time window against an injected {@link Clock} with an explicit
 * skew, exact issuer, audience, tenant and admin role.
 *
 * <p>Replaces Nimbus' {@code DefaultJWTClaimsVerifier}, whose time checks read {@code new Date()}
 * and whose failures are only distinguishable by message text. Messages never contain claim values.
 */
final class TransmitClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

  static final String ADMIN_ROLE = "Admin";

  private final Clock clock;
  private final long skewMillis;
  private final Duration skew;
  private final String issuer;
  private final Set<String> audiences;
  private final List<String> requiredClaims;
  private final String tenantId;
  private final boolean adminOnly;

  TransmitClaimsVerifier(
      Clock clock,
      Duration skew,
      String issuer,
      Set<String> audiences,
      List<String> requiredClaims,
      String tenantId,
      boolean adminOnly) {
    this.clock = clock;
    this.skew = skew;
    this.skewMillis = skew.toMillis();
    this.issuer = issuer;
    this.audiences = Set.copyOf(audiences);
    this.requiredClaims = List.copyOf(requiredClaims);
    this.tenantId = tenantId;
    this.adminOnly = adminOnly;
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws ClaimsRejection {
    for (int i = 0; i < requiredClaims.size(); i++) {
      String name = requiredClaims.get(i);
      if (claims.getClaim(name) == null) {
        throw new ClaimsRejection(Reason.MISSING_CLAIM, "required claim '" + name + "' is missing");
      }
    }
    verifyTimes(claims);
    if (!issuer.equals(claims.getIssuer())) {
      throw new ClaimsRejection(
          Reason.WRONG_ISSUER, "token issuer is not the expected issuer " + issuer);
    }
    if (!audiences.isEmpty() && !containsAny(claims.getAudience(), audiences)) {
      throw new ClaimsRejection(
          Reason.WRONG_AUDIENCE, "token audience contains none of the expected " + audiences);
    }
    if (tenantId != null) {
      Object tid = claims.getClaim(TransmitToken.TENANT_ID);
      if (tid == null) {
        throw new ClaimsRejection(
            Reason.MISSING_CLAIM, "required claim 'tid' is missing (tenant pinning is on)");
      }
      if (!tenantId.equals(tid)) {
        throw new ClaimsRejection(
            Reason.WRONG_TENANT, "token tenant is not the pinned tenant " + tenantId);
      }
    }
    if (adminOnly && !TransmitToken.rolesOf(claims).contains(ADMIN_ROLE)) {
      throw new ClaimsRejection(
          Reason.NOT_ADMIN, "token roles do not contain 'Admin' and admin tokens are required");
    }
  }

  private void verifyTimes(JWTClaimsSet claims) throws ClaimsRejection {
    long now = clock.millis();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new ClaimsRejection(Reason.MISSING_CLAIM, "required claim 'exp' is missing");
    }
    // RFC 7519 4.1.4: not accepted "on or after" exp, so equality is expired when skew is zero.
    if (exp.getTime() + skewMillis <= now) {
      throw new ClaimsRejection(
          Reason.EXPIRED, "token has expired (allowed clock skew " + skew + ")");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.getTime() - skewMillis > now) {
      throw new ClaimsRejection(
          Reason.NOT_YET_VALID, "token is not valid yet: nbf is in the future (skew " + skew + ")");
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.getTime() - skewMillis > now) {
      throw new ClaimsRejection(
          Reason.NOT_YET_VALID, "token is not valid yet: iat is in the future (skew " + skew + ")");
    }
  }

  private static boolean containsAny(List<String> actual, Set<String> expected) {
    if (actual == null) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (expected.contains(actual.get(i))) {
        return true;
      }
    }
    return false;
  }
}
