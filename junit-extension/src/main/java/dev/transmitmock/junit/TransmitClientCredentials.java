package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.GrantTypes;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.token.ClientAssertions;
import dev.transmitmock.server.workspace.Workspace;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The credentials of one client of a {@link TransmitMock} emulator, as the code under test would
 * hold them: the secret, the private key the extension generated for a {@code private_key_jwt}
 * client, or the certificate it generated for an mTLS client, plus what a test needs to use them at
 * once: fresh client assertions, an {@link SSLContext} and a ready token request.
 *
 * <pre>{@code
 * @TransmitMock(https = true, clients = {
 *     @TransmitClient(id = "batch-svc", authMethod = AuthMethod.PRIVATE_KEY_JWT),
 *     @TransmitClient(id = "payments-svc", authMethod = AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)})
 * class NoSecretsTest {
 *   @InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch;
 *
 *   @Test
 *   void payments_get_a_certificate_bound_token(
 *       @InjectTransmitMock(client = "payments-svc") TransmitClientCredentials payments)
 *       throws Exception {
 *     HttpClient http = HttpClient.newBuilder().sslContext(payments.sslContext()).build();
 *     HttpResponse<String> response =
 *         http.send(payments.tokenRequest(), HttpResponse.BodyHandlers.ofString());
 *     // the token's cnf.x5t#S256 equals payments.certificateThumbprint()
 *   }
 *
 *   @Test
 *   void the_batch_job_signs_its_own_assertion() {
 *     RSAKey key = batch.signingKey();          // give it to the code under test
 *     String assertion = batch.clientAssertion(); // or a ready assertion
 *   }
 * }
 * }</pre>
 *
 * <p>Obtained from {@link TransmitMockHandle#credentials(String)} or injected with {@link
 * InjectTransmitMock#client()}. Available for every client declared with {@link TransmitClient} or
 * on {@link TransmitMockExtension.Builder}, and for secret clients of the configuration; the
 * emulator does not know the private keys of key-based clients from a configuration file. Methods
 * that do not apply to the client's method throw {@link IllegalStateException} saying why. Thread
 * safe. {@link #toString()} shows no secret and no key.
 */
public final class TransmitClientCredentials {
  /** The {@code client_assertion_type} of RFC 7523. */
  public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String clientId;
  private final AuthMethod method;
  private final Optional<String> secret;
  private final Optional<RSAKey> signingKey;
  private final Optional<TlsIdentity> identity;
  private final TransmitMockServer server;
  private final Optional<Workspace> workspace;
  private volatile SSLContext sslContext;

  private TransmitClientCredentials(
      String clientId,
      AuthMethod method,
      Optional<String> secret,
      Optional<RSAKey> signingKey,
      Optional<TlsIdentity> identity,
      TransmitMockServer server) {
    this(clientId, method, secret, signingKey, identity, server, Optional.empty());
  }

  private TransmitClientCredentials(
      String clientId,
      AuthMethod method,
      Optional<String> secret,
      Optional<RSAKey> signingKey,
      Optional<TlsIdentity> identity,
      TransmitMockServer server,
      Optional<Workspace> workspace) {
    this.workspace = requireNonNull(workspace, "workspace must not be null");
    this.clientId = requireNonNull(clientId, "clientId must not be null");
    this.method = requireNonNull(method, "method must not be null");
    this.secret = secret;
    this.signingKey = signingKey;
    this.identity = identity;
    this.server = requireNonNull(server, "server must not be null");
  }

  static TransmitClientCredentials secret(
      String clientId, AuthMethod method, String secret, TransmitMockServer server) {
    return new TransmitClientCredentials(
        clientId, method, Optional.of(secret), Optional.empty(), Optional.empty(), server);
  }

  /** The same credentials, used against a workspace: its token endpoint and its clock. */
  TransmitClientCredentials in(Workspace workspace) {
    return new TransmitClientCredentials(
        clientId, method, secret, signingKey, identity, server, Optional.of(workspace));
  }

  static TransmitClientCredentials privateKeyJwt(
      String clientId, RSAKey signingKey, TransmitMockServer server) {
    return new TransmitClientCredentials(
        clientId,
        AuthMethod.PRIVATE_KEY_JWT,
        Optional.empty(),
        Optional.of(signingKey),
        Optional.empty(),
        server);
  }

  static TransmitClientCredentials certificate(
      String clientId, AuthMethod method, TlsIdentity identity, TransmitMockServer server) {
    return new TransmitClientCredentials(
        clientId, method, Optional.empty(), Optional.empty(), Optional.of(identity), server);
  }

  /** The {@code client_id}. */
  public String clientId() {
    return clientId;
  }

  /** How the client authenticates ({@code token_endpoint_auth_method}). */
  public AuthMethod authMethod() {
    return method;
  }

  /**
   * The client secret.
   *
   * @throws IllegalStateException for a client that authenticates without one
   */
  public String clientSecret() {
    return secret.orElseThrow(() -> notApplicable("has no secret"));
  }

  /**
   * The generated RSA key (Nimbus {@link RSAKey}, private part included, {@code kid} {@code
   * <id>-key}) of a {@code private_key_jwt} client: what Spring Security's {@code
   * NimbusJwtClientAuthenticationParametersConverter} or any Nimbus-based client signs with.
   *
   * @throws IllegalStateException for other clients
   */
  public RSAKey signingKey() {
    return signingKey.orElseThrow(() -> notApplicable("has no signing key"));
  }

  /**
   * The private key: the signing key of a {@code private_key_jwt} client, the certificate's key of
   * an mTLS client. Test material; never log it.
   *
   * @throws IllegalStateException for a secret client
   */
  public PrivateKey privateKey() {
    if (signingKey.isPresent()) {
      try {
        return signingKey.get().toPrivateKey();
      } catch (JOSEException e) {
        throw new IllegalStateException("the generated RSA key has no private part", e);
      }
    }
    return identity.map(TlsIdentity::privateKey).orElseThrow(() -> notApplicable("has no key"));
  }

  /**
   * A fresh, valid client assertion: {@code iss} and {@code sub} the client id, {@code aud} the
   * token endpoint {@link #tokenRequest()} posts to, {@code iat} now on the emulator's clock (so it
   * stays valid after {@code mock.clock().advance(...)}), {@code exp} a minute later, a random
   * {@code jti}, RS256 with the {@code kid}. Each call gives a new one (the emulator refuses a
   * replayed {@code jti}).
   *
   * @throws IllegalStateException for a client that is not {@code private_key_jwt}
   */
  public String clientAssertion() {
    return assertion().build();
  }

  /** A fresh client assertion with another {@code aud} (e.g. the issuer). */
  public String clientAssertion(URI audience) {
    requireNonNull(audience, "audience must not be null");
    return assertion().audience(audience).build();
  }

  /**
   * A {@link ClientAssertions.Builder} preset like {@link #clientAssertion()}, to derive an
   * assertion the emulator must refuse: {@code batch.assertion().jti("reused").build()}, {@code
   * .without("exp")}, {@code .audience("https://elsewhere.example")}.
   *
   * @throws IllegalStateException for a client that is not {@code private_key_jwt}
   */
  public ClientAssertions.Builder assertion() {
    return ClientAssertions.builder(clientId, signingKey())
        .audience(tokenEndpoint())
        .clock(workspace.map(Workspace::clock).orElse(server.clock()));
  }

  /**
   * The generated client certificate of an mTLS client; its subject is {@code CN=<id>}.
   *
   * @throws IllegalStateException for a client that does not authenticate with a certificate
   */
  public X509Certificate certificate() {
    return tlsIdentity().certificate();
  }

  /** The certificate's {@code x5t#S256} thumbprint: the {@code cnf} of this client's tokens. */
  public String certificateThumbprint() {
    return tlsIdentity().thumbprint();
  }

  /**
   * The key and certificate chain of an mTLS client, for code under test that reads them from
   * elsewhere: {@code tlsIdentity().writeKeyStore(path, password)} (PKCS#12), {@code chainPem()},
   * {@code privateKeyPem()}.
   *
   * @throws IllegalStateException for a client that does not authenticate with a certificate
   */
  public TlsIdentity tlsIdentity() {
    return identity.orElseThrow(() -> notApplicable("has no client certificate"));
  }

  /**
   * An {@link SSLContext} that trusts the emulator's CA and, for an mTLS client, presents its
   * certificate: {@code HttpClient.newBuilder().sslContext(credentials.sslContext())}.
   *
   * @throws IllegalStateException when the emulator serves no HTTPS
   */
  public SSLContext sslContext() {
    SSLContext context = sslContext;
    if (context == null) {
      X509Certificate ca = HttpsSupport.caCertificate(server);
      context = identity.isPresent() ? identity.get().sslContext(ca) : TlsIdentity.trusting(ca);
      sslContext = context;
    }
    return context;
  }

  /**
   * Where {@link #tokenRequest()} posts: the HTTPS token endpoint when the emulator serves HTTPS,
   * the plain one otherwise.
   */
  public URI tokenEndpoint() {
    URI base = server.httpsEnabled() ? server.httpsBaseUrl() : server.baseUrl();
    return URI.create(workspace.map(ws -> ws.baseUrlOn(base)).orElse(base) + "/oidc/token");
  }

  /** A client-credentials token request for the client's default audience; see below. */
  public HttpRequest tokenRequest() {
    return tokenRequest(null);
  }

  /**
   * A client-credentials token request to {@link #tokenEndpoint()}, authenticated the client's way:
   * the secret in a Basic header ({@code client_secret_basic}) or in the body ({@code
   * client_secret_post}), a fresh {@link #clientAssertion()} ({@code private_key_jwt}), or only the
   * {@code client_id} (mTLS: send it with an {@code HttpClient} built on {@link #sslContext()}).
   *
   * @param resource the {@code resource} (the token's {@code aud}); null for none
   */
  public HttpRequest tokenRequest(String resource) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", GrantTypes.CLIENT_CREDENTIALS);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(tokenEndpoint())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded");
    switch (method) {
      case CLIENT_SECRET_BASIC ->
          request.header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (encode(clientId) + ":" + encode(clientSecret()))
                              .getBytes(StandardCharsets.UTF_8)));
      case CLIENT_SECRET_POST -> {
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret());
      }
      case PRIVATE_KEY_JWT -> {
        form.put("client_id", clientId);
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", clientAssertion());
      }
      default -> form.put("client_id", clientId);
    }
    if (resource != null) {
      form.put("resource", resource);
    }
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private IllegalStateException notApplicable(String what) {
    return new IllegalStateException(
        "client " + clientId + " authenticates with " + method.wireName() + ": it " + what);
  }

  /**
   * Form-encodes a value: a form parameter, or a Basic user or password (RFC 6749 section 2.3.1,
   * then Base64), where the emulator, like node-oidc-provider, reads {@code +} as a space and
   * {@code %2B} as a plus.
   */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "TransmitClientCredentials[clientId="
        + clientId
        + ", authMethod="
        + method.wireName()
        + identity.map(i -> ", certificate=" + i.subjectDn()).orElse("")
        + "]";
  }
}
