package dev.transmitmock.server.token;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.control.JournalDraft;
import dev.transmitmock.server.control.MockClock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 7009 token revocation: a client-authenticated {@code POST .../token/revocation}. A revoked
 * token introspects inactive. Unknown or invalid tokens answer 200 as the RFC asks; a token issued
 * to another client is refused, as node-oidc-provider does.
 */
public final class RevocationService {
  private final TokenService tokens;
  private final OwnTokens ownTokens;
  private final RevokedTokens revoked;
  private final MockClock clock;

  /**
   * Revokes the tokens {@code tokens} issues.
   *
   * @param revoked where revoked {@code jti}s are kept until they expire
   * @param clock the emulator's clock
   */
  public RevocationService(TokenService tokens, RevokedTokens revoked, MockClock clock) {
    this.tokens = tokens;
    this.ownTokens = new OwnTokens(tokens.signingKeys(), tokens.config(), tokens.settings());
    this.revoked = revoked;
    this.clock = clock;
  }

  /** Answers a revocation request. */
  public EndpointResponse handle(RawRequest request) {
    return handle(FormRequest.of(request));
  }

  /** Answers a request parsed once. */
  public EndpointResponse handle(FormRequest request) {
    JournalDraft draft = tokens.draft(Endpoint.REVOCATION);
    try {
      TokenService.AuthenticatedForm form =
          tokens.authenticatedForm(request, draft, "/token/revocation");
      ClientConfig caller = form.caller();
      String token = form.token();
      Optional<JWTClaimsSet> claims = ownTokens.verify(token, clock.instant());
      if (claims.isPresent() && claims.get().getJWTID() != null) {
        JWTClaimsSet c = claims.get();
        if (!caller.clientId().equals(c.getClaim("client_id"))) {
          throw OAuthError.invalidRequest("this token does not belong to you").exception();
        }
        draft.jti(Optional.of(c.getJWTID()));
        Instant expiresAt =
            c.getExpirationTime() == null ? Instant.MAX : c.getExpirationTime().toInstant();
        revoked.revoke(c.getJWTID(), expiresAt, clock.instant());
      }
      draft.succeeded();
      return new EndpointResponse(200, EndpointResponse.NO_STORE, null);
    } catch (OAuthException e) {
      return tokens.refuse(draft, e.error());
    }
  }
}
