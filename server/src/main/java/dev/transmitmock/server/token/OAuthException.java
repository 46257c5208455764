package dev.transmitmock.server.token;

/**
 * Carries an {@link OAuthError} out of request handling. Cheap: it has no stack trace, since it is
 * an answer, not a fault.
 */
public final class OAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient OAuthError error;

  public OAuthException(OAuthError error) {
    super(error.error() + ": " + error.description(), null, false, false);
    this.error = error;
  }

  public OAuthError error() {
    return error;
  }
}
