package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientAuthMode;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.TestHttp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS flags and variables of the command line, run in-process. */
class TlsCliTest extends InProcessCliTest {
  @TempDir Path folder;

  private static int tokenStatus(TransmitMockServer server) throws Exception {
    return TestHttp.to(server.httpsBaseUrl(), TlsIdentity.trusting(server.caCertificate()))
        .token("demo-app", "demo-app-secret")
        .status();
  }

  @Test
  void https_port_and_tls_cert_out_serve_https_and_write_the_ca() throws Exception {
    Path ca = folder.resolve("ca.pem");

    int exit = run("--port", "0", "--https-port", "0", "--tls-cert-out", ca.toString());

    assertThat(exit).as(err.toString()).isZero();
    TransmitMockServer server = cli.server();
    assertThat(Files.readString(ca)).isEqualTo(server.caCertificatePem());
    assertThat(out.toString())
        .contains("HTTPS:           " + server.httpsTokenEndpoint())
        .contains("trust this CA:   " + ca);
    assertThat(tokenStatus(server)).isEqualTo(200);
  }

  @Test
  void environment_variables_turn_https_on_with_a_client_auth_mode_and_extra_names()
      throws Exception {
    env.put("TRANSMIT_MOCK_HTTPS_PORT", "0");
    env.put("TRANSMIT_MOCK_TLS_CLIENT_AUTH", "need");
    env.put("TRANSMIT_MOCK_TLS_SUBJECT_ALT_NAMES", "transmit-mock, mock.internal");
    env.put("TRANSMIT_MOCK_TLS_CA_OUT", folder.resolve("env-ca.pem").toString());

    assertThat(run("--port", "0")).as(err.toString()).isZero();

    TransmitMockServer server = cli.server();
    assertThat(server.config().tls().clientAuth()).isEqualTo(ClientAuthMode.NEED);
    List<String> names =
        server.tlsCertificate().getSubjectAlternativeNames().stream()
            .map(n -> String.valueOf(n.get(1)))
            .toList();
    assertThat(names).contains("transmit-mock", "mock.internal", "localhost");
    assertThat(folder.resolve("env-ca.pem")).exists();
  }

  @Test
  void a_key_store_from_the_environment_is_served(@TempDir Path dir) throws Exception {
    TlsIdentity ca = TlsIdentity.certificateAuthority("CN=env root");
    Path keyStore = dir.resolve("server.p12");
    ca.issue("CN=localhost", List.of("127.0.0.1")).writeKeyStore(keyStore, "s3cret".toCharArray());
    env.put("TRANSMIT_MOCK_HTTPS_PORT", "0");
    env.put("TRANSMIT_MOCK_TLS_KEYSTORE", keyStore.toString());
    env.put("TRANSMIT_MOCK_TLS_KEYSTORE_PASSWORD", "s3cret");

    assertThat(run("--port", "0")).as(err.toString()).isZero();

    assertThat(cli.server().caCertificate()).isEqualTo(ca.certificate());
    assertThat(out.toString()).doesNotContain("s3cret");
  }

  @Test
  void a_wrong_key_store_password_exits_2_without_printing_it(@TempDir Path dir) throws Exception {
    Path keyStore = dir.resolve("server.p12");
    TlsIdentity.selfSigned("CN=localhost", List.of())
        .writeKeyStore(keyStore, "right".toCharArray());
    env.put("TRANSMIT_MOCK_HTTPS_PORT", "0");
    env.put("TRANSMIT_MOCK_TLS_KEYSTORE", keyStore.toString());
    env.put("TRANSMIT_MOCK_TLS_KEYSTORE_PASSWORD", "wrong-one");

    assertThat(run("--port", "0")).isEqualTo(2);

    assertThat(err.toString()).contains("server.p12").doesNotContain("wrong-one");
    assertThat(cli.server()).isNull();
  }

  @Test
  void bad_tls_values_exit_2_naming_the_flag_or_variable() {
    assertThat(run("--port", "0", "--https-port", "0", "--tls-client-auth", "sometimes"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--tls-client-auth").contains("none, want, need");

    env.put("TRANSMIT_MOCK_HTTPS_PORT", "eighty");
    assertThat(run("--port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("TRANSMIT_MOCK_HTTPS_PORT");
  }

  @Test
  void probe_speaks_https_when_plain_http_is_off() {
    env.put("TRANSMIT_MOCK_HTTPS_PORT", "0");
    env.put("TRANSMIT_MOCK_HTTP_ENABLED", "false");
    assertThat(run("--port", "0")).as(err.toString()).isZero();
    TransmitMockServer server = cli.server();
    assertThat(server.baseUrl().getScheme()).isEqualTo("https");

    TransmitMockCli prober =
        new TransmitMockCli(
            Map.of("TRANSMIT_MOCK_HTTP_ENABLED", "false"),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    int exit = prober.execute("--probe", "--https-port", String.valueOf(server.httpsPort()));

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("healthy: https://127.0.0.1:" + server.httpsPort());
  }

  @Test
  void a_tls_flag_without_https_is_refused() {
    assertThat(run("--port", "0", "--tls-cert-out", folder.resolve("x.pem").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--https-port");
  }
}
