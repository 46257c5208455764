package dev.transmitmock.client;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verified Transmit access token: what {@link TransmitTokenVerifier#verify(String)} returns once
 * signature and claims have passed every check.
 *
 * <p>Immutable and thread-safe. Typed accessors cover Transmit's client access token claims ({@code
 * client_id}, {@code tid}, {@code app_id}, {@code app_name}, {@code roles}, {@code aud}, {@code
 * scope}, {@code iat}, {@code exp}, {@code jti}); {@link #claims()} gives everything else.
 *
 * <pre>{@code
 * TransmitToken token = verifier.verify(bearer);
 * if (!token.hasScope("orders:write")) { ... }
 * log.info("call from client {} of tenant {}", token.clientId(), token.tenantId().orElse("-"));
 * }</pre>
 *
 * <p>{@link #toString()} names the client, tenant, audience and expiry only, never the raw token.
 */
public final class TransmitToken {

  static final String CLIENT_ID = "client_id";
  static final String TENANT_ID = "tid";
  static final String APP_ID = "app_id";
  static final String APP_NAME = "app_name";
  static final String ROLES = "roles";

  /** Transmit's claims table spells it {@code role}; its examples and tokens use {@code roles}. */
  static final String ROLE_SINGULAR = "role";

  static final String SCOPE = "scope";

  private final JWTClaimsSet claims;
  private final String clientId;
  private final List<String> roles;
  private final Set<String> scopes;

  private TransmitToken(JWTClaimsSet claims) {
    this.claims = claims;
    String cid = stringClaim(claims, CLIENT_ID);
    this.clientId = cid != null ? cid : claims.getSubject();
    this.roles = rolesOf(claims);
    this.scopes = scopesOf(claims);
  }

  /**
   * The {@code cnf.x5t#S256} certificate thumbprint of a certificate-bound token (RFC 8705): the
   * token may only be used over a TLS connection presenting that certificate.
   *
   * @return the base64url SHA-256 thumbprint, or empty for an unbound token
   */
  public Optional<String> certificateThumbprint() {
    Object cnf = claims.getClaim("cnf");
    if (cnf instanceof Map<?, ?> confirmation
        && confirmation.get("x5t#S256") instanceof String thumbprint
        && !thumbprint.isEmpty()) {
      return Optional.of(thumbprint);
    }
    return Optional.empty();
  }

  static TransmitToken of(JWTClaimsSet claims) {
    return new TransmitToken(requireNonNull(claims, "claims must not be null"));
  }

  static List<String> rolesOf(JWTClaimsSet claims) {
    Object value = claims.getClaim(ROLES);
    if (value == null) {
      value = claims.getClaim(ROLE_SINGULAR);
    }
    if (value instanceof String single) {
      return List.of(single);
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item instanceof String role) {
          out.add(role);
        }
      }
      return Collections.unmodifiableList(out);
    }
    return List.of();
  }

  private static Set<String> scopesOf(JWTClaimsSet claims) {
    String scope = stringClaim(claims, SCOPE);
    if (scope == null || scope.isBlank()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : scope.trim().split(" +")) {
      out.add(part);
    }
    return Collections.unmodifiableSet(out);
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s ? s : null;
  }

  /**
   * The calling application's client id: the {@code client_id} claim, or {@code sub} without it.
   *
   * @return the client id, never {@code null} (the verifier requires {@code sub})
   */
  public String clientId() {
    return clientId;
  }

  /**
   * The {@code sub} claim; for client access tokens Transmit sets it to the client id.
   *
   * @return the subject, never {@code null} (the verifier requires it)
   */
  public String subject() {
    return claims.getSubject();
  }

  /**
   * The Transmit tenant ({@code tid}).
   *
   * @return the tenant id, if the token carries one
   */
  public Optional<String> tenantId() {
    return Optional.ofNullable(stringClaim(claims, TENANT_ID));
  }

  /**
   * The Transmit application id ({@code app_id}).
   *
   * @return the application id, if present
   */
  public Optional<String> appId() {
    return Optional.ofNullable(stringClaim(claims, APP_ID));
  }

  /**
   * The application's friendly name ({@code app_name}).
   *
   * @return the application name, if present
   */
  public Optional<String> appName() {
    return Optional.ofNullable(stringClaim(claims, APP_NAME));
  }

  /**
   * The {@code roles} claim ({@code ["Admin"]} for management applications, {@code []} for apps).
   *
   * @return the roles, unmodifiable, empty when absent
   */
  public List<String> roles() {
    return roles;
  }

  /**
   * Whether this is an admin access token, minted for a Transmit management application.
   *
   * @return {@code true} when {@link #roles()} contains {@code Admin}
   */
  public boolean isAdmin() {
    return roles.contains(TransmitClaimsVerifier.ADMIN_ROLE);
  }

  /**
   * The audience ({@code aud}): the requested resource URI, or {@code userid-api} by default.
   *
   * @return the audience values, unmodifiable
   */
  public List<String> audience() {
    return claims.getAudience();
  }

  /**
   * The granted scopes, split from the space-delimited {@code scope} claim.
   *
   * @return the scopes, unmodifiable and in token order, empty when none were requested
   */
  public Set<String> scopes() {
    return scopes;
  }

  /**
   * Whether the token grants one scope.
   *
   * @param scope the scope to look for
   * @return {@code true} when {@link #scopes()} contains it
   */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /**
   * When the token was issued ({@code iat}).
   *
   * @return the issue time, never {@code null} (the verifier requires {@code iat})
   */
  public Instant issuedAt() {
    return toInstant(claims.getIssueTime());
  }

  /**
   * When the token expires ({@code exp}).
   *
   * @return the expiry, never {@code null} (the verifier requires {@code exp})
   */
  public Instant expiresAt() {
    return toInstant(claims.getExpirationTime());
  }

  /**
   * The token id ({@code jti}), useful for replay detection and audit logs.
   *
   * @return the id, if present
   */
  public Optional<String> jti() {
    return Optional.ofNullable(claims.getJWTID());
  }

  /**
   * The issuer ({@code iss}); always the issuer the verifier was configured with.
   *
   * @return the issuer
   */
  public String issuer() {
    return claims.getIssuer();
  }

  /**
   * Every claim, as parsed from the JSON payload: strings, numbers ({@code Long} or {@code
   * Double}), booleans, {@code List}s and {@code Map}s; {@code exp}, {@code iat} and {@code nbf} as
   * {@link Date}.
   *
   * @return an unmodifiable view of all claims
   */
  public Map<String, Object> claims() {
    return claims.getClaims();
  }

  /**
   * One claim by name.
   *
   * @param name the claim name
   * @return the value as {@link #claims()} would hold it, if present
   */
  public Optional<Object> claim(String name) {
    return Optional.ofNullable(claims.getClaim(requireNonNull(name, "name must not be null")));
  }

  private static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }

  @Override
  public String toString() {
    return "TransmitToken[clientId="
        + clientId
        + ", tenantId="
        + tenantId().orElse(null)
        + ", audience="
        + audience()
        + ", admin="
        + isAdmin()
        + ", expiresAt="
        + expiresAt()
        + "]";
  }
}
