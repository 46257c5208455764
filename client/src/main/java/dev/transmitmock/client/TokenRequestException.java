package dev.transmitmock.client;

import java.util.Optional;

/**
 * Thrown by {@link TransmitTokenClient} when no access token could be obtained.
 *
 * <p>When the token endpoint answered with an RFC 6749 error, {@link #error()} holds its code
 * ({@code invalid_client}, {@code invalid_target}, ...) and {@link #errorDescription()} its text.
 * {@link #statusCode()} is the last HTTP status, or 0 when no response arrived (connection failure,
 * timeout). The message never contains the client secret or a token.
 *
 * <pre>{@code
 * try {
 *   client.accessToken(resource);
 * } catch (TokenRequestException e) {
 *   if (e.error().filter("invalid_client"::equals).isPresent()) {
 *     alert("Transmit rejected our client credentials");
 *   }
 * }
 * }</pre>
 */
public final class TokenRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private static final int MAX_DESCRIPTION_LENGTH = 300;

  /** The OAuth {@code error} code, or {@code null}. */
  private final String error;

  /** The OAuth {@code error_description}, or {@code null}. */
  private final String errorDescription;

  /** The last HTTP status, 0 without a response. */
  private final int statusCode;

  /** Requests sent before giving up. */
  private final int attempts;

  TokenRequestException(
      String message,
      String error,
      String errorDescription,
      int statusCode,
      int attempts,
      Throwable cause) {
    super(message, cause);
    this.error = error;
    this.errorDescription = errorDescription;
    this.statusCode = statusCode;
    this.attempts = attempts;
  }

  static TokenRequestException fromResponse(
      String endpoint, int statusCode, String error, String description, int attempts) {
    String safeError = error == null ? null : LogSafe.quote(error);
    String safeDescription =
        description == null
            ? null
            : description.length() > MAX_DESCRIPTION_LENGTH
                ? description.substring(0, MAX_DESCRIPTION_LENGTH)
                : description;
    StringBuilder message =
        new StringBuilder("token request to ")
            .append(endpoint)
            .append(" failed with HTTP ")
            .append(statusCode);
    if (safeError != null) {
      message.append(' ').append(safeError);
    }
    if (safeDescription != null) {
      message.append(": ").append(LogSafe.quote(safeDescription));
    }
    message.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    return new TokenRequestException(
        message.toString(), error, safeDescription, statusCode, attempts, null);
  }

  /**
   * A copy for a thread that waited on another thread's request, so each caller gets its own stack
   * trace with the original as cause.
   */
  TokenRequestException forWaiter() {
    return new TokenRequestException(
        getMessage(), error, errorDescription, statusCode, attempts, this);
  }

  /**
   * The OAuth 2.0 {@code error} code from the token endpoint's response.
   *
   * @return e.g. {@code invalid_client}; empty when the failure was not an OAuth error response
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The OAuth 2.0 {@code error_description} from the token endpoint's response.
   *
   * @return the description (truncated to 300 characters), if the server sent one
   */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }

  /**
   * The HTTP status of the last response.
   *
   * @return the status, or 0 when no response was received
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * How many requests were sent before giving up.
   *
   * @return 1 when the failure was not retried
   */
  public int attempts() {
    return attempts;
  }
}
