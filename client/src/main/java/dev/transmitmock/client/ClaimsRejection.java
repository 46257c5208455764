package dev.transmitmock.client;

import com.nimbusds.jwt.proc.BadJWTException;
import dev.transmitmock.client.TokenRejectedException.Reason;

/**
 * Carries a {@link Reason} out of the Nimbus processor's type and claims verification stages, so
 * the verifier never has to guess a reason from an exception message.
 */
final class ClaimsRejection extends BadJWTException {

  private static final long serialVersionUID = 1L;

  private final transient Reason reason;

  ClaimsRejection(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }

  TokenRejectedException toRejection() {
    return new TokenRejectedException(reason, getMessage());
  }
}
