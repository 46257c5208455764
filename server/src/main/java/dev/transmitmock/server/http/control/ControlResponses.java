package dev.transmitmock.server.http.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writing JSON answers and reading JSON bodies for the control routes. */
final class ControlResponses {
  private static final String JSON = "application/json; charset=utf-8";

  private ControlResponses() {}

  static JsonNode parseObject(String text) {
    if (text == null || text.isBlank()) {
      throw ControlException.badRequest("the body must be a JSON object");
    }
    try {
      JsonNode node = JsonBody.MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        throw ControlException.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      throw ControlException.badRequest(
          "the body is not valid JSON: " + (newline < 0 ? message : message.substring(0, newline)));
    }
  }

  static void ok(Context ctx, Object json) {
    ctx.status(200);
    write(ctx, json);
  }

  static void write(Context ctx, Object json) {
    try {
      ctx.contentType(JSON).result(JsonBody.MAPPER.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
