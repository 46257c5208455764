package dev.transmitmock.server.cli;

import dev.transmitmock.server.http.HttpApi;
import java.io.IOException;
import java.io.PrintWriter;
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

  private HttpsProbe() {}

  static int probe(String host, int port, PrintWriter out, PrintWriter err) {
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
