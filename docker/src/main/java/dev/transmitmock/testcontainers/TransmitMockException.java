package dev.transmitmock.testcontainers;

/**
 * The emulator in the container answered a request with an error status, or could not be reached.
 * The message names the request and quotes the emulator's error body (which never holds a secret);
 * it never contains client secrets or tokens sent.
 */
public final class TransmitMockException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  TransmitMockException(String message, int status, String body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  TransmitMockException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.body = "";
  }

  /** The HTTP status answered, or 0 when no answer arrived. */
  public int status() {
    return status;
  }

  /** The response body as received (an error JSON document), or empty. */
  public String body() {
    return body;
  }
}
