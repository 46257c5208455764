package dev.transmitmock.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An access token obtained by {@link TransmitTokenClient}: the opaque value to send as {@code
 * Authorization: Bearer ...}, and when it expires (computed from {@code expires_in} at receipt).
 *
 * <pre>{@code
 * AccessToken token = client.accessToken("https://api.orders.example");
 * request.header("Authorization", token.authorizationHeader());
 * }</pre>
 *
 * <p>{@link #toString()} never shows the value.
 *
 * @param value the access token, sent as a bearer credential
 * @param tokenType the token type, {@code Bearer} for Transmit
 * @param expiresAt when the token stops being valid
 * @param scope the granted scope as returned by the token endpoint, or {@code null}
 */
public record AccessToken(String value, String tokenType, Instant expiresAt, String scope) {

  private static final String BEARER = "Bearer";

  /**
   * Validates the parts.
   *
   * @param value the access token, not blank
   * @param tokenType the token type, not {@code null}
   * @param expiresAt the expiry, not {@code null}
   * @param scope the granted scope, or {@code null}
   */
  public AccessToken {
    requireNonNull(value, "value must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value must not be blank");
    }
    requireNonNull(tokenType, "tokenType must not be null");
    requireNonNull(expiresAt, "expiresAt must not be null");
  }

  /**
   * The granted scope, when the token endpoint returned one.
   *
   * @return the space-delimited scope
   */
  public Optional<String> grantedScope() {
    return Optional.ofNullable(scope);
  }

  /**
   * The value of an {@code Authorization} header carrying this token.
   *
   * @return {@code "Bearer " + value()}
   */
  public String authorizationHeader() {
    return BEARER + " " + value;
  }

  /**
   * Whether the token has expired at the given instant.
   *
   * @param now the current time
   * @return {@code true} when {@code now} is at or after {@link #expiresAt()}
   */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken[value=(redacted), tokenType="
        + tokenType
        + ", expiresAt="
        + expiresAt
        + ", scope="
        + scope
        + "]";
  }
}
