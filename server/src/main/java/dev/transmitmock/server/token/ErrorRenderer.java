package dev.transmitmock.server.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transmitmock.server.config.ErrorStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link OAuthError} into a response in the configured {@link ErrorStyle}: RFC 6749 JSON,
 * or Transmit's REST style {@code {"message": [...], "error_code": N}}.
 */
public final class ErrorRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorRenderer() {}

  /**
   * The engine's answer: the detail is never on the wire.
   *
   * @param issuer used as the Basic realm of a {@code WWW-Authenticate} challenge
   */
  public static EndpointResponse render(OAuthError error, ErrorStyle style, String issuer) {
    return render(error, style, issuer, false);
  }

  /**
   * @param issuer used as the Basic realm of a {@code WWW-Authenticate} challenge
   * @param verbose add the {@link OAuthError#detail()} as {@code error_detail} ({@code
   *     verboseErrors}); the description and the challenge stay the engine's
   */
  public static EndpointResponse render(
      OAuthError error, ErrorStyle style, String issuer, boolean verbose) {
    Map<String, String> headers = new HashMap<>(EndpointResponse.NO_STORE);
    if (error.status() == 401 && error.basicChallenge()) {
      headers.put(
          "WWW-Authenticate",
          "Basic realm=\""
              + issuer
              + "\", error=\""
              + error.error()
              + "\", error_description=\""
              + error.description()
              + "\"");
    }
    Object body;
    if (style == ErrorStyle.TRANSMIT_REST) {
      Map<String, Object> rest = new LinkedHashMap<>();
      rest.put("message", List.of(error.description()));
      rest.put("error_code", error.status());
      if (verbose) {
        error.detail().ifPresent(detail -> rest.put("error_detail", detail));
      }
      body = rest;
    } else {
      body = verbose ? error.verboseBody() : error.body();
    }
    return new EndpointResponse(error.status(), headers, json(body));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
