package dev.transmitmock.junit;

import dev.transmitmock.server.TransmitMockServer;
import java.security.cert.X509Certificate;

/** Access to a server's HTTPS side with an error that says how to turn HTTPS on. */
final class HttpsSupport {
  static final String HOW_TO_TURN_ON =
      "turn it on with @TransmitMock(https = true) or TransmitMockExtension.builder().https()";

  private HttpsSupport() {}

  /** The server, once checked to serve HTTPS. */
  static TransmitMockServer require(TransmitMockServer server) {
    if (!server.httpsEnabled()) {
      throw new IllegalStateException(
          "this transmit-mock emulator serves no HTTPS; " + HOW_TO_TURN_ON);
    }
    return server;
  }

  /** The certificate clients must trust. */
  static X509Certificate caCertificate(TransmitMockServer server) {
    return require(server).caCertificate();
  }
}
