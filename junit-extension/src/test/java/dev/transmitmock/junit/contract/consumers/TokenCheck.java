package dev.transmitmock.junit.contract.consumers;

import java.util.Optional;

/** How a consumer answers a request: from its Authorization header to an HTTP status. */
@FunctionalInterface
public interface TokenCheck {
  /** The status for a request carrying this Authorization header (empty: none). */
  int status(Optional<String> authorization);
}
