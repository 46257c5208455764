package dev.transmitmock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.server.config.MockConfig;
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

/**
 * Test harness: a real emulator on a free loopback port and a real HTTP client bound to it, in the
 * spirit of Javalin's {@code JavalinTest}.
 */
public final class Emulator implements AutoCloseable {
  public static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TransmitMockServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Emulator(TransmitMockServer server) {
    this.server = server.start();
  }

  /** The embedded default config: demo-app / demo-app-secret, demo-admin / demo-admin-secret. */
  public static Emulator withDefaults() {
    return new Emulator(TransmitMockServer.builder().build());
  }

  public static Emulator with(MockConfig config) {
    return new Emulator(TransmitMockServer.builder().config(config).build());
  }

  public TransmitMockServer server() {
    return server;
  }

  public URI url(String path) {
    return server.baseUrl().resolve(path);
  }

  /** POSTs a form built from name/value pairs (URL-encoded here). */
  public Reply postForm(String path, Map<String, String> fields) {
    return post(path, FORM, encode(fields), Map.of());
  }

  public Reply post(String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  public Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    return send(request.GET().build());
  }

  /** A client-credentials request with the secret in the body. */
  public Reply token(String clientId, String secret, Map<String, String> extra) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", clientId);
    fields.put("client_secret", secret);
    fields.putAll(extra);
    return postForm("/oidc/token", fields);
  }

  /** The access token of a successful client-credentials request. */
  public String accessToken(String clientId, String secret, Map<String, String> extra) {
    Reply reply = token(clientId, secret, extra);
    if (reply.status() != 200) {
      throw new AssertionError("token request failed: " + reply);
    }
    return reply.json().get("access_token").asText();
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Verifies a token the way a careful consumer would, against the JWKS served over HTTP: RS256,
   * typ at+jwt or JWT, signature. Claims are returned for the test to check.
   */
  public JWTClaimsSet verify(String token) throws Exception {
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(server.jwksUri().toURL()).retrying(false).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            new JOSEObjectType("at+jwt"), JOSEObjectType.JWT, null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    return processor.process(token, null);
  }

  /** The token's payload exactly as sent (Nimbus turns a string {@code aud} into a list). */
  public static JsonNode payload(String token) {
    try {
      return JSON.readTree(com.nimbusds.jwt.SignedJWT.parse(token).getPayload().toString());
    } catch (IOException | java.text.ParseException e) {
      throw new AssertionError("not a JWT", e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  /** An HTTP answer with its JSON body parsed on demand. */
  public record Reply(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    @Override
    public String toString() {
      return response.statusCode() + " " + response.body();
    }
  }
}
