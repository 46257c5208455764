package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.pki.TlsIdentity;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every client, application and resource shape the container module can declare goes through the
 * server's own config loader, the code the container runs: the config file {@code withClient(...)}
 * generates and the body of {@code POST /_mock/clients}. A field the container sends that the
 * emulator does not know, a value it reads differently, or a rule the two apply differently fails
 * here, without a Docker engine.
 */
class DeclaredConfigDriftTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RESOURCE = "https://api.orders.example";

  private static String jwks;
  private static String publicKeyPem;
  private static String certificatePem;
  private static String thumbprint;
  private static String jwksWithX5c;

  @BeforeAll
  static void keyMaterial() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    jwks =
        new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("k1").build())
            .toString();
    publicKeyPem =
        "-----BEGIN PUBLIC KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    TlsIdentity self = TlsIdentity.selfSigned("CN=edge-svc", List.of());
    certificatePem = self.certificatePem();
    thumbprint = self.thumbprint();
    X509Certificate certificate = TlsIdentity.certificates(certificatePem).get(0);
    // The certificate's key (EC) as a JWK with x5c, as a self-signed client publishes it.
    jwksWithX5c = new JWKSet(JWK.parse(certificate)).toString();
  }

  /** One definition of every shape the builders offer, covering every method and option. */
  private static List<ClientDefinition> everyClientShape() {
    List<ClientDefinition> clients = new ArrayList<>();
    clients.add(ClientDefinition.app("basic", "basic-secret").build());
    clients.add(
        ClientDefinition.app("post", "post-secret")
            .tokenEndpointAuthMethod(AuthMethod.CLIENT_SECRET_POST)
            .build());
    clients.add(
        ClientDefinition.management("ops", "ops-secret")
            .resources(RESOURCE, "https://api.billing.example")
            .scopes("read", "write")
            .tokenLifetime(Duration.ofMinutes(5))
            .build());
    clients.add(
        ClientDefinition.app("bound", "bound-secret").certificateBoundAccessTokens(true).build());
    clients.add(ClientDefinition.app("of-app", "of-app-secret").appId("app-orders").build());
    clients.add(
        ClientDefinition.app("web", "web-secret")
            .grantTypes("authorization_code", "client_credentials", "refresh_token")
            .build());
    clients.add(ClientDefinition.privateKeyJwt("jwt-jwks").jwks(jwks).resources(RESOURCE).build());
    clients.add(
        ClientDefinition.privateKeyJwt("jwt-uri").jwksUri("https://keys.example/jwks").build());
    clients.add(ClientDefinition.privateKeyJwt("jwt-pem").publicKeyPem(publicKeyPem).build());
    clients.add(
        ClientDefinition.tlsClientAuth("mtls-dn").subjectDn("CN=payments-svc,O=Acme").build());
    clients.add(ClientDefinition.tlsClientAuth("mtls-dns").sanDns("payments.example").build());
    clients.add(
        ClientDefinition.tlsClientAuth("mtls-uri").sanUri("spiffe://acme/payments").build());
    clients.add(ClientDefinition.tlsClientAuth("mtls-ip").sanIp("10.0.0.7").build());
    clients.add(ClientDefinition.tlsClientAuth("mtls-email").sanEmail("pay@acme.example").build());
    clients.add(
        ClientDefinition.tlsClientAuth("mtls-unbound")
            .subjectDn("CN=unbound")
            .certificateBoundAccessTokens(false)
            .type(ClientDefinition.Type.MANAGEMENT)
            .build());
    clients.add(
        ClientDefinition.selfSignedTlsClientAuth("self-thumb")
            .certificateThumbprints(thumbprint)
            .build());
    clients.add(
        ClientDefinition.selfSignedTlsClientAuth("self-pem").publicKeyPem(certificatePem).build());
    clients.add(ClientDefinition.selfSignedTlsClientAuth("self-jwks").jwks(jwksWithX5c).build());
    clients.add(
        ClientDefinition.selfSignedTlsClientAuth("self-uri")
            .jwksUri("https://keys.example/edge")
            .build());
    clients.add(ClientDefinition.publicClient("spa").build());
    clients.add(
        ClientDefinition.publicClient("spa-refresh")
            .grantTypes("authorization_code", "refresh_token")
            .build());
    return clients;
  }

  @Test
  void every_shape_covers_every_auth_method() {
    Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
    everyClientShape().forEach(client -> methods.add(client.authentication().method()));
    assertThat(methods).containsExactlyInAnyOrder(AuthMethod.values());
  }

  @Test
  void every_client_shape_registers_at_runtime_as_declared() throws Exception {
    for (ClientDefinition definition : everyClientShape()) {
      ClientConfig loaded = ConfigLoader.client(MAPPER.readTree(Json.write(definition.toConfig())));
      assertSameClient(definition, loaded);
    }
  }

  @Test
  void every_declared_shape_is_a_config_file_the_emulator_loads() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>()
            .withResource("https://api.inventory.example")
            .withResource("https://api.shipping.example", Duration.ofMinutes(2))
            .withClient("convenience", "convenience-secret", RESOURCE)
            .withApplication(
                ApplicationDefinition.builder("app-orders", "https://orders.app.example").build())
            .withApplication(
                ApplicationDefinition.builder("app-billing", "https://billing.app.example")
                    .jwksPath("/billing/jwks")
                    .globalKeyAcceptedFor(Duration.ofDays(3))
                    .build());
    List<ClientDefinition> definitions = everyClientShape();
    definitions.forEach(mock::withClient);
    mock.configure();
    String text = new String(mock.configToCopy().orElseThrow().getBytes(), StandardCharsets.UTF_8);

    MockConfig config = ConfigLoader.parse(text, "declared by TransmitMockContainer");

    Map<String, ClientConfig> loaded = new LinkedHashMap<>();
    config.clients().forEach(client -> loaded.put(client.clientId(), client));
    assertThat(loaded).containsKey("convenience").hasSize(definitions.size() + 1);
    for (ClientDefinition definition : definitions) {
      assertSameClient(definition, loaded.get(definition.clientId()));
    }
    assertThat(config.resources())
        .extracting(resource -> resource.uri().toString())
        .contains(
            RESOURCE,
            "https://api.billing.example",
            "https://api.inventory.example",
            "https://api.shipping.example");
    Map<String, ApplicationConfig> apps = new LinkedHashMap<>();
    config.applications().forEach(app -> apps.put(app.appId(), app));
    assertThat(apps.get("app-orders").jwksPath())
        .isEqualTo(
            ApplicationDefinition.builder("app-orders", "https://orders.app.example")
                .build()
                .effectiveJwksPath());
    assertThat(apps.get("app-billing").jwksPath()).isEqualTo("/billing/jwks");
    assertThat(apps.get("app-billing").globalKeyAcceptedFor()).isEqualTo(Duration.ofDays(3));
    assertThat(apps.get("app-billing").issuer()).isEqualTo("https://billing.app.example");
  }

  @Test
  void material_that_does_not_fit_is_refused_by_both_with_the_same_words() {
    Optional<String> none = Optional.empty();
    Map<AuthMethod, Map<String, Object>> misfits = new LinkedHashMap<>();
    misfits.put(AuthMethod.PRIVATE_KEY_JWT, Map.of("jwks", jwks, "publicKeyPem", publicKeyPem));
    misfits.put(AuthMethod.TLS_CLIENT_AUTH, Map.of());
    misfits.put(AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH, Map.of("tlsClientAuthSanDns", "x.example"));
    misfits.put(AuthMethod.NONE, Map.of("jwks", jwks));
    misfits.put(AuthMethod.CLIENT_SECRET_POST, Map.of("jwksUri", "https://keys.example/jwks"));
    for (Map.Entry<AuthMethod, Map<String, Object>> misfit : misfits.entrySet()) {
      AuthMethod method = misfit.getKey();
      Map<String, Object> material = misfit.getValue();
      String containerMessage =
          messageOf(
              () ->
                  new ClientAuthentication(
                      method,
                      text(material, "jwks"),
                      text(material, "jwksUri"),
                      text(material, "publicKeyPem"),
                      none,
                      text(material, "tlsClientAuthSanDns"),
                      none,
                      none,
                      none,
                      List.of()));
      Map<String, Object> entry = new LinkedHashMap<>(material);
      entry.put("clientId", "misfit");
      entry.put("tokenEndpointAuthMethod", method.wireName());
      if (method.usesSecret()) {
        entry.put("clientSecret", "misfit-secret");
      }
      assertThatThrownBy(() -> ConfigLoader.client(MAPPER.valueToTree(entry)))
          .as(method.wireName())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(containerMessage);
    }
  }

  @Test
  void secret_and_grant_type_rules_are_refused_by_both_with_the_same_words() {
    String noSecret =
        messageOf(
            () ->
                new ClientDefinition(
                    "spa",
                    Optional.of("secret"),
                    ClientDefinition.Type.APP,
                    ClientAuthentication.none(),
                    List.of(),
                    List.of(),
                    Optional.empty()));
    assertThatThrownBy(
            () ->
                ConfigLoader.client(
                    MAPPER.valueToTree(
                        Map.of(
                            "clientId", "spa",
                            "clientSecret", "secret",
                            "tokenEndpointAuthMethod", "none"))))
        .hasMessageContaining(noSecret);

    String publicCredentials =
        messageOf(
            () -> ClientDefinition.publicClient("spa").grantTypes("client_credentials").build());
    assertThatThrownBy(
            () ->
                ConfigLoader.client(
                    MAPPER.valueToTree(
                        Map.of(
                            "clientId", "spa",
                            "tokenEndpointAuthMethod", "none",
                            "grantTypes", List.of("client_credentials")))))
        .hasMessageContaining(publicCredentials);

    String unknownGrant =
        messageOf(() -> ClientDefinition.app("web", "web-secret").grantTypes("implicit").build());
    assertThatThrownBy(
            () ->
                ConfigLoader.client(
                    MAPPER.valueToTree(
                        Map.of(
                            "clientId",
                            "web",
                            "clientSecret",
                            "web-secret",
                            "grantTypes",
                            List.of("implicit")))))
        .hasMessageContaining(unknownGrant);
  }

  private static void assertSameClient(ClientDefinition definition, ClientConfig loaded) {
    String id = definition.clientId();
    assertThat(loaded).as(id).isNotNull();
    assertThat(loaded.clientId()).as(id).isEqualTo(id);
    assertThat(loaded.authMethod()).as(id).isEqualTo(definition.authentication().method());
    assertThat(loaded.clientSecret().isEmpty())
        .as(id + " has a secret")
        .isEqualTo(definition.clientSecret().isEmpty());
    definition
        .clientSecret()
        .ifPresent(secret -> assertThat(loaded.clientSecret()).isEqualTo(secret));
    assertThat(loaded.type().name()).as(id).isEqualTo(definition.type().name());
    assertThat(loaded.authentication().bindsTokens()).as(id).isEqualTo(definition.bindsTokens());
    assertThat(loaded.resources())
        .as(id)
        .extracting(Object::toString)
        .containsExactlyElementsOf(definition.resources());
    assertThat(loaded.scopes()).as(id).containsExactlyElementsOf(definition.scopes());
    assertThat(loaded.tokenLifetime()).as(id).isEqualTo(definition.tokenLifetime());
    assertThat(loaded.appId()).as(id).isEqualTo(definition.appId());
    if (!definition.grantTypes().isEmpty()) {
      assertThat(loaded.grantTypes()).as(id).containsExactlyElementsOf(definition.grantTypes());
    }
    ClientAuthentication auth = definition.authentication();
    assertThat(loaded.authentication().jwks().isPresent())
        .as(id)
        .isEqualTo(auth.jwks().isPresent());
    assertThat(loaded.authentication().jwksUri().map(Object::toString))
        .as(id)
        .isEqualTo(auth.jwksUri());
    assertThat(loaded.authentication().publicKeyPem()).as(id).isEqualTo(auth.publicKeyPem());
    assertThat(loaded.authentication().tlsClientAuthSubjectDn())
        .as(id)
        .isEqualTo(auth.tlsClientAuthSubjectDn());
    assertThat(loaded.authentication().tlsClientAuthSanDns())
        .as(id)
        .isEqualTo(auth.tlsClientAuthSanDns());
    assertThat(loaded.authentication().tlsClientAuthSanUri())
        .as(id)
        .isEqualTo(auth.tlsClientAuthSanUri());
    assertThat(loaded.authentication().tlsClientAuthSanIp())
        .as(id)
        .isEqualTo(auth.tlsClientAuthSanIp());
    assertThat(loaded.authentication().tlsClientAuthSanEmail())
        .as(id)
        .isEqualTo(auth.tlsClientAuthSanEmail());
    assertThat(loaded.authentication().certificateThumbprints())
        .as(id)
        .isEqualTo(auth.certificateThumbprints());
  }

  private static Optional<String> text(Map<String, Object> material, String field) {
    return Optional.ofNullable((String) material.get(field));
  }

  private static String messageOf(Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("the container module accepted what it should refuse");
  }
}
