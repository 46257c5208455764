package dev.transmitmock.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Real HTTP requests to one emulator (the JDK {@link HttpClient} over loopback), as a client under
 * test would send them: token requests (secret in the form, HTTP Basic, certificate only), forms,
 * control-API JSON, plain GETs. Every answer is a {@link Reply}; an I/O failure fails the test (use
 * {@link #sendRaw} where a dropped connection is the point).
 *
 * <p>Paths are resolved against the base URI, so any URI of the server will do as base; an absolute
 * URI string is used as is.
 *
 * <pre>{@code
 * TestHttp http = TestHttp.to(server.baseUrl());
 * Reply token = http.token("demo-app", "demo-app-secret");
 * Reply health = http.get("/_mock/health");
 * Reply https = TestHttp.to(server.httpsBaseUrl(), tls).token("demo-app", "demo-app-secret");
 * }</pre>
 */
public final class TestHttp {
  /** The content type of a form body. */
  public static final String FORM = "application/x-www-form-urlencoded";

  /** The token endpoint's path, relative to the base. */
  public static final String TOKEN_PATH = "/oidc/token";

  /**
   * Connect (TLS handshake included) and request timeouts: generous, for a loaded CI machine
   * running test classes in parallel.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** One plain client for every plain-HTTP harness: it holds a selector thread. */
  private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private final URI base;
  private final HttpClient client;
  private final String bearer;

  private TestHttp(URI base, HttpClient client, String bearer) {
    this.base = base;
    this.client = client;
    this.bearer = bearer;
  }

  /** Plain HTTP (default trust store for an https URI) to the server at {@code base}. */
  public static TestHttp to(URI base) {
    return new TestHttp(base, PLAIN, null);
  }

  /** Plain HTTP bound to no server: give it absolute URIs. */
  public static TestHttp plain() {
    return to(null);
  }

  /**
   * HTTP/1.1 with this TLS context (the CAs it trusts, and the client certificate it presents if it
   * holds one) to the server at {@code base}.
   */
  public static TestHttp to(URI base, SSLContext tls) {
    return new TestHttp(
        base,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .sslContext(tls)
            .build(),
        null);
  }

  /**
   * A TLS client (as {@link #to(URI, SSLContext)}) bound to no server: give it absolute URIs
   * ({@code server.httpsTokenEndpoint()}), for tests that reach several listeners with one
   * identity.
   */
  public static TestHttp with(SSLContext tls) {
    return to(null, tls);
  }

  /** The same client, sending {@code Authorization: Bearer <token>} on every request it builds. */
  public TestHttp withBearer(String token) {
    return new TestHttp(base, client, token);
  }

  /** The underlying JDK client, for requests this class has no helper for. */
  public HttpClient client() {
    return client;
  }

  /** A path resolved against the base (an absolute URI string is kept). */
  public URI url(String path) {
    return base == null ? URI.create(path) : base.resolve(path);
  }

  // --- token endpoint

  /** {@code POST /oidc/token}: client_credentials with the secret in the form body. */
  public Reply token(String clientId, String secret) {
    return token(clientId, secret, Map.of());
  }

  /** The same, asking for a resource (the token's audience); null asks for none. */
  public Reply token(String clientId, String secret, String resource) {
    return token(clientId, secret, resource == null ? Map.of() : Map.of("resource", resource));
  }

  /** The same, with more form fields after the credentials. */
  public Reply token(String clientId, String secret, Map<String, String> extra) {
    return postForm(TOKEN_PATH, tokenForm(clientId, secret, extra));
  }

  /** client_credentials with HTTP Basic (id and secret form-encoded first, per RFC 6749). */
  public Reply tokenWithBasic(String clientId, String secret) {
    return post(
        TOKEN_PATH,
        FORM,
        "grant_type=client_credentials",
        Map.of("Authorization", basic(clientId, secret)));
  }

  /**
   * client_credentials naming the client only: an mTLS client proves who it is with the certificate
   * its TLS context presents.
   */
  public Reply certificateToken(String clientId) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", clientId);
    return postForm(TOKEN_PATH, fields);
  }

  /** The access token of a successful client-credentials request; fails the test otherwise. */
  public String accessToken(String clientId, String secret) {
    return accessToken(clientId, secret, Map.of());
  }

  /** The same, with more form fields. */
  public String accessToken(String clientId, String secret, Map<String, String> extra) {
    Reply reply = token(clientId, secret, extra);
    if (reply.status() != 200) {
      throw new AssertionError("token request failed: " + reply);
    }
    return reply.accessToken();
  }

  /** A prepared client-credentials request (secret in the form), for {@link #sendRaw}. */
  public HttpRequest tokenRequest(String clientId, String secret) {
    return HttpRequest.newBuilder(url(TOKEN_PATH))
        .timeout(TIMEOUT)
        .header("Content-Type", FORM)
        .POST(HttpRequest.BodyPublishers.ofString(encode(tokenForm(clientId, secret, Map.of()))))
        .build();
  }

  // --- any route

  /** {@code GET} a path. */
  public Reply get(String path) {
    return get(path, Map.of());
  }

  /** {@code GET} an absolute URI. */
  public Reply get(URI uri) {
    return get(uri.toString());
  }

  /** {@code GET} a path with these headers. */
  public Reply get(String path, Map<String, String> headers) {
    return send("GET", path, null, null, headers);
  }

  /** {@code POST} a JSON body (null: none), as the control API takes it. */
  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  /** {@code DELETE} a path. */
  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Any method with a JSON body (null: none). */
  public Reply send(String method, String path, String json) {
    return send(method, path, json == null ? null : "application/json", json, Map.of());
  }

  /** {@code POST} a body as is (a null content type sends none), with these headers. */
  public Reply post(String path, String contentType, String body, Map<String, String> headers) {
    return send("POST", path, contentType, body, headers);
  }

  /** {@code POST} a form built from name/value pairs, URL-encoded here, in their order. */
  public Reply postForm(String path, Map<String, String> fields) {
    return postForm(path, encode(fields));
  }

  /** {@code POST} a form to an absolute URI. */
  public Reply postForm(URI uri, Map<String, String> fields) {
    return postForm(uri.toString(), fields);
  }

  /** {@code POST} a form body as given (already encoded). */
  public Reply postForm(String path, String body) {
    return post(path, FORM, body, Map.of());
  }

  private Reply send(
      String method, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(TIMEOUT);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    if (body == null && method.equals("GET")) {
      request.GET();
    } else {
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
    }
    return send(request.build());
  }

  /** Sends a prepared request; an I/O failure fails the test. */
  public Reply send(HttpRequest request) {
    try {
      return Reply.of(sendRaw(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a prepared request, letting an IOException through (for dropped connections). */
  public HttpResponse<String> sendRaw(HttpRequest request)
      throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  // --- encoding

  private static Map<String, String> tokenForm(
      String clientId, String secret, Map<String, String> extra) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", clientId);
    fields.put("client_secret", secret);
    fields.putAll(extra);
    return fields;
  }

  /** {@code a=1&b=2}, URL-encoded, in the map's order. */
  public static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** One value, URL-encoded as a form field. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code Basic base64(enc(id):enc(secret))}, the form-encoding RFC 6749 section 2.3.1 asks. */
  public static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
  }
}
