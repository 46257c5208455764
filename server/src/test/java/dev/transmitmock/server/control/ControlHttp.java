package dev.transmitmock.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transmitmock.server.TransmitMockServer;
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
import java.util.Optional;

/** A real HTTP client bound to one emulator, for the control-API tests. */
final class ControlHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String APP = "demo-app";
  static final String APP_SECRET = "demo-app-secret";
  static final String ADMIN = "demo-admin";
  static final String ADMIN_SECRET = "demo-admin-secret";
  static final String RESOURCE = "https://api.example.test";

  private final TransmitMockServer server;
  private final HttpClient client;
  private Optional<String> bearer = Optional.empty();

  ControlHttp(TransmitMockServer server) {
    this.server = server;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  ControlHttp withBearer(String token) {
    ControlHttp copy = new ControlHttp(server);
    copy.bearer = Optional.of(token);
    return copy;
  }

  HttpClient client() {
    return client;
  }

  HttpResponse<String> send(String method, String path, String jsonBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUrl().resolve(path)).timeout(Duration.ofSeconds(20));
    bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return execute(request.build());
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String json) {
    return send("POST", path, json);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  /** A client-credentials request with the secret in the form body. */
  HttpResponse<String> token(String clientId, String secret, String resource) {
    return form(server.tokenEndpoint(), tokenForm(clientId, secret, resource), Optional.empty());
  }

  /** A client-credentials request with HTTP Basic. */
  HttpResponse<String> tokenWithBasic(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return form(
        server.tokenEndpoint(), "grant_type=client_credentials", Optional.of("Basic " + basic));
  }

  HttpRequest tokenRequest(String clientId, String secret) {
    return HttpRequest.newBuilder(server.tokenEndpoint())
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(tokenForm(clientId, secret, null)))
        .build();
  }

  static String tokenForm(String clientId, String secret, String resource) {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    form.append("&client_id=").append(encode(clientId));
    form.append("&client_secret=").append(encode(secret));
    if (resource != null) {
      form.append("&resource=").append(encode(resource));
    }
    return form.toString();
  }

  HttpResponse<String> form(URI uri, String body, Optional<String> authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    authorization.ifPresent(a -> request.header("Authorization", a));
    return execute(request.build());
  }

  /** Sends a request, letting an IOException through (for dropped connections). */
  HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> execute(HttpRequest request) {
    try {
      return sendRaw(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An access token for the demo app, over HTTP. */
  String accessToken() {
    HttpResponse<String> response = token(APP, APP_SECRET, null);
    if (response.statusCode() != 200) {
      throw new AssertionError("token request failed: " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
