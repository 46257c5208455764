package dev.transmitmock.server.token;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.control.JournalDraft;
import dev.transmitmock.server.control.MockClock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7662 token introspection: a client-authenticated {@code POST .../token/introspection} that
 * tells whether a token is active (signed by a published key under that key's issuer, the tenant's
 * or an application's, not expired on the emulator's clock, not revoked) and what it carries.
 */
public final class IntrospectionService {
  private final TokenService tokens;
  private final OwnTokens ownTokens;
  private final RevokedTokens revoked;
  private final MockClock clock;

  /**
   * Introspects the tokens {@code tokens} issues (its signing keys, issuers and journal).
   *
   * @param revoked the tokens revoked at the revocation endpoint
   * @param clock the emulator's clock, the "now" of expiry
   */
  public IntrospectionService(TokenService tokens, RevokedTokens revoked, MockClock clock) {
    this.tokens = tokens;
    this.ownTokens = new OwnTokens(tokens.signingKeys(), tokens.config(), tokens.settings());
    this.revoked = revoked;
    this.clock = clock;
  }

  /** Answers an introspection request. */
  public EndpointResponse handle(RawRequest request) {
    return handle(FormRequest.of(request));
  }

  /** Answers a request parsed once. */
  public EndpointResponse handle(FormRequest request) {
    JournalDraft draft = tokens.draft(Endpoint.INTROSPECTION);
    try {
      TokenService.AuthenticatedForm form =
          tokens.authenticatedForm(request, draft, "/token/introspection");
      String token = form.token();
      Optional<JWTClaimsSet> claims = active(token);
      claims.ifPresent(c -> draft.jti(Optional.ofNullable(c.getJWTID())));
      draft.succeeded();
      return new EndpointResponse(200, EndpointResponse.NO_STORE, ErrorRenderer.json(body(claims)));
    } catch (OAuthException e) {
      return tokens.refuse(draft, e.error());
    }
  }

  private Optional<JWTClaimsSet> active(String token) {
    Instant now = clock.instant();
    Optional<JWTClaimsSet> verified = ownTokens.verify(token, now);
    if (verified.isEmpty()) {
      return Optional.empty();
    }
    JWTClaimsSet claims = verified.get();
    Date exp = claims.getExpirationTime();
    Date nbf = claims.getNotBeforeTime();
    boolean active =
        exp != null
            && now.isBefore(exp.toInstant())
            && (nbf == null || !now.isBefore(nbf.toInstant()))
            && (claims.getJWTID() == null || !revoked.isRevoked(claims.getJWTID()));
    return active ? Optional.of(claims) : Optional.empty();
  }

  private static Map<String, Object> body(Optional<JWTClaimsSet> claims) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (claims.isEmpty()) {
      body.put("active", false);
      return body;
    }
    JWTClaimsSet c = claims.get();
    body.put("active", true);
    putIfPresent(body, "client_id", c.getClaim("client_id"));
    putIfPresent(body, "exp", seconds(c.getExpirationTime()));
    putIfPresent(body, "iat", seconds(c.getIssueTime()));
    putIfPresent(body, "iss", c.getIssuer());
    putIfPresent(body, "jti", c.getJWTID());
    putIfPresent(body, "scope", c.getClaim("scope"));
    putIfPresent(body, "sub", c.getSubject());
    List<String> audience = c.getAudience();
    if (audience != null && !audience.isEmpty()) {
      body.put("aud", audience.size() == 1 ? audience.get(0) : audience);
    }
    body.put("token_type", "Bearer");
    putIfPresent(body, "tid", c.getClaim("tid"));
    putIfPresent(body, "app_id", c.getClaim("app_id"));
    putIfPresent(body, "roles", c.getClaim("roles"));
    return body;
  }

  private static Long seconds(Date date) {
    return date == null ? null : date.toInstant().getEpochSecond();
  }

  private static void putIfPresent(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }
}
