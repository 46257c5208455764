package dev.transmitmock.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.EnvironmentVariables;
import dev.transmitmock.server.cli.EnvironmentConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tls} section and the client authentication keys of config files. */
class TlsConfigLoaderTest {
  @Test
  void reads_the_tls_section_with_pem_files_relative_to_the_config(@TempDir Path dir)
      throws Exception {
    TlsIdentity identity = TlsIdentity.selfSigned("CN=localhost", List.of("localhost"));
    Files.writeString(dir.resolve("server.crt"), identity.certificatePem());
    Files.writeString(dir.resolve("server.key"), identity.privateKeyPem());
    Path file = dir.resolve("mock.yaml");
    Files.writeString(
        file,
        """
        tls:
          port: 8443
          httpEnabled: false
          certificatePem: server.crt
          privateKeyPem: server.key
          clientAuth: need
          subjectAltNames: [transmit-mock]
          caCertificateOut: out/ca.pem
        """);

    MockConfig config = ConfigLoader.load(file);

    assertThat(config.tls().enabled()).isTrue();
    assertThat(config.tls().port()).isEqualTo(8443);
    assertThat(config.tls().httpEnabled()).isFalse();
    assertThat(config.tls().clientAuth()).isEqualTo(ClientAuthMode.NEED);
    assertThat(config.tls().certificatePem()).contains(identity.certificatePem());
    assertThat(config.tls().caCertificateOut()).contains(dir.resolve("out/ca.pem"));
    assertThat(config.tls().toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void reads_client_ca_certificates_as_pem_files_or_inline_pem(@TempDir Path dir) throws Exception {
    TlsIdentity fileCa = TlsIdentity.certificateAuthority("CN=file CA");
    TlsIdentity inlineCa = TlsIdentity.certificateAuthority("CN=inline CA");
    Files.writeString(dir.resolve("client-ca.pem"), fileCa.certificatePem());
    Path file = dir.resolve("mock.yaml");
    Files.writeString(
        file,
        "tls:\n  clientCaCertificates:\n    - client-ca.pem\n    - |\n"
            + inlineCa.certificatePem().indent(6));

    MockConfig config = ConfigLoader.load(file);

    assertThat(config.tls().clientCaCertificates())
        .containsExactly(fileCa.certificate(), inlineCa.certificate());
    assertThat(config.tls().toString()).contains("clientCaCertificates=2");
  }

  @Test
  void unreadable_client_ca_certificates_name_their_path(@TempDir Path dir) {
    assertThatThrownBy(
            () -> ConfigLoader.parse("tls: {clientCaCertificates: [missing-ca.pem]}", "t.yaml"))
        .hasMessageContaining("tls.clientCaCertificates[0]")
        .hasMessageContaining("neither PEM text nor a readable PEM file");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "tls: {clientCaCertificates: [\"-----BEGIN CERTIFICATE-----\\nAAAA\\n"
                        + "-----END CERTIFICATE-----\"]}",
                    "t.yaml"))
        .hasMessageContaining("tls.clientCaCertificates[0]");
  }

  @Test
  void client_ca_certificates_come_from_the_environment_too(@TempDir Path dir) throws Exception {
    TlsIdentity first = TlsIdentity.certificateAuthority("CN=first CA");
    TlsIdentity second = TlsIdentity.certificateAuthority("CN=second CA");
    Files.writeString(dir.resolve("a.pem"), first.certificatePem());
    Files.writeString(dir.resolve("b.pem"), second.certificatePem());

    MockConfig fromFiles =
        EnvironmentConfig.applyOverrides(
            MockConfig.builder().build(),
            java.util.Map.of(
                EnvironmentVariables.TLS_CLIENT_CA_CERTIFICATES,
                dir.resolve("a.pem") + "," + dir.resolve("b.pem")));
    MockConfig fromText =
        EnvironmentConfig.applyOverrides(
            MockConfig.builder().build(),
            java.util.Map.of(
                EnvironmentVariables.TLS_CLIENT_CA_CERTIFICATES,
                first.certificatePem() + second.certificatePem()));

    assertThat(fromFiles.tls().enabled()).isTrue();
    assertThat(fromFiles.tls().clientCaCertificates())
        .containsExactly(first.certificate(), second.certificate());
    assertThat(fromText.tls().clientCaCertificates())
        .containsExactly(first.certificate(), second.certificate());
    assertThatThrownBy(
            () ->
                EnvironmentConfig.applyOverrides(
                    MockConfig.builder().build(),
                    java.util.Map.of(
                        EnvironmentVariables.TLS_CLIENT_CA_CERTIFICATES,
                        dir.resolve("none.pem").toString())))
        .hasMessageContaining(EnvironmentVariables.TLS_CLIENT_CA_CERTIFICATES);
  }

  @Test
  void a_client_ca_file_that_holds_no_certificate_is_named_in_the_error(@TempDir Path dir)
      throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");

    assertThatThrownBy(
            () ->
                EnvironmentConfig.applyOverrides(
                    MockConfig.builder().build(),
                    java.util.Map.of(
                        EnvironmentVariables.TLS_CLIENT_CA_CERTIFICATES, garbage.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(EnvironmentVariables.TLS_CLIENT_CA_CERTIFICATES)
        .hasMessageContaining(garbage.toString())
        .hasMessageContaining("is not a readable PEM certificate");
  }

  @Test
  void certificate_bound_access_tokens_default_to_the_method_and_can_be_set_per_client() {
    String thumbprint = TlsIdentity.selfSigned("CN=x", List.of()).thumbprint();
    String yaml =
        """
        clients:
          - clientId: secret-svc
            clientSecret: s
          - clientId: bound-secret-svc
            clientSecret: s
            certificateBoundAccessTokens: true
          - clientId: pinned-svc
            tokenEndpointAuthMethod: self_signed_tls_client_auth
            certificateThumbprints: [%s]
          - clientId: unbound-pinned-svc
            tokenEndpointAuthMethod: self_signed_tls_client_auth
            certificateThumbprints: [%s]
            certificateBoundAccessTokens: false
        """
            .formatted(thumbprint, thumbprint);

    MockConfig config = ConfigLoader.parse(yaml, "t.yaml");

    assertThat(config.clients())
        .extracting(c -> c.authentication().bindsTokens())
        .containsExactly(false, true, true, false);
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: a, clientSecret: s, certificateBoundAccessTokens: maybe}]",
                    "t"))
        .hasMessageContaining("clients[0].certificateBoundAccessTokens");
  }

  @Test
  void tls_is_off_without_the_section_and_when_enabled_is_false() {
    assertThat(ConfigLoader.parse("issuer: https://userid.security", "t").tls().enabled())
        .isFalse();
    assertThat(ConfigLoader.parse("tls: {enabled: false, port: 1}", "t").tls().enabled()).isFalse();
  }

  @Test
  void tls_errors_name_their_path() {
    assertThatThrownBy(() -> ConfigLoader.parse("tls: {clientAuth: maybe}", "t.yaml"))
        .hasMessageContaining("tls.clientAuth")
        .hasMessageContaining("none, want, need");
    assertThatThrownBy(() -> ConfigLoader.parse("tls: {prot: 1}", "t.yaml"))
        .hasMessageContaining("did you mean 'port'");
    assertThatThrownBy(() -> ConfigLoader.parse("tls: {certificatePem: missing.crt}", "t.yaml"))
        .hasMessageContaining("tls");
  }

  @Test
  void reads_clients_of_every_authentication_method() {
    RSAKey key = ClientAssertions.generateRsaKey("k1");
    String thumbprint = TlsIdentity.selfSigned("CN=x", List.of()).thumbprint();
    String yaml =
        """
        clients:
          - clientId: secret-svc
            clientSecret: s
          - clientId: post-svc
            clientSecret: s
            tokenEndpointAuthMethod: client_secret_post
          - clientId: jwt-svc
            tokenEndpointAuthMethod: private_key_jwt
            jwks: %s
          - clientId: uri-svc
            tokenEndpointAuthMethod: private_key_jwt
            jwksUri: https://keys.example/jwks
          - clientId: pki-svc
            tokenEndpointAuthMethod: tls_client_auth
            tlsClientAuthSubjectDn: CN=pki-svc,O=Acme
          - clientId: pinned-svc
            tokenEndpointAuthMethod: self_signed_tls_client_auth
            certificateThumbprints: [%s]
        """
            .formatted(new JWKSet(key.toPublicJWK()), thumbprint);

    MockConfig config = ConfigLoader.parse(yaml, "t.yaml");

    assertThat(config.clients())
        .extracting(ClientConfig::authMethod)
        .containsExactly(
            AuthMethod.CLIENT_SECRET_BASIC,
            AuthMethod.CLIENT_SECRET_POST,
            AuthMethod.PRIVATE_KEY_JWT,
            AuthMethod.PRIVATE_KEY_JWT,
            AuthMethod.TLS_CLIENT_AUTH,
            AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH);
    assertThat(config.clients().get(2).authentication().jwks()).isPresent();
    assertThat(config.clients().get(5).authentication().certificateThumbprints())
        .containsExactly(thumbprint);
  }

  @Test
  void client_authentication_errors_name_the_client() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: a, tokenEndpointAuthMethod: private_key_jwt}]", "t"))
        .hasMessageContaining("clients[0].tokenEndpointAuthMethod")
        .hasMessageContaining("jwks, jwksUri or publicKeyPem");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: a, tokenEndpointAuthMethod: tls_client_auth,"
                        + " clientSecret: s, tlsClientAuthSanDns: a.example}]",
                    "t"))
        .hasMessageContaining("clients[0].clientSecret");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: a, tokenEndpointAuthMethod: none,"
                        + " grantTypes: [client_credentials]}]",
                    "t"))
        .hasMessageContaining("clients[0].grantTypes")
        .hasMessageContaining("cannot use client_credentials");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "clients: [{clientId: a, tokenEndpointAuthMethod: self_signed_tls_client_auth,"
                        + " certificateThumbprints: [abc]}]",
                    "t"))
        .hasMessageContaining("x5t#S256");
  }

  @Test
  void a_client_config_never_prints_its_keys_or_secret() {
    ClientConfig client =
        ClientConfig.builder("jwt-svc")
            .authentication(
                ClientAuthConfig.builder(AuthMethod.PRIVATE_KEY_JWT)
                    .jwks(new JWKSet(ClientAssertions.generateRsaKey("k").toPublicJWK()).toString())
                    .build())
            .build();

    assertThat(client.toString())
        .contains("tokenEndpointAuthMethod=private_key_jwt")
        .doesNotContain("\"n\"");
    assertThat(client.toBuilder().build()).isEqualTo(client);
  }
}
