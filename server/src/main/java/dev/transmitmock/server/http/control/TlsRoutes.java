package dev.transmitmock.server.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.http.HttpsListener;
import dev.transmitmock.server.pki.TlsIdentity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /_mock/tls/ca.pem}: the certificate to trust for the emulator's HTTPS listener (the
 * generated CA, or the configured chain's last certificate); {@code POST
 * /_mock/tls/client-certificates}: a new client certificate issued by the generated CA (trusted for
 * {@code tls_client_auth} unless {@code tls.clientCaCertificates} is set), with its private key,
 * for tests that cannot run openssl. 404 when HTTPS is off.
 */
final class TlsRoutes {
  private static final Set<String> CERTIFICATE_FIELDS = Set.of("subjectDn", "subjectAltNames");

  /** The media type of a PEM certificate. */
  static final String PEM = "application/x-pem-file";

  private final Optional<HttpsListener> https;

  TlsRoutes(Optional<HttpsListener> https) {
    this.https = https;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/tls/ca.pem", this::caCertificate);
    routes.post(ControlApi.PREFIX + "/tls/client-certificates", this::issueClientCertificate);
  }

  private HttpsListener listener() {
    return https.orElseThrow(
        () ->
            ControlException.notFound(
                "HTTPS is off; turn it on with tls.enabled, --https-port or"
                    + " TRANSMIT_MOCK_HTTPS_PORT"));
  }

  private void caCertificate(Context ctx) {
    ctx.contentType(PEM).result(listener().caCertificatePem());
  }

  private void issueClientCertificate(Context ctx) {
    HttpsListener listener = listener();
    JsonBody body = JsonBody.parse(ctx.body(), CERTIFICATE_FIELDS);
    String subjectDn = body.requiredText("subjectDn");
    List<String> names = new ArrayList<>();
    if (body.has("subjectAltNames")) {
      JsonNode list = body.node().get("subjectAltNames");
      if (!list.isArray()) {
        throw ControlException.badField("subjectAltNames", "must be a list of strings");
      }
      for (JsonNode name : list) {
        if (!name.isTextual() || name.asText().isBlank()) {
          throw ControlException.badField("subjectAltNames", "must be a list of non-empty strings");
        }
        names.add(name.asText().trim());
      }
    }
    TlsIdentity issued;
    try {
      issued = listener.issueClientCertificate(subjectDn, names);
    } catch (IllegalArgumentException e) {
      throw ControlException.badField("subjectDn", e.getMessage());
    } catch (IllegalStateException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subjectDn", issued.subjectDn());
    json.put("thumbprint", issued.thumbprint());
    json.put("certificatePem", issued.certificatePem());
    json.put("chainPem", issued.chainPem());
    json.put("privateKeyPem", issued.privateKeyPem());
    ctx.status(201);
    ControlResponses.write(ctx, json);
  }
}
