package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.testing.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

@TransmitMock(httpsOnly = true)
class HttpsOnlyTest {

  @Test
  void the_plain_urls_are_the_https_ones(TransmitMockHandle mock) {
    assertThat(mock.baseUrl()).isEqualTo(mock.httpsBaseUrl());
    assertThat(mock.tokenEndpoint()).isEqualTo(mock.httpsTokenEndpoint());
    assertThat(mock.jwksUri().getScheme()).isEqualTo("https");
  }

  @Test
  void issues_tokens_over_tls(TransmitMockHandle mock, @InjectTransmitMock SSLContext tls)
      throws IOException {
    assertThat(TestHttp.to(mock.tokenEndpoint(), tls).token("demo-app", "demo-app-secret").status())
        .isEqualTo(200);
  }

  @Test
  void does_not_answer_plain_http_on_its_port(TransmitMockHandle mock) {
    URI plain = URI.create("http://127.0.0.1:" + mock.httpsBaseUrl().getPort() + "/oidc/token");

    assertThatThrownBy(() -> TestHttp.to(plain).token("demo-app", "demo-app-secret"))
        .isInstanceOf(UncheckedIOException.class);
  }
}
