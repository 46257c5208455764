package dev.transmitmock.server.cli;

import dev.transmitmock.server.http.oidc.HttpApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code --probe} for an emulator serving HTTPS only: GETs {@code /_mock/health} over TLS on the
 * loopback interface. It checks liveness, not identity, so it accepts the emulator's certificate
 * whatever it is (generated or configured, any host name); it sends nothing secret.
 */
final class HttpsProbe {
  private static final int TIMEOUT_MILLIS = 2_000;

  /** Why an HTTPS-only probe of an emulator that needs client certificates fails, and the fix. */
  static final String NEED_HINT =
      "  the emulator serves HTTPS only and requires a client certificate (client auth 'need');"
          + " this probe has none, so its TLS handshake is refused and it can never report healthy."
          + " Keep plain HTTP on beside HTTPS (TRANSMIT_MOCK_HTTP_ENABLED=true, tls.httpEnabled:"
          + " true) or ask for client certificates without requiring them"
          + " (TRANSMIT_MOCK_TLS_CLIENT_AUTH=want, --tls-client-auth want, tls.clientAuth: want):"
          + " mTLS clients still authenticate with 'want'.";

  private HttpsProbe() {}

  /**
   * Probes {@code https://host:port/_mock/health}.
   *
   * @param clientCertificateNeeded whether the emulator refuses a TLS handshake without a client
   *     certificate ({@code need}): the probe has none, so a failure then says why and what to do
   */
  static int probe(
      String host, int port, boolean clientCertificateNeeded, PrintWriter out, PrintWriter err) {
    String target = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    if (target.contains(":") && !target.startsWith("[")) {
      target = "[" + target + "]";
    }
    URI health = URI.create("https://" + target + ":" + port + HttpApi.HEALTH_PATH);
    try {
      HttpsURLConnection connection = (HttpsURLConnection) health.toURL().openConnection();
      connection.setSSLSocketFactory(anyServerCertificate().getSocketFactory());
      connection.setHostnameVerifier((name, session) -> true);
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status == 200) {
        out.println("healthy: " + health);
        return TransmitMockCli.EXIT_OK;
      }
      err.println("unhealthy: " + health + " answered " + status);
    } catch (IOException | GeneralSecurityException e) {
      err.println("unhealthy: " + health + ": " + e.getClass().getSimpleName());
      if (clientCertificateNeeded && !(e instanceof ConnectException)) {
        err.println(NEED_HINT);
      }
    }
    return TransmitMockCli.EXIT_FAILURE;
  }

  private static SSLContext anyServerCertificate() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }
}
