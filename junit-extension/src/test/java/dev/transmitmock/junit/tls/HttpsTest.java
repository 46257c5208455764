package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TransmitMock(
    https = true,
    clients =
        @TransmitClient(
            id = "orders-svc",
            secret = "orders-secret",
            resources = "https://api.orders.example"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpsTest {
  private static final String RESOURCE = "https://api.orders.example";

  @InjectTransmitMock SSLContext trustsTheEmulator;

  @Test
  void issues_a_token_over_tls_to_a_client_using_the_injected_ssl_context(
      TransmitMockHandle mock, @InjectTransmitMock SSLContext tls) throws IOException {
    Reply response =
        TestHttp.to(mock.httpsTokenEndpoint(), tls).token("orders-svc", "orders-secret");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getIssuer()).isEqualTo(mock.issuer());
    assertThat(response.claims().getSubject()).isEqualTo("orders-svc");
    assertThat(mock.httpsTokenEndpoint().getScheme()).isEqualTo("https");
  }

  @Test
  void a_client_that_does_not_trust_the_emulator_ca_fails_the_handshake(TransmitMockHandle mock)
      throws Exception {
    SSLContext jdkDefaults = SSLContext.getDefault();

    assertThatThrownBy(
            () ->
                TestHttp.to(mock.httpsTokenEndpoint(), jdkDefaults)
                    .token("orders-svc", "orders-secret"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SSLHandshakeException.class);
    assertThat(mock.journal().tokenRequests()).isEmpty();
  }

  @Test
  void plain_http_keeps_serving_beside_https(TransmitMockHandle mock) {
    Reply response =
        TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret", RESOURCE);

    assertThat(mock.baseUrl().getScheme()).isEqualTo("http");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getAudience()).containsExactly(RESOURCE);
  }

  @Test
  void the_injected_ca_certificate_signed_the_server_certificate(
      @InjectTransmitMock X509Certificate ca, TransmitMockServer server, TransmitMockHandle mock)
      throws Exception {
    server.tlsCertificate().verify(ca.getPublicKey());

    assertThat(ca).isEqualTo(mock.caCertificate());
    assertThat(mock.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void the_ssl_context_field_and_the_handle_trust_the_emulator_too(TransmitMockHandle mock)
      throws IOException {
    for (SSLContext tls : new SSLContext[] {trustsTheEmulator, mock.sslContext()}) {
      assertThat(
              TestHttp.to(mock.httpsTokenEndpoint(), tls)
                  .token("orders-svc", "orders-secret")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void discovery_over_https_lists_https_endpoints(TransmitMockHandle mock) {
    Reply discovery = TestHttp.with(mock.sslContext()).get(mock.httpsDiscoveryUri());

    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.json().path("token_endpoint").asText())
        .startsWith(mock.httpsBaseUrl() + "/")
        .endsWith("/oidc/token");
    assertThat(TestHttp.with(mock.sslContext()).get(mock.httpsJwksUri()).json().has("keys"))
        .isTrue();
  }

  @Test
  @Order(1)
  void a_test_that_moves_the_clock_and_adds_a_client(TransmitMockHandle mock) throws IOException {
    mock.clock().advance(Duration.ofDays(3));
    mock.clients()
        .putClient(ClientConfig.builder("temporary").secret("temporary-secret").build(), List.of());

    assertThat(
            TestHttp.to(mock.httpsTokenEndpoint(), mock.sslContext())
                .token("temporary", "temporary-secret")
                .status())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void the_next_test_starts_from_the_configured_state_over_https(TransmitMockHandle mock)
      throws IOException {
    Reply temporary =
        TestHttp.to(mock.httpsTokenEndpoint(), mock.sslContext())
            .token("temporary", "temporary-secret");
    Reply orders =
        TestHttp.to(mock.httpsTokenEndpoint(), mock.sslContext())
            .token("orders-svc", "orders-secret");

    assertThat(temporary.status()).isEqualTo(401);
    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.claims().getIssueTime().toInstant())
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(mock.journal().tokenRequests()).hasSize(2);
  }
}
