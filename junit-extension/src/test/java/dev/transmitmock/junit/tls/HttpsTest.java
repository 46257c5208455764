package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.support.TlsRequests;
import dev.transmitmock.junit.support.TokenRequests;
import dev.transmitmock.junit.support.TokenResponse;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import java.io.IOException;
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
    TokenResponse response =
        TlsRequests.secretRequest(tls, mock.httpsTokenEndpoint(), "orders-svc", "orders-secret");

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
                TlsRequests.secretRequest(
                    jdkDefaults, mock.httpsTokenEndpoint(), "orders-svc", "orders-secret"))
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(mock.journal().tokenRequests()).isEmpty();
  }

  @Test
  void plain_http_keeps_serving_beside_https(TransmitMockHandle mock) {
    TokenResponse response =
        TokenRequests.request(mock.tokenEndpoint(), "orders-svc", "orders-secret", RESOURCE);

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
              TlsRequests.secretRequest(
                      tls, mock.httpsTokenEndpoint(), "orders-svc", "orders-secret")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void discovery_over_https_lists_https_endpoints(TransmitMockHandle mock) {
    TokenResponse discovery = TlsRequests.get(mock.sslContext(), mock.httpsDiscoveryUri());

    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.json().get("token_endpoint").toString())
        .startsWith(mock.httpsBaseUrl() + "/")
        .endsWith("/oidc/token");
    assertThat(TlsRequests.get(mock.sslContext(), mock.httpsJwksUri()).json()).containsKey("keys");
  }

  @Test
  @Order(1)
  void a_test_that_moves_the_clock_and_adds_a_client(TransmitMockHandle mock) throws IOException {
    mock.clock().advance(Duration.ofDays(3));
    mock.clients()
        .putClient(ClientConfig.builder("temporary").secret("temporary-secret").build(), List.of());

    assertThat(
            TlsRequests.secretRequest(
                    mock.sslContext(), mock.httpsTokenEndpoint(), "temporary", "temporary-secret")
                .status())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void the_next_test_starts_from_the_configured_state_over_https(TransmitMockHandle mock)
      throws IOException {
    TokenResponse temporary =
        TlsRequests.secretRequest(
            mock.sslContext(), mock.httpsTokenEndpoint(), "temporary", "temporary-secret");
    TokenResponse orders =
        TlsRequests.secretRequest(
            mock.sslContext(), mock.httpsTokenEndpoint(), "orders-svc", "orders-secret");

    assertThat(temporary.status()).isEqualTo(401);
    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.claims().getIssueTime().toInstant())
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(mock.journal().tokenRequests()).hasSize(2);
  }
}
