package dev.transmitmock.spring.testcontainers;

import dev.transmitmock.spring.test.TransmitMockConnectionDetails;
import dev.transmitmock.testcontainers.TokenMintRequest;
import dev.transmitmock.testcontainers.TransmitMockContainer;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for a {@link TransmitMockContainer}: the application's {@code
 * TransmitJwtDecoder} beans verify against the container's keys and issuer, and its Transmit OAuth2
 * client registrations get tokens from the container.
 *
 * <pre>{@code
 * @SpringBootTest
 * @Testcontainers
 * class OrdersApiIT {
 *   @Container
 *   @ServiceConnection
 *   static TransmitMockContainer<?> transmit = new TransmitMockContainer<>("transmit-mock:local")
 *       .withClient("storefront", "storefront-secret", "https://api.orders.example");
 * }
 * }</pre>
 *
 * Registered in {@code META-INF/spring.factories}; any image name is accepted, the container's type
 * decides. The container's clock is not shared with the application (it runs in another process):
 * to test expiry, mint tokens that are already expired.
 */
class TransmitMockContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<
        TransmitMockContainer<?>, TransmitMockConnectionDetails> {

  TransmitMockContainerConnectionDetailsFactory() {
    super(ANY_CONNECTION_NAME, "dev.transmitmock.testcontainers.TransmitMockContainer");
  }

  @Override
  protected TransmitMockConnectionDetails getContainerConnectionDetails(
      ContainerConnectionSource<TransmitMockContainer<?>> source) {
    return new ContainerDetails(source);
  }

  /** Reads the container's URLs once it runs. */
  private static final class ContainerDetails
      extends ContainerConnectionDetails<TransmitMockContainer<?>>
      implements TransmitMockConnectionDetails {

    private ContainerDetails(ContainerConnectionSource<TransmitMockContainer<?>> source) {
      super(source);
    }

    @Override
    public String issuer() {
      return getContainer().getIssuer();
    }

    @Override
    public URI jwksUri() {
      return URI.create(getContainer().getJwksUri());
    }

    @Override
    public URI tokenEndpoint() {
      return URI.create(getContainer().getTokenEndpoint());
    }

    @Override
    public Optional<Clock> clock() {
      return Optional.empty();
    }

    @Override
    public String mintToken(
        String clientId, Optional<String> resource, Map<String, Object> claims) {
      TokenMintRequest.Builder request = TokenMintRequest.forClient(clientId);
      resource.ifPresent(request::resource);
      claims.forEach(request::claim);
      return getContainer().control().tokens().mint(request.build());
    }

    @Override
    public String toString() {
      return "TransmitMockContainer connection details";
    }
  }
}
