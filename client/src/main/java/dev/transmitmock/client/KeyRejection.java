package dev.transmitmock.client;

import com.nimbusds.jose.KeySourceException;
import dev.transmitmock.client.TokenRejectedException.Reason;

/**
 * Carries a {@link Reason} out of the Nimbus processor's key selection stage ({@code
 * JWSKeySelector} may only throw {@link KeySourceException}).
 */
final class KeyRejection extends KeySourceException {

  private static final long serialVersionUID = 1L;

  private final transient Reason reason;

  KeyRejection(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  TokenRejectedException toRejection() {
    return new TokenRejectedException(reason, getMessage(), getCause());
  }
}
