package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.testing.TestHttp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SharedTlsServerTest {
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void classes_with_equal_settings_share_one_https_server_and_its_generated_keys() {
    SEEN.clear();
    Fixtures.run(First.class, Second.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(SEEN).hasSize(3);
    assertThat(SEEN).containsOnly(SEEN.get(0));
  }

  private static void record(
      TransmitMockHandle mock, TransmitClientCredentials edge, SSLContext tls) throws Exception {
    assertThat(TestHttp.with(edge.sslContext()).send(edge.tokenRequest()).status()).isEqualTo(200);
    assertThat(TestHttp.with(tls).get(mock.httpsJwksUri()).status()).isEqualTo(200);
    SEEN.add(mock.httpsBaseUrl() + " " + edge.certificateThumbprint());
  }

  @TransmitMock(
      https = true,
      shared = true,
      clients = @TransmitClient(id = "edge", authMethod = AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH))
  static class First {
    @InjectTransmitMock(client = "edge")
    TransmitClientCredentials edge;

    @Test
    void uses_the_emulator(TransmitMockHandle mock, @InjectTransmitMock SSLContext tls)
        throws Exception {
      record(mock, edge, tls);
    }

    @Nested
    class Inner {
      @Test
      void nested_tests_get_the_same_server_and_credentials(
          TransmitMockHandle mock, @InjectTransmitMock SSLContext tls) throws Exception {
        record(mock, edge, tls);
      }
    }
  }

  @TransmitMock(
      https = true,
      shared = true,
      clients = @TransmitClient(id = "edge", authMethod = AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH))
  static class Second {
    @Test
    void uses_the_emulator(
        TransmitMockHandle mock,
        @InjectTransmitMock SSLContext tls,
        @InjectTransmitMock(client = "edge") TransmitClientCredentials edge)
        throws Exception {
      record(mock, edge, tls);
    }
  }
}
