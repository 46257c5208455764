package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.pki.CertificateThumbprint;
import dev.transmitmock.server.pki.ClientCaTrust;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks presented credentials against the registered clients, each by its own {@code
 * tokenEndpointAuthMethod}: a secret (Basic or body), a {@code private_key_jwt} assertion, or the
 * TLS client certificate ({@code tls_client_auth}: a chain to a trusted client CA, then the subject
 * DN or SAN; {@code self_signed_tls_client_auth}: registered thumbprint), or nothing but the {@code
 * client_id} ({@code none}). Every failure is node-oidc-provider's 401 "client authentication
 * failed"; its {@link OAuthError#detail()} says which check failed, in the engine's words.
 */
public final class ClientAuthenticator {
  private final ClientRegistry registry;
  private final ClientKeys keys;
  private final ClientAssertionVerifier assertions;
  private final JtiReplayCache replays;
  private final Supplier<String> issuer;
  private final MockClock clock;
  private final ClientCaTrust clientCaTrust;

  /** An authenticator for secret-based clients only (assertions use the system clock). */
  public ClientAuthenticator(ClientRegistry registry) {
    this(registry, new MockClock(), "");
  }

  /**
   * An authenticator for every method but {@code tls_client_auth}, which needs trusted client CAs.
   *
   * @param clock the time of assertion {@code exp} and replay checks
   * @param issuer accepted as a client assertion {@code aud}
   */
  public ClientAuthenticator(ClientRegistry registry, MockClock clock, String issuer) {
    this(registry, clock, constant(requireNonNull(issuer, "issuer must not be null")));
  }

  private static Supplier<String> constant(String value) {
    return () -> value;
  }

  /**
   * An authenticator for every method but {@code tls_client_auth}, whose accepted assertion
   * audience follows a changeable issuer.
   *
   * @param clock the time of assertion {@code exp} and replay checks
   * @param issuer the issuer now, accepted as a client assertion {@code aud}
   */
  public ClientAuthenticator(ClientRegistry registry, MockClock clock, Supplier<String> issuer) {
    this(registry, clock, issuer, ClientCaTrust.NONE);
  }

  /**
   * An authenticator for every method.
   *
   * @param clock the time of assertion {@code exp} and replay checks
   * @param issuer the issuer now, accepted as a client assertion {@code aud}
   * @param clientCaTrust the CAs {@code tls_client_auth} certificates must chain to (the HTTPS
   *     listener's client CA trust); {@link ClientCaTrust#NONE} without HTTPS, so such clients
   *     cannot authenticate
   */
  public ClientAuthenticator(
      ClientRegistry registry,
      MockClock clock,
      Supplier<String> issuer,
      ClientCaTrust clientCaTrust) {
    this.registry = requireNonNull(registry, "registry must not be null");
    this.keys = new ClientKeys();
    this.replays = new JtiReplayCache(JtiReplayCache.DEFAULT_CAPACITY);
    this.assertions = new ClientAssertionVerifier(keys, clock, replays);
    this.issuer = requireNonNull(issuer, "issuer must not be null");
    this.clock = clock;
    this.clientCaTrust = requireNonNull(clientCaTrust, "clientCaTrust must not be null");
  }

  /**
   * The registered client the credentials prove to be (no TLS certificate, no endpoint URLs).
   *
   * @throws OAuthException 401 {@code invalid_client} for an unknown client, a missing or wrong
   *     secret; the description is the same in every case, as Transmit's is; the detail differs
   */
  public ClientConfig authenticate(PresentedCredentials credentials) {
    return authenticate(credentials, RequestOrigin.NONE).client();
  }

  /**
   * The registered client the credentials and the TLS handshake prove to be.
   *
   * @throws OAuthException 401 {@code invalid_client}
   */
  public AuthenticatedClient authenticate(PresentedCredentials credentials, RequestOrigin origin) {
    boolean basic = credentials.usedBasic();
    ClientConfig client =
        registry
            .client(credentials.clientId())
            .orElseThrow(() -> OAuthError.invalidClient("client not found", basic).exception());
    AuthMethod registered = client.authMethod();
    AuthMethod presented = credentials.method();
    if (registered.usesSecret()) {
      if (!presented.usesSecret() || credentials.secret().isEmpty()) {
        throw mechanismMismatch(basic);
      }
      if (!Secrets.matches(credentials.secret().get(), client.clientSecret())) {
        throw OAuthError.invalidClient("invalid secret provided", basic).exception();
      }
      return new AuthenticatedClient(client, presented, origin.clientCertificate());
    }
    if (registered == AuthMethod.PRIVATE_KEY_JWT) {
      if (presented != AuthMethod.PRIVATE_KEY_JWT || credentials.clientAssertion().isEmpty()) {
        throw mechanismMismatch(basic);
      }
      Set<String> audiences = new LinkedHashSet<>();
      audiences.add(issuer.get());
      audiences.addAll(origin.endpointUrls());
      assertions.verify(credentials.clientAssertion().get(), client, audiences);
      return new AuthenticatedClient(
          client, AuthMethod.PRIVATE_KEY_JWT, origin.clientCertificate());
    }
    if (presented != AuthMethod.NONE) {
      throw mechanismMismatch(basic);
    }
    if (registered == AuthMethod.NONE) {
      return new AuthenticatedClient(client, AuthMethod.NONE, origin.clientCertificate());
    }
    X509Certificate certificate =
        origin.clientCertificate().orElseThrow(() -> fail("client certificate was not provided"));
    ClientAuthConfig auth = client.authentication();
    if (registered == AuthMethod.TLS_CLIENT_AUTH) {
      Optional<String> untrusted =
          clientCaTrust.problem(origin.certificateChain(), clock.instant());
      if (untrusted.isPresent()) {
        throw fail("client certificate chain is not trusted: " + untrusted.get());
      }
      if (!ClientCertificateMatcher.matches(auth, certificate)) {
        throw fail("certificate subject value does not match the registered one");
      }
    } else {
      String presentedThumbprint = CertificateThumbprint.of(certificate);
      boolean registeredNow = registeredThumbprints(auth, false).contains(presentedThumbprint);
      if (!registeredNow
          && !(auth.jwksUri().isPresent()
              && registeredThumbprints(auth, true).contains(presentedThumbprint))) {
        throw fail("unregistered client certificate provided");
      }
    }
    return new AuthenticatedClient(client, registered, Optional.of(certificate));
  }

  private Set<String> registeredThumbprints(ClientAuthConfig auth, boolean refresh) {
    try {
      return keys.thumbprints(auth, refresh);
    } catch (IOException e) {
      throw fail("the client's jwks_uri could not be fetched: " + e.getMessage());
    }
  }

  /** Forgets remembered assertion {@code jti}s and fetched client key sets (emulator reset). */
  public void reset() {
    replays.clear();
    keys.clear();
  }

  private static OAuthException fail(String detail) {
    return OAuthError.invalidClient(detail, false).exception();
  }

  private static OAuthException mechanismMismatch(boolean usedBasic) {
    return OAuthError.invalidClient(
            "the provided authentication mechanism does not match the registered client"
                + " authentication method",
            usedBasic)
        .exception();
  }
}
