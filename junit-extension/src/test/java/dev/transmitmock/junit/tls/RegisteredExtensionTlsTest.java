package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMockExtension;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTlsTest {
  @RegisterExtension
  static TransmitMockExtension mock =
      TransmitMockExtension.builder()
          .httpsOnly()
          .client("batch-svc", AuthMethod.PRIVATE_KEY_JWT, "https://api.orders.example")
          .client("edge-proxy", AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
          .client("poster", AuthMethod.CLIENT_SECRET_POST)
          .build();

  @Test
  void every_generated_client_gets_a_token_over_https() throws Exception {
    for (String clientId : new String[] {"batch-svc", "edge-proxy", "poster"}) {
      TransmitClientCredentials client = mock.credentials(clientId);
      Reply response = TestHttp.with(client.sslContext()).send(client.tokenRequest());

      assertThat(response.status()).as(clientId).isEqualTo(200);
      assertThat(mock.journal().tokenRequests())
          .last()
          .satisfies(entry -> assertThat(entry.authMethod()).isEqualTo(client.authMethod()));
    }
  }

  @Test
  void a_client_secret_post_client_sends_its_secret_in_the_body() throws Exception {
    TransmitClientCredentials poster = mock.credentials("poster");

    assertThat(poster.clientSecret()).isEqualTo("poster-secret");
    assertThat(TestHttp.with(poster.sslContext()).send(poster.tokenRequest()).status())
        .isEqualTo(200);
  }

  @Test
  void the_ca_file_holds_the_ca_pem() throws Exception {
    assertThat(Files.readString(mock.caCertificateFile())).isEqualTo(mock.caCertificatePem());
    assertThat(mock.properties())
        .containsEntry("transmit.mock.ca-certificate-file", mock.caCertificateFile().toString());
  }
}
