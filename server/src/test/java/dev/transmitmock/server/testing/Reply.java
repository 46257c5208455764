package dev.transmitmock.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.text.ParseException;

/**
 * An HTTP answer from the emulator (or anything else {@link TestHttp} talks to): status, headers
 * and body, with the JSON body parsed on demand.
 *
 * <pre>{@code
 * Reply reply = emulator.http().token("demo-app", "wrong");
 * assertThat(reply.status()).isEqualTo(401);
 * assertThat(reply.error()).isEqualTo("invalid_client");
 * }</pre>
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body, decoded as UTF-8
 */
public record Reply(int status, HttpHeaders headers, String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  static Reply of(HttpResponse<String> response) {
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  /** The first value of a header, or null when absent. */
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The {@code Content-Type} header, or {@code ""} when absent. */
  public String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }

  /** The body as JSON; fails the test when it is not JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + this, e);
    }
  }

  /** The OAuth {@code error} field ({@code ""} when absent). */
  public String error() {
    return json().path("error").asText();
  }

  /** The OAuth {@code error_description} field ({@code ""} when absent). */
  public String description() {
    return json().path("error_description").asText();
  }

  /** The {@code access_token} of a successful token answer; fails the test otherwise. */
  public String accessToken() {
    JsonNode token = json().get("access_token");
    if (token == null || !token.isTextual()) {
      throw new AssertionError("no access_token in " + this);
    }
    return token.asText();
  }

  /** The claims of the access token (parsed, not verified). */
  public JWTClaimsSet claims() {
    try {
      return SignedJWT.parse(accessToken()).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("access_token is not a JWT", e);
    }
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
