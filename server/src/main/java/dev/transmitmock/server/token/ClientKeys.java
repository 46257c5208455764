package dev.transmitmock.server.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientKeyMaterial;
import dev.transmitmock.server.config.PemCertificates;
import dev.transmitmock.server.pki.CertificateThumbprint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * ClientKeyMaterial.check(clientAuthConfig);  // at registration (config): unusable material
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
   * The client's public keys.
   *
   * @param refresh refetch a {@code jwksUri} now (rate-limited), e.g. when a {@code kid} is unknown
   * @throws IOException when a {@code jwksUri} cannot be fetched or parsed
   */
  public List<JWK> keys(ClientAuthConfig auth, boolean refresh) throws IOException {
    if (auth.jwks().isPresent()) {
      return ClientKeyMaterial.parseJwks(auth.jwks().get());
    }
    if (auth.publicKeyPem().isPresent()) {
      return List.of(ClientKeyMaterial.parsePem(auth.publicKeyPem().get()));
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
      PemCertificates.read(auth.publicKeyPem().get()).stream()
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
      keys = ClientKeyMaterial.parseJwks(body);
    } catch (IllegalArgumentException e) {
      throw new IOException("the client JWKS at " + uri + " is unusable: " + e.getMessage());
    }
    fetched.put(uri, new Fetched(keys, now));
    return keys;
  }

  private record Fetched(List<JWK> keys, Instant at) {}
}
