package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's TLS helpers: client certificates issued from the CA the emulator generated at
 * start, for {@code tls_client_auth} tests that cannot run openssl. Needs HTTPS ({@link
 * TransmitMockContainer#withHttps()}) and a generated server certificate.
 *
 * <pre>{@code
 * mock.control().clients().putClient(ClientDefinition.tlsClientAuth("payments-svc")
 *     .subjectDn("CN=payments-svc,O=Acme").build());
 * IssuedClientCertificate issued =
 *     mock.control().tls().issueClientCertificate("CN=payments-svc,O=Acme", "payments.example");
 * HttpClient mtls = HttpClient.newBuilder().sslContext(mock.createSslContext(issued)).build();
 * // POST grant_type=client_credentials&client_id=payments-svc to mock.getHttpsTokenEndpoint()
 * }</pre>
 */
public final class TlsControl {

  static final String CLIENT_CERTIFICATES_PATH = ControlPaths.TLS_CLIENT_CERTIFICATES;

  private final EmulatorHttp http;

  TlsControl(EmulatorHttp http) {
    this.http = requireNonNull(http, "http must not be null");
  }

  /**
   * Issues a client certificate from the emulator's CA ({@code POST
   * /_mock/tls/client-certificates}).
   *
   * @param subjectDn the subject, RFC 4514 (e.g. {@code CN=payments-svc,O=Acme})
   * @param subjectAltNames DNS names, IP addresses, URIs ({@code scheme:...}) or emails ({@code
   *     a@b}); may be none
   * @throws TransmitMockException 404 when HTTPS is off, 400 for a malformed subject or when the
   *     server certificate was configured (the emulator then holds no CA key)
   */
  public IssuedClientCertificate issueClientCertificate(
      String subjectDn, String... subjectAltNames) {
    requireNonNull(subjectDn, "subjectDn must not be null");
    requireNonNull(subjectAltNames, "subjectAltNames must not be null");
    if (subjectDn.isBlank()) {
      throw new IllegalArgumentException("subjectDn must not be blank");
    }
    List<String> names =
        Arrays.stream(subjectAltNames)
            .map(name -> requireNonNull(name, "subject alternative name must not be null"))
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(ControlFields.Tls.SUBJECT_DN, subjectDn);
    body.put(ControlFields.Tls.SUBJECT_ALT_NAMES, names);
    Object answer = http.controlPost(CLIENT_CERTIFICATES_PATH, body);
    if (!(answer instanceof Map<?, ?> json)) {
      throw new TransmitMockException(
          "POST " + CLIENT_CERTIFICATES_PATH + " answered without a certificate", 201, "");
    }
    return new IssuedClientCertificate(
        text(json, ControlFields.Tls.SUBJECT_DN),
        text(json, ControlFields.Tls.THUMBPRINT),
        text(json, ControlFields.Tls.CERTIFICATE_PEM),
        text(json, ControlFields.Tls.CHAIN_PEM),
        text(json, ControlFields.Tls.PRIVATE_KEY_PEM));
  }

  private static String text(Map<?, ?> json, String field) {
    if (json.get(field) instanceof String value) {
      return value;
    }
    // the body holds a private key: never quote it
    throw new TransmitMockException(
        "POST " + CLIENT_CERTIFICATES_PATH + " answered without " + field, 201, "");
  }
}
