package dev.transmitmock.server.token;

import java.time.Instant;
import java.util.Optional;

/**
 * A freshly minted access token and what the token response says about it.
 *
 * @param accessToken the compact JWT; never logged
 * @param jti its id
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 * @param expiresIn the {@code expires_in} of the response, in seconds (negative when already
 *     expired)
 * @param scope the granted scope, if any was requested
 * @param audience its {@code aud}
 */
public record IssuedToken(
    String accessToken,
    String jti,
    Instant issuedAt,
    Instant expiresAt,
    long expiresIn,
    Optional<String> scope,
    String audience) {

  @Override
  public String toString() {
    return "IssuedToken[jti=" + jti + ", aud=" + audience + ", exp=" + expiresAt + "]";
  }
}
