package dev.transmitmock.examples.plainjava;

/**
 * The inventory API could not be asked: no access token could be obtained from Transmit, or the
 * inventory API failed. The message is safe to log and names the cause, never a token or secret.
 */
public final class InventoryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message that says what failed. */
  public InventoryUnavailableException(String message) {
    super(message);
  }

  /** With a message that says what failed, and its cause. */
  public InventoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
