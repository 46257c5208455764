package dev.transmitmock.junit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Real requests over TLS with a chosen {@link SSLContext}, as a client under test sends them. */
public final class TlsRequests {
  private TlsRequests() {}

  /**
   * The connect timeout covers the TLS handshake too: generous, for a loaded CI machine running
   * test classes in parallel.
   */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** An HTTP client that trusts (and presents) what the context holds. */
  public static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** Sends a prepared token request. */
  public static TokenResponse send(SSLContext tls, HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response =
          client(tls).send(request, HttpResponse.BodyHandlers.ofString());
      return new TokenResponse(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code POST} grant_type=client_credentials with the secret in the form body. */
  public static TokenResponse secretRequest(
      SSLContext tls, URI tokenEndpoint, String clientId, String secret) throws IOException {
    return postForm(
        tls,
        tokenEndpoint,
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret));
  }

  /**
   * {@code POST} grant_type=client_credentials naming the client only: an mTLS client proves who it
   * is with the certificate the context presents.
   */
  public static TokenResponse certificateRequest(SSLContext tls, URI tokenEndpoint, String clientId)
      throws IOException {
    return postForm(
        tls, tokenEndpoint, "grant_type=client_credentials&client_id=" + encode(clientId));
  }

  private static TokenResponse postForm(SSLContext tls, URI tokenEndpoint, String body)
      throws IOException {
    return send(
        tls,
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code GET} a URL, answering status and body. */
  public static TokenResponse get(SSLContext tls, URI uri) {
    try {
      HttpResponse<String> response =
          client(tls)
              .send(
                  HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      return new TokenResponse(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
