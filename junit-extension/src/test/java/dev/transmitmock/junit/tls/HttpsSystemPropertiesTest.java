package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.TransmitMockProperties;
import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

// System properties are global: nothing else may start a server while this class runs.
@Isolated
class HttpsSystemPropertiesTest {
  private static final Map<String, String> DURING = new ConcurrentHashMap<>();
  private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  @Test
  void publishes_working_https_urls_and_a_readable_ca_file_while_the_server_runs() {
    Fixtures.run(Publishing.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(DURING)
        .containsKeys(
            TransmitMockProperties.HTTPS_BASE_URL,
            TransmitMockProperties.HTTPS_TOKEN_ENDPOINT,
            TransmitMockProperties.HTTPS_JWKS_URI,
            TransmitMockProperties.HTTPS_DISCOVERY_URI,
            TransmitMockProperties.HTTPS_PORT,
            TransmitMockProperties.CA_CERTIFICATE_FILE,
            TransmitMockProperties.TOKEN_ENDPOINT);
    assertThat(DURING.get(TransmitMockProperties.HTTPS_TOKEN_ENDPOINT))
        .isEqualTo(
            "https://127.0.0.1:" + DURING.get(TransmitMockProperties.HTTPS_PORT) + "/oidc/token");
    assertThat(DURING.get(TransmitMockProperties.TOKEN_ENDPOINT)).startsWith("http://");
    assertThat(SEEN.get("token status")).isEqualTo(200);
    assertThat(SEEN.get("jwks status")).isEqualTo(200);
    assertThat(SEEN.get("ca from file")).isEqualTo(SEEN.get("ca from handle"));
  }

  @Test
  void deletes_the_ca_file_and_clears_the_properties_when_the_server_stops() {
    Fixtures.run(Publishing.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(Path.of(DURING.get(TransmitMockProperties.CA_CERTIFICATE_FILE))).doesNotExist();
    assertThat(System.getProperty(TransmitMockProperties.CA_CERTIFICATE_FILE)).isNull();
    assertThat(System.getProperty(TransmitMockProperties.HTTPS_TOKEN_ENDPOINT)).isNull();
  }

  @Test
  void an_https_only_emulator_publishes_https_urls_under_the_plain_names_too() {
    Fixtures.run(PublishingHttpsOnly.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));

    assertThat(DURING.get(TransmitMockProperties.TOKEN_ENDPOINT))
        .isEqualTo(DURING.get(TransmitMockProperties.HTTPS_TOKEN_ENDPOINT))
        .startsWith("https://");
    assertThat(SEEN.get("token status")).isEqualTo(200);
  }

  /** Uses only the system properties, as a framework configured by them would. */
  private static void useThePropertiesOnly(TransmitMockHandle mock) throws Exception {
    DURING.clear();
    for (String name : mock.properties().keySet()) {
      DURING.put(name, System.getProperty(name));
    }
    Path caFile = Path.of(System.getProperty(TransmitMockProperties.CA_CERTIFICATE_FILE));
    List<X509Certificate> fromFile = TlsIdentity.certificates(Files.readString(caFile));
    SSLContext tls = TlsIdentity.trusting(fromFile.toArray(new X509Certificate[0]));
    Reply token =
        TestHttp.to(
                URI.create(System.getProperty(TransmitMockProperties.HTTPS_TOKEN_ENDPOINT)), tls)
            .token("demo-app", "demo-app-secret");
    SEEN.put("token status", token.status());
    SEEN.put(
        "jwks status",
        TestHttp.with(tls)
            .get(URI.create(System.getProperty(TransmitMockProperties.HTTPS_JWKS_URI)))
            .status());
    SEEN.put("ca from file", fromFile);
    SEEN.put("ca from handle", List.of(mock.caCertificate()));
  }

  @TransmitMock(https = true)
  static class Publishing {
    @Test
    void reads_the_properties(TransmitMockHandle mock) throws Exception {
      useThePropertiesOnly(mock);
    }
  }

  @TransmitMock(httpsOnly = true)
  static class PublishingHttpsOnly {
    @Test
    void reads_the_properties(TransmitMockHandle mock) throws Exception {
      useThePropertiesOnly(mock);
    }
  }
}
