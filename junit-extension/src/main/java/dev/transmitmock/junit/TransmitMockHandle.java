package dev.transmitmock.junit;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.NextTokenRule;
import dev.transmitmock.server.control.NextTokenRules;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What a test holds to use the emulator: URLs, tokens (good and defective), the clock, the journal
 * and fault injection. A {@link TransmitMockExtension} registered with {@code @RegisterExtension}
 * is itself a handle; with {@link TransmitMock}, declare a parameter or an {@link
 * InjectTransmitMock} field of this type.
 *
 * <pre>{@code
 * @Test
 * void rejects_an_expired_token(TransmitMockHandle mock) {
 *   String token = mock.tokenFor("demo-app");
 *   mock.clock().advance(Duration.ofHours(2));
 *   ...
 *   mock.journal().assertTokensIssued("demo-app", 1);
 * }
 * }</pre>
 */
public interface TransmitMockHandle {
  /** The running emulator, for everything the handle does not offer directly. */
  TransmitMockServer server();

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  default URI baseUrl() {
    return server().baseUrl();
  }

  /** The token endpoint: {@code <base>/oidc/token}. */
  default URI tokenEndpoint() {
    return server().tokenEndpoint();
  }

  /** The JWKS: {@code <base>/cis/oidc/jwks}. */
  default URI jwksUri() {
    return server().jwksUri();
  }

  /** OpenID discovery: {@code <base>/cis/oidc/.well-known/openid-configuration}. */
  default URI discoveryUri() {
    return server().discoveryUri();
  }

  /**
   * The JWKS of an application with its own signing keys ({@link TransmitApplication}): {@code
   * <base>/apps/<appId>/oidc/jwks}, or its {@code jwksPath}.
   *
   * @throws IllegalArgumentException when no such application is configured
   */
  default URI applicationJwksUri(String appId) {
    return server().applicationJwksUri(appId);
  }

  /**
   * The discovery document of an application with its own signing keys: its issuer and JWKS, the
   * tenant's endpoints ({@code <base>/apps/<appId>/.well-known/openid-configuration}).
   *
   * @throws IllegalArgumentException when no such application is configured
   */
  default URI applicationDiscoveryUri(String appId) {
    return server().applicationDiscoveryUri(appId);
  }

  /**
   * The HTTPS base URL, e.g. {@code https://127.0.0.1:41235}.
   *
   * @throws IllegalStateException when HTTPS is off ({@link TransmitMock#https()})
   */
  default URI httpsBaseUrl() {
    return HttpsSupport.require(server()).httpsBaseUrl();
  }

  /**
   * The token endpoint over HTTPS: {@code <https base>/oidc/token}.
   *
   * <pre>{@code
   * HttpClient http = HttpClient.newBuilder().sslContext(mock.sslContext()).build();
   * HttpRequest request = HttpRequest.newBuilder(mock.httpsTokenEndpoint()) ... ;
   * }</pre>
   *
   * @throws IllegalStateException when HTTPS is off
   */
  default URI httpsTokenEndpoint() {
    return HttpsSupport.require(server()).httpsTokenEndpoint();
  }

  /**
   * The JWKS over HTTPS: {@code <https base>/cis/oidc/jwks}.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  default URI httpsJwksUri() {
    return HttpsSupport.require(server()).httpsJwksUri();
  }

  /**
   * OpenID discovery over HTTPS; the document then lists HTTPS endpoints.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  default URI httpsDiscoveryUri() {
    return HttpsSupport.require(server()).httpsDiscoveryUri();
  }

  /**
   * The CA certificate clients must trust: it signed the emulator's TLS certificate.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  default X509Certificate caCertificate() {
    return HttpsSupport.caCertificate(server());
  }

  /**
   * {@link #caCertificate()} in PEM.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  default String caCertificatePem() {
    return HttpsSupport.require(server()).caCertificatePem();
  }

  /**
   * A PEM file holding {@link #caCertificate()}, in the temp directory, deleted when the server
   * stops; also published as {@link TransmitMockProperties#CA_CERTIFICATE_FILE}.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  Path caCertificateFile();

  /**
   * An {@link SSLContext} that trusts the emulator's CA (and nothing else) and presents no client
   * certificate: {@code HttpClient.newBuilder().sslContext(mock.sslContext()).build()}. For an mTLS
   * client's context, see {@link TransmitClientCredentials#sslContext()}.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  default SSLContext sslContext() {
    return TlsIdentity.trusting(caCertificate());
  }

  /**
   * The credentials of a client: its secret, or the key or certificate the extension generated for
   * it ({@link TransmitClient#authMethod()}), with ready assertions, token requests and SSL
   * context.
   *
   * <pre>{@code
   * TransmitClientCredentials batch = mock.credentials("batch-svc");
   * String assertion = batch.clientAssertion();
   * }</pre>
   *
   * @throws IllegalArgumentException for an unknown client, or a key-based client of the
   *     configuration (the extension does not hold its private key)
   */
  TransmitClientCredentials credentials(String clientId);

  /** The {@code iss} of every token. */
  default String issuer() {
    return server().issuer();
  }

  /** A token for a configured client, without HTTP (its default audience). */
  default String tokenFor(String clientId) {
    return server().tokenFor(clientId);
  }

  /** A token for a configured client and one of its resources (the {@code aud}). */
  default String tokenFor(String clientId, String resource) {
    return server().tokenFor(clientId, resource);
  }

  /**
   * A token that a correct consumer must reject, for the first configured client: {@code
   * mock.defectiveToken(Defect.ALG_NONE)}. See {@link Defect} for the catalog.
   */
  default String defectiveToken(Defect defect) {
    return server().defectiveToken(defect);
  }

  /** A defective token for a chosen client, resource, claims or header ({@link TokenSpec}). */
  default String defectiveToken(Defect defect, TokenSpec spec) {
    return server().defectiveToken(defect, spec);
  }

  /**
   * A good token with claims or header overridden, signed by the active key: {@code
   * mock.token(TokenSpec.builder().clientId("demo-app").claim("roles", List.of("Admin")).build())}.
   */
  default String token(TokenSpec spec) {
    return server().mintToken(spec);
  }

  /** The minter behind {@link #defectiveToken(Defect)}; one per server, thread-safe. */
  default DefectiveTokens defectiveTokens() {
    return server().defectiveTokens();
  }

  /**
   * Fault injection on the emulator's endpoints; cleared before each test: {@code
   * mock.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(2))}.
   */
  default Faults faults() {
    return server().faults();
  }

  /** The emulator's settable clock; reset before each test. */
  default MockClock clock() {
    return server().clock();
  }

  /** The request journal with assertions; cleared before each test. */
  default TokenJournal journal() {
    return new TokenJournal(server().journal());
  }

  /** Clients and resources, changeable at runtime; restored before each test. */
  default ClientRegistry clients() {
    return server().clients();
  }

  /**
   * Starts a rule shaping what the real token endpoint answers this client's next successful
   * request(s); {@code install()} installs it. Pending rules are forgotten before each test.
   *
   * <pre>{@code
   * mock.nextToken("demo-app").expiresIn(Duration.ofSeconds(5)).install();
   * mock.nextToken("demo-app").omit("scope").claim("roles", List.of("Admin")).install();
   * mock.nextToken("demo-app").error(503, "temporarily_unavailable").retryAfter(1).install();
   * }</pre>
   */
  default NextTokenRule.Builder nextToken(String clientId) {
    return server().nextToken(clientId);
  }

  /** The pending next-token rules: list, remove, clear. */
  default NextTokenRules nextTokenRules() {
    return server().nextTokenRules();
  }

  /**
   * Settings changeable at runtime ({@code typ}, error style, issuer, default lifetime, {@code
   * verboseErrors}, {@code alwaysIncludeScope}); restored before each test. The system property
   * {@code transmit.mock.issuer} and {@link #properties()} taken earlier keep the start-up issuer;
   * {@link #issuer()} follows a change.
   *
   * <pre>{@code
   * mock.settings().tokenTyp(TokenTyp.JWT);
   * }</pre>
   */
  default Settings settings() {
    return server().settings();
  }

  /** Back to the configured state now (the extension also does this before each test). */
  default void reset() {
    server().reset();
  }

  /**
   * The values also published as system properties (see {@link TransmitMockProperties}), read from
   * this server: safe under parallel execution, unlike the global properties.
   */
  default Map<String, String> properties() {
    return TransmitMockProperties.of(server());
  }

  /**
   * A new workspace on this handle's server, with its own clients (the configured ones to start
   * with), clock, journal and faults, and URLs under {@code /_ws/<id>}; close it when done. The
   * same as {@code TransmitMockServer.createWorkspace()}, as a handle.
   *
   * <pre>{@code
   * try (WorkspaceHandle ws = mock.createWorkspace()) {
   *   ws.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(1));
   *   callTheCodeUnderTest(ws.tokenEndpoint());
   *   ws.journal().assertTokensIssued("demo-app", 1);
   * }
   * }</pre>
   */
  default WorkspaceHandle createWorkspace() {
    return new WorkspaceBoundHandle(this, server().createWorkspace(), Map.of());
  }

  /**
   * The workspace this handle acts on: with {@code @TransmitMock(shared = true)}, the test class's
   * own; empty when the handle acts on the whole server.
   */
  default Optional<WorkspaceHandle> workspace() {
    return Optional.empty();
  }
}
