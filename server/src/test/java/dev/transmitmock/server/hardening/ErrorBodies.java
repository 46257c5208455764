package dev.transmitmock.server.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Checks that an error response is an OAuth 2.0 JSON error body. */
final class ErrorBodies {
  static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  /**
   * What is wrong with an error response, if anything: it must be JSON with a string {@code error}
   * and a string {@code error_description}.
   */
  static Optional<String> problem(RawHttp.Response response, boolean head) {
    if (head) {
      return Optional.empty();
    }
    Optional<String> type = response.header("Content-Type");
    if (type.isEmpty() || !type.get().toLowerCase().startsWith("application/json")) {
      return Optional.of("error content type is " + type.orElse("missing"));
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      return Optional.of("error body is not JSON");
    }
    if (body == null || !body.isObject()) {
      return Optional.of("error body is not a JSON object");
    }
    if (!body.path("error").isTextual() || body.path("error").asText().isEmpty()) {
      return Optional.of("error body has no string 'error'");
    }
    if (!body.path("error_description").isTextual()) {
      return Optional.of("error body has no string 'error_description'");
    }
    return Optional.empty();
  }
}
