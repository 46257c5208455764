package dev.transmitmock.server.token.assertion;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.tls.CertificateThumbprint;
import dev.transmitmock.server.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys and certificate thumbprints a client registered: from {@code jwks} (a JWK set or
 * one JWK), {@code publicKeyPem} (a public key or certificate) or {@code jwksUri} (fetched, cached
 * for {@link #JWKS_URI_CACHE_TTL}, refetched when a {@code kid} is not found). Thread-safe.
 *
 * <pre>{@code
 * ClientKeys.check(clientAuthConfig);          // at registration: fails on unusable material
 * List<JWK> keys = clientKeys.keys(clientAuthConfig, false);
 * }</pre>
 */
public final class ClientKeys {
  /** How long a fetched client JWKS is used. */
  public static final Duration JWKS_URI_CACHE_TTL = Duration.ofMinutes(1);

  private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(1);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);
  private static final int MAX_JWKS_BYTES = 256 * 1024;

  private final Clock clock = Clock.systemUTC();
  private final Map<URI, Fetched> fetched = new ConcurrentHashMap<>();
  // Made on the first jwksUri fetch: building an HttpClient initialises the JDK's TLS stack (about
  // 180 classes and the cacerts store), which most emulators never need and start-up should not
  // pay.
  private volatile HttpClient http;

  /**
   * Checks that inline key material can be used: parseable JSON or PEM, public keys only,
   * well-formed thumbprints. A {@code jwksUri} is not fetched here.
   *
   * @throws IllegalArgumentException naming the field at fault, never quoting key material
   */
  public static void check(ClientAuthConfig auth) {
    requireNonNull(auth, "auth must not be null");
    auth.jwks().ifPresent(ClientKeys::parseJwks);
    auth.publicKeyPem().ifPresent(ClientKeys::parsePem);
    for (String thumbprint : auth.certificateThumbprints()) {
      if (!CertificateThumbprint.isWellFormed(thumbprint)) {
        throw new IllegalArgumentException(
            "certificateThumbprints: '"
                + thumbprint
                + "' is not an x5t#S256 value (43 base64url characters)");
      }
    }
    if (auth.method() == dev.transmitmock.protocol.AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH) {
      if (auth.publicKeyPem().isPresent()
          && TlsIdentity.certificates(auth.publicKeyPem().get()).isEmpty()) {
        throw new IllegalArgumentException(
            "publicKeyPem: a self_signed_tls_client_auth client registers its certificate");
      }
      if (auth.jwks().isPresent() && thumbprintsOf(parseJwks(auth.jwks().get())).isEmpty()) {
        throw new IllegalArgumentException(
            "jwks: a self_signed_tls_client_auth client's keys need x5c or x5t#S256");
      }
    }
  }

  /**
   * The client's public keys.
   *
   * @param refresh refetch a {@code jwksUri} now (rate-limited), e.g. when a {@code kid} is unknown
   * @throws IOException when a {@code jwksUri} cannot be fetched or parsed
   */
  public List<JWK> keys(ClientAuthConfig auth, boolean refresh) throws IOException {
    if (auth.jwks().isPresent()) {
      return parseJwks(auth.jwks().get());
    }
    if (auth.publicKeyPem().isPresent()) {
      return List.of(parsePem(auth.publicKeyPem().get()));
    }
    if (auth.jwksUri().isPresent()) {
      return fetch(auth.jwksUri().get(), refresh);
    }
    return List.of();
  }

  /**
   * The {@code x5t#S256} thumbprints of the certificates a self-signed mTLS client registered.
   *
   * @throws IOException when a {@code jwksUri} cannot be fetched or parsed
   */
  public Set<String> thumbprints(ClientAuthConfig auth, boolean refresh) throws IOException {
    Set<String> thumbprints = new LinkedHashSet<>(auth.certificateThumbprints());
    if (auth.publicKeyPem().isPresent()) {
      TlsIdentity.certificates(auth.publicKeyPem().get()).stream()
          .map(CertificateThumbprint::of)
          .forEach(thumbprints::add);
    } else if (auth.jwks().isPresent() || auth.jwksUri().isPresent()) {
      thumbprints.addAll(thumbprintsOf(keys(auth, refresh)));
    }
    return thumbprints;
  }

  /** Forgets fetched JWK sets. */
  public void clear() {
    fetched.clear();
  }

  private static Set<String> thumbprintsOf(List<JWK> keys) {
    Set<String> thumbprints = new LinkedHashSet<>();
    for (JWK key : keys) {
      List<Base64> chain = key.getX509CertChain();
      if (chain != null && !chain.isEmpty()) {
        X509Certificate certificate = X509CertUtils.parse(chain.get(0).decode());
        if (certificate != null) {
          thumbprints.add(CertificateThumbprint.of(certificate));
        }
      } else if (key.getX509CertSHA256Thumbprint() != null) {
        thumbprints.add(key.getX509CertSHA256Thumbprint().toString());
      }
    }
    return thumbprints;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .connectTimeout(HTTP_TIMEOUT)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
          http = client;
        }
      }
    }
    return client;
  }

  private List<JWK> fetch(URI uri, boolean refresh) throws IOException {
    Instant now = clock.instant();
    Fetched cached = fetched.get(uri);
    if (cached != null) {
      boolean fresh = cached.at().plus(JWKS_URI_CACHE_TTL).isAfter(now);
      boolean mayRefetch = cached.at().plus(MIN_REFETCH_INTERVAL).isBefore(now);
      if (fresh && !(refresh && mayRefetch)) {
        return cached.keys();
      }
    }
    HttpResponse<InputStream> response;
    try {
      response =
          http()
              .send(
                  HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching the client JWKS");
    }
    String body;
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_JWKS_BYTES + 1);
      if (bytes.length > MAX_JWKS_BYTES) {
        throw new IOException(
            "the client JWKS at " + uri + " exceeds " + MAX_JWKS_BYTES + " bytes");
      }
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    if (response.statusCode() != 200) {
      throw new IOException("the client JWKS at " + uri + " answered " + response.statusCode());
    }
    List<JWK> keys;
    try {
      keys = parseJwks(body);
    } catch (IllegalArgumentException e) {
      throw new IOException("the client JWKS at " + uri + " is unusable: " + e.getMessage());
    }
    fetched.put(uri, new Fetched(keys, now));
    return keys;
  }

  /** Parses a JWK set or a single JWK; public keys only. */
  static List<JWK> parseJwks(String json) {
    List<JWK> keys;
    try {
      if (json.contains("\"keys\"")) {
        keys = JWKSet.parse(json).getKeys();
      } else {
        keys = List.of(JWK.parse(json));
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("jwks: not a JWK set or JWK (" + e.getMessage() + ")");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("jwks: the set holds no key");
    }
    for (JWK key : keys) {
      if (key.isPrivate()) {
        throw new IllegalArgumentException(
            "jwks: holds private key material; register the public keys only");
      }
    }
    return new ArrayList<>(keys);
  }

  /** Parses a PEM public key or certificate. */
  static JWK parsePem(String pem) {
    if (pem.contains("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "publicKeyPem: holds a private key; register the public key or certificate only");
    }
    try {
      JWK key = JWK.parseFromPEMEncodedObjects(pem);
      if (key.isPrivate()) {
        throw new IllegalArgumentException("publicKeyPem: holds a private key");
      }
      return key.toPublicJWK();
    } catch (JOSEException | RuntimeException e) {
      if (e instanceof IllegalArgumentException illegal
          && illegal.getMessage() != null
          && illegal.getMessage().startsWith("publicKeyPem")) {
        throw illegal;
      }
      throw new IllegalArgumentException(
          "publicKeyPem: not a PEM public key or certificate (BEGIN PUBLIC KEY or BEGIN"
              + " CERTIFICATE)");
    }
  }

  private record Fetched(List<JWK> keys, Instant at) {}
}
