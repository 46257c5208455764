package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** The handle injected by {@link TransmitMock}: bound to one running server. */
final class ServerHandle implements TransmitMockHandle {
  private final ServerResource resource;

  ServerHandle(ServerResource resource) {
    this.resource = requireNonNull(resource, "resource must not be null");
  }

  @Override
  public TransmitMockServer server() {
    return resource.server();
  }

  @Override
  public Path caCertificateFile() {
    return caCertificateFile(resource);
  }

  @Override
  public SSLContext sslContext() {
    return sslContext(resource);
  }

  @Override
  public TransmitClientCredentials credentials(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    return resource.credentials(clientId);
  }

  @Override
  public Map<String, String> properties() {
    return resource.properties();
  }

  static Path caCertificateFile(ServerResource resource) {
    HttpsSupport.require(resource.server());
    return resource.caCertificateFile().orElseThrow();
  }

  static SSLContext sslContext(ServerResource resource) {
    HttpsSupport.require(resource.server());
    return resource.sslContext().orElseThrow();
  }

  @Override
  public String toString() {
    return "TransmitMockHandle[" + resource.server() + "]";
  }
}
