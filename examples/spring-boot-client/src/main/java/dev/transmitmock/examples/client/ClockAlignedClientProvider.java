package dev.transmitmock.examples.client;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Makes one clock decide both when a token was obtained and when it is stale.
 *
 * <p>Spring Security dates a new token from the system clock ({@code OAuth2AccessTokenResponse}
 * sets {@code issuedAt = Instant.now()}, {@code expiresAt = issuedAt + expires_in}), while {@link
 * org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider}
 * judges staleness on its own {@code Clock}. With the system clock for both (production) this
 * wrapper changes nothing. With any other clock (a test moving time forward) every new token would
 * look stale at once and be fetched again on each call; re-dating it on the same clock keeps the
 * cache working.
 */
final class ClockAlignedClientProvider implements OAuth2AuthorizedClientProvider {

  private final OAuth2AuthorizedClientProvider delegate;
  private final Clock clock;

  ClockAlignedClientProvider(OAuth2AuthorizedClientProvider delegate, Clock clock) {
    this.delegate = requireNonNull(delegate, "delegate must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  @Override
  public OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
    OAuth2AuthorizedClient authorized = delegate.authorize(context);
    if (authorized == null || authorized == context.getAuthorizedClient()) {
      return authorized; // nothing new: the cached token is still good
    }
    OAuth2AccessToken token = authorized.getAccessToken();
    if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
      return authorized;
    }
    Instant issuedAt = clock.instant();
    Duration lifetime = Duration.between(token.getIssuedAt(), token.getExpiresAt());
    OAuth2AccessToken redated =
        new OAuth2AccessToken(
            token.getTokenType(),
            token.getTokenValue(),
            issuedAt,
            issuedAt.plus(lifetime),
            token.getScopes());
    return new OAuth2AuthorizedClient(
        authorized.getClientRegistration(),
        authorized.getPrincipalName(),
        redated,
        authorized.getRefreshToken());
  }
}
