package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockExtension;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.config.AuthMethod;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsMisuseTest {

  @Test
  void an_mtls_client_without_https_names_the_annotation_and_the_fix() {
    assertThat(Fixtures.firstFailureOf(MtlsWithoutHttps.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("@TransmitMock on " + MtlsWithoutHttps.class.getName())
        .hasMessageContaining(
            "@TransmitClient(id = \"payments-svc\", authMethod = TLS_CLIENT_AUTH)")
        .hasMessageContaining("needs HTTPS")
        .hasMessageContaining("add https = true");
  }

  @Test
  void an_mtls_client_of_a_registered_extension_without_https_names_the_builder_method() {
    assertThat(Fixtures.firstFailureOf(RegisteredMtlsWithoutHttps.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("client \"edge\" (self_signed_tls_client_auth)")
        .hasMessageContaining("call https()");
  }

  @Test
  void a_secret_on_a_private_key_jwt_client_is_refused() {
    assertThat(Fixtures.firstFailureOf(SecretWithPrivateKeyJwt.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("authMethod = PRIVATE_KEY_JWT")
        .hasMessageContaining("has no secret; remove secret")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void a_public_client_given_client_credentials_is_refused_with_the_fix() {
    assertThat(Fixtures.firstFailureOf(MethodNone.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TransmitClient(id = \"anon\")")
        .hasMessageContaining("a NONE (public) client cannot use client_credentials")
        .hasMessageContaining("give the client a secret, a key or a certificate");
  }

  @Test
  void an_ssl_context_parameter_without_https_says_how_to_turn_it_on() {
    assertThat(Fixtures.firstFailureOf(SslContextWithoutHttps.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("serves no HTTPS")
        .hasMessageContaining("@TransmitMock(https = true)");
  }

  @Test
  void a_credentials_parameter_must_name_its_client() {
    assertThat(Fixtures.firstFailureOf(UnnamedCredentials.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("@InjectTransmitMock(client = \"<client id>\")");
  }

  @Test
  void credentials_of_an_unknown_client_list_the_known_ones() {
    assertThat(Fixtures.firstFailureOf(UnknownClientField.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("no client nobody is configured")
        .hasMessageContaining("demo-admin, demo-app");
  }

  @Test
  void a_client_name_on_a_handle_field_is_refused() {
    assertThat(Fixtures.firstFailureOf(ClientNameOnHandle.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("client = \"demo-app\" applies to TransmitClientCredentials");
  }

  @Test
  void https_urls_of_a_plain_emulator_say_how_to_turn_https_on() {
    Fixtures.run(HttpsUrlWithoutHttps.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));
  }

  @Test
  void the_builder_refuses_relative_resources() {
    assertThatThrownBy(
            () ->
                TransmitMockExtension.builder()
                    .client("x", AuthMethod.PRIVATE_KEY_JWT, "orders")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource \"orders\" is not an absolute URI");
  }

  @TransmitMock(
      clients = @TransmitClient(id = "payments-svc", authMethod = AuthMethod.TLS_CLIENT_AUTH))
  static class MtlsWithoutHttps {
    @Test
    void never_runs() {}
  }

  static class RegisteredMtlsWithoutHttps {
    @RegisterExtension
    static TransmitMockExtension mock =
        TransmitMockExtension.builder()
            .client("edge", AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
            .build();

    @Test
    void never_runs() {}
  }

  @TransmitMock(
      clients =
          @TransmitClient(id = "batch", secret = "s3cret", authMethod = AuthMethod.PRIVATE_KEY_JWT))
  static class SecretWithPrivateKeyJwt {
    @Test
    void never_runs() {}
  }

  @TransmitMock(
      clients =
          @TransmitClient(
              id = "anon",
              authMethod = AuthMethod.NONE,
              grantTypes = {"authorization_code", "client_credentials"}))
  static class MethodNone {
    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class SslContextWithoutHttps {
    @Test
    void wants_tls(@InjectTransmitMock SSLContext tls) {}
  }

  @TransmitMock(clients = @TransmitClient(id = "batch", authMethod = AuthMethod.PRIVATE_KEY_JWT))
  static class UnnamedCredentials {
    @Test
    void wants_credentials(TransmitClientCredentials credentials) {}
  }

  @TransmitMock
  static class UnknownClientField {
    @InjectTransmitMock(client = "nobody")
    TransmitClientCredentials nobody;

    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class ClientNameOnHandle {
    @InjectTransmitMock(client = "demo-app")
    TransmitMockHandle mock;

    @Test
    void never_runs() {}
  }

  @TransmitMock
  static class HttpsUrlWithoutHttps {
    @Test
    void https_token_endpoint(TransmitMockHandle mock) {
      assertThatThrownBy(mock::httpsTokenEndpoint)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("serves no HTTPS")
          .hasMessageContaining("TransmitMockExtension.builder().https()");
      assertThatThrownBy(mock::caCertificateFile).isInstanceOf(IllegalStateException.class);
    }
  }
}
