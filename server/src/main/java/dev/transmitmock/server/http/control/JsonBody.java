package dev.transmitmock.server.http.control;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON object of a control-API request, read strictly: unknown fields and wrongly typed values
 * are 400 errors naming the field, never ignored.
 */
final class JsonBody {
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /**
   * Parses a request body; an empty body is an empty object.
   *
   * @param allowed the fields the endpoint understands
   */
  static JsonBody parse(String text, Set<String> allowed) {
    ObjectNode object;
    if (text == null || text.isBlank()) {
      object = JsonNodeFactory.instance.objectNode();
    } else {
      JsonNode parsed;
      try {
        parsed = MAPPER.readTree(text);
      } catch (JacksonException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        throw ControlException.badRequest(
            "the body is not valid JSON: "
                + (newline < 0 ? message : message.substring(0, newline)));
      }
      if (parsed == null || !parsed.isObject()) {
        throw ControlException.badRequest("the body must be a JSON object");
      }
      object = (ObjectNode) parsed;
    }
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ControlException.badField(
            name, "unknown field; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return new JsonBody(object);
  }

  ObjectNode node() {
    return node;
  }

  boolean isEmpty() {
    return node.isEmpty();
  }

  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  Optional<String> text(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw ControlException.badField(field, "must be a string");
    }
    return Optional.of(value.asText());
  }

  String requiredText(String field) {
    return text(field).orElseThrow(() -> ControlException.badField(field, "is required"));
  }

  Optional<Boolean> bool(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw ControlException.badField(field, "must be true or false");
    }
    return Optional.of(value.asBoolean());
  }

  Optional<Integer> integer(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ControlException.badField(field, "must be a whole number");
    }
    return Optional.of(value.asInt());
  }

  Optional<Duration> duration(String field) {
    return text(field).map(text -> parseDuration(field, text));
  }

  static Duration parseDuration(String field, String text) {
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ControlException.badField(
          field, "not an ISO-8601 duration (e.g. PT2H, PT0.5S, -PT10M): '" + text + "'");
    }
  }

  Optional<Instant> instant(String field) {
    return text(field)
        .map(
            text -> {
              try {
                return Instant.parse(text.trim());
              } catch (DateTimeParseException e) {
                throw ControlException.badField(
                    field, "not an ISO-8601 instant (e.g. 2031-01-01T00:00:00Z): '" + text + "'");
              }
            });
  }

  Optional<Map<String, String>> stringMap(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw ControlException.badField(field, "must be a JSON object of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode item = entry.getValue();
      if (!item.isTextual() && !item.isNumber()) {
        throw ControlException.badField(field + "." + entry.getKey(), "must be a string");
      }
      result.put(entry.getKey(), item.asText());
    }
    return Optional.of(result);
  }

  Optional<Map<String, Object>> object(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw ControlException.badField(field, "must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = MAPPER.convertValue(value, LinkedHashMap.class);
    return Optional.of(plain);
  }

  Optional<List<String>> stringList(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw ControlException.badField(field, "must be a list of strings");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw ControlException.badField(field + "[" + i + "]", "must be a string");
      }
      result.add(value.get(i).asText());
    }
    return Optional.of(result);
  }

  /** The raw value of a field, if present. */
  Optional<JsonNode> raw(String field) {
    return has(field) ? Optional.of(node.get(field)) : Optional.empty();
  }
}
