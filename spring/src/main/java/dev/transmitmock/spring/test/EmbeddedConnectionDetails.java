package dev.transmitmock.spring.test;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.defects.TokenSpec;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The connection details of an emulator running in this JVM. */
final class EmbeddedConnectionDetails implements TransmitMockConnectionDetails {
  private final TransmitMockHandle mock;
  private final boolean shareClock;

  EmbeddedConnectionDetails(TransmitMockHandle mock, boolean shareClock) {
    this.mock = requireNonNull(mock, "mock must not be null");
    this.shareClock = shareClock;
  }

  @Override
  public String issuer() {
    return mock.issuer();
  }

  @Override
  public URI jwksUri() {
    return mock.jwksUri();
  }

  @Override
  public URI tokenEndpoint() {
    return mock.tokenEndpoint();
  }

  @Override
  public Optional<Clock> clock() {
    return shareClock ? Optional.of(mock.clock()) : Optional.empty();
  }

  @Override
  public String mintToken(String clientId, Optional<String> resource, Map<String, Object> claims) {
    if (claims.isEmpty()) {
      return resource.isPresent()
          ? mock.tokenFor(clientId, resource.get())
          : mock.tokenFor(clientId);
    }
    TokenSpec.Builder spec = TokenSpec.builder().clientId(clientId).claims(claims);
    resource.ifPresent(spec::resource);
    return mock.token(spec.build());
  }

  @Override
  public String toString() {
    return "EmbeddedConnectionDetails[" + mock.baseUrl() + "]";
  }
}
