package dev.transmitmock.server.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
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
  private static final Set<String> CERTIFICATE_FIELDS = ControlFields.Tls.REQUEST;

  /** The media type of a PEM certificate. */
  static final String PEM = "application/x-pem-file";

  private final Optional<HttpsListener> https;

  TlsRoutes(Optional<HttpsListener> https) {
    this.https = https;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlPaths.TLS_CA_PEM, this::caCertificate);
    routes.post(ControlPaths.TLS_CLIENT_CERTIFICATES, this::issueClientCertificate);
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
    String subjectDn = body.requiredText(ControlFields.Tls.SUBJECT_DN);
    List<String> names = new ArrayList<>();
    if (body.has(ControlFields.Tls.SUBJECT_ALT_NAMES)) {
      JsonNode list = body.node().get(ControlFields.Tls.SUBJECT_ALT_NAMES);
      if (!list.isArray()) {
        throw ControlException.badField(
            ControlFields.Tls.SUBJECT_ALT_NAMES, "must be a list of strings");
      }
      for (JsonNode name : list) {
        if (!name.isTextual() || name.asText().isBlank()) {
          throw ControlException.badField(
              ControlFields.Tls.SUBJECT_ALT_NAMES, "must be a list of non-empty strings");
        }
        names.add(name.asText().trim());
      }
    }
    TlsIdentity issued;
    try {
      issued = listener.issueClientCertificate(subjectDn, names);
    } catch (IllegalArgumentException e) {
      throw ControlException.badField(ControlFields.Tls.SUBJECT_DN, e.getMessage());
    } catch (IllegalStateException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ControlFields.Tls.SUBJECT_DN, issued.subjectDn());
    json.put(ControlFields.Tls.THUMBPRINT, issued.thumbprint());
    json.put(ControlFields.Tls.CERTIFICATE_PEM, issued.certificatePem());
    json.put(ControlFields.Tls.CHAIN_PEM, issued.chainPem());
    json.put(ControlFields.Tls.PRIVATE_KEY_PEM, issued.privateKeyPem());
    ctx.status(201);
    ControlResponses.write(ctx, json);
  }
}
