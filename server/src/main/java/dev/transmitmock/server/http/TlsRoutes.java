package dev.transmitmock.server.http;

import dev.transmitmock.server.tls.HttpsListener;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /_mock/tls/ca.pem}: the certificate to trust for the emulator's HTTPS listener (the
 * generated CA, or the configured chain's last certificate); 404 when HTTPS is off.
 */
final class TlsRoutes {
  /** The media type of a PEM certificate. */
  static final String PEM = "application/x-pem-file";

  private final Optional<HttpsListener> https;

  TlsRoutes(Optional<HttpsListener> https) {
    this.https = https;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/tls/ca.pem", this::caCertificate);
  }

  private void caCertificate(Context ctx) {
    HttpsListener listener =
        https.orElseThrow(
            () ->
                ControlException.notFound(
                    "HTTPS is off; turn it on with tls.enabled, --https-port or"
                        + " TRANSMIT_MOCK_HTTPS_PORT"));
    ctx.contentType(PEM).result(listener.caCertificatePem());
  }
}
