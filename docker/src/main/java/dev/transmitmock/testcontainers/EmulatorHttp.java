package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Sends requests to the emulator in the container and reads its JSON answers. One instance per
 * container; the base URL is looked up on every call because the mapped port exists only once the
 * container runs. An {@code https} base URL (an HTTPS-only container) is reached with the SSL
 * context the container supplies, which trusts the emulator's CA.
 */
final class EmulatorHttp {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final Supplier<String> baseUrl;
  private final Supplier<Optional<String>> controlToken;
  private final Supplier<SSLContext> sslContext;
  private final HttpClient client = newClient(null);
  private SSLContext httpsContext;
  private HttpClient httpsClient;

  EmulatorHttp(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> controlToken,
      Supplier<SSLContext> sslContext) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl must not be null");
    this.controlToken = requireNonNull(controlToken, "controlToken must not be null");
    this.sslContext = requireNonNull(sslContext, "sslContext must not be null");
  }

  private static HttpClient newClient(SSLContext context) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1);
    if (context != null) {
      builder.sslContext(context);
    }
    return builder.build();
  }

  /** The client for a URI: plain, or one trusting the container's current CA for https. */
  private synchronized HttpClient clientFor(URI uri) {
    if (!"https".equals(uri.getScheme())) {
      return client;
    }
    SSLContext current = sslContext.get();
    if (current != httpsContext) {
      httpsContext = current;
      httpsClient = newClient(current);
    }
    return httpsClient;
  }

  /** Encodes one path segment (a kid, a client id, a rule id). */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** GET of a public path (discovery, JWKS); returns the parsed JSON answer. */
  Object get(String path) {
    return send(request(path).GET().build(), "GET " + path);
  }

  /** GET on a control path that answers text (e.g. a PEM certificate). */
  String controlGetText(String path) {
    HttpRequest.Builder builder = request(path).setHeader("Accept", "*/*").GET();
    controlToken.get().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    HttpResponse<String> response = exchange(builder.build(), "GET " + path);
    return response.body() == null ? "" : response.body();
  }

  /** GET on a control path; returns the parsed JSON answer, or null for an empty one. */
  Object controlGet(String path) {
    return control("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  /** POST of a JSON body to a control path. */
  Object controlPost(String path, Object body) {
    return control("POST", path, HttpRequest.BodyPublishers.ofString(Json.write(body)), JSON);
  }

  /** PATCH of a JSON body to a control path. */
  Object controlPatch(String path, Object body) {
    return control("PATCH", path, HttpRequest.BodyPublishers.ofString(Json.write(body)), JSON);
  }

  /** DELETE on a control path. */
  Object controlDelete(String path) {
    return control("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  /** POST of a form to an OAuth endpoint; returns the JSON answer of a 2xx response. */
  Object postForm(String path, String form) {
    HttpRequest request =
        request(path)
            .header("Content-Type", FORM)
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    return send(request, "POST " + path);
  }

  private Object control(
      String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpRequest.Builder builder = request(path).method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    controlToken.get().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    return send(builder.build(), method + " " + path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", JSON);
  }

  private HttpResponse<String> exchange(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response =
          clientFor(request.uri())
              .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TransmitMockException(what + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransmitMockException(what + " was interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body();
      throw new TransmitMockException(
          what + " answered " + response.statusCode() + ": " + body, response.statusCode(), body);
    }
    return response;
  }

  private Object send(HttpRequest request, String what) {
    HttpResponse<String> response = exchange(request, what);
    String body = response.body() == null ? "" : response.body();
    if (body.isBlank()) {
      return null;
    }
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new TransmitMockException(
          what + " answered " + response.statusCode() + " with a body that is not JSON",
          response.statusCode(),
          body);
    }
  }
}
