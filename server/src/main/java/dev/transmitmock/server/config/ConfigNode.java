package dev.transmitmock.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a parsed config document together with its path, so that every error says where it is
 * ({@code clients[2].resources[0]}).
 */
public final class ConfigNode {
  private final JsonNode node;
  private final String path;

  ConfigNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  /** Fails on keys outside {@code allowed}, suggesting the closest allowed key. */
  ConfigNode requireObject(Set<String> allowed) {
    if (!node.isObject()) {
      throw error("expected a mapping of keys, found " + describe(node));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String suggestion =
            allowed.stream()
                .min(Comparator.comparingInt(candidate -> distance(candidate, name)))
                .filter(candidate -> distance(candidate, name) <= Math.max(2, name.length() / 3))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
        throw ConfigException.at(
            child(name),
            "unknown key '"
                + name
                + "'"
                + suggestion
                + "; allowed keys: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return this;
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  ConfigNode get(String key) {
    return new ConfigNode(node.get(key), child(key));
  }

  Optional<String> text(String key) {
    return has(key) ? Optional.of(get(key).asText()) : Optional.empty();
  }

  String requiredText(String key) {
    if (!has(key)) {
      throw ConfigException.at(child(key), "is required");
    }
    return get(key).asText();
  }

  String asText() {
    if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
      throw error("expected a text value, found " + describe(node));
    }
    String value = node.asText();
    if (value.isBlank()) {
      throw error("must not be empty");
    }
    return value;
  }

  /** A value given either as JSON text or as a mapping, as JSON text. */
  Optional<String> json(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (value.isObject()) {
      return Optional.of(value.toString());
    }
    return Optional.of(get(key).asText());
  }

  Optional<Boolean> bool(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      throw ConfigException.at(child(key), "expected true or false, found " + describe(value));
    }
    return Optional.of(value.booleanValue());
  }

  Optional<Integer> integer(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (!value.isInt()) {
      throw ConfigException.at(child(key), "expected a whole number, found " + describe(value));
    }
    return Optional.of(value.intValue());
  }

  Optional<Duration> duration(String key) {
    return has(key) ? Optional.of(get(key).asDuration()) : Optional.empty();
  }

  Duration asDuration() {
    if (node.isInt() || node.isLong()) {
      return Duration.ofSeconds(node.longValue());
    }
    return parseDuration(path, asText());
  }

  /**
   * Parses an ISO-8601 duration ({@code PT1H}, {@code -PT10M}).
   *
   * @param path where the value stands, for the error; null for a value from elsewhere
   * @throws ConfigException naming the path when the text is no duration
   */
  public static Duration parseDuration(String path, String text) {
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ConfigException.at(
          path,
          "not an ISO-8601 duration (e.g. PT1H, PT5M, PT0S, -PT10M) or a number of seconds: '"
              + text
              + "'");
    }
  }

  Optional<URI> uri(String key) {
    return has(key) ? Optional.of(get(key).asAbsoluteUri()) : Optional.empty();
  }

  URI asAbsoluteUri() {
    return parseAbsoluteUri(path, asText());
  }

  /**
   * Parses an absolute URI.
   *
   * @param path where the value stands, for the error; null for a value from elsewhere
   * @throws ConfigException naming the path when the text is no absolute URI
   */
  public static URI parseAbsoluteUri(String path, String text) {
    try {
      URI uri = new URI(text.trim());
      if (!uri.isAbsolute()) {
        throw ConfigException.at(path, "not an absolute URI: '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ConfigException.at(path, "not a valid URI: '" + text + "'");
    }
  }

  <E extends Enum<E>> Optional<E> choice(String key, Map<String, E> choices) {
    if (!has(key)) {
      return Optional.empty();
    }
    String value = get(key).asText();
    E chosen = choices.get(value);
    if (chosen == null) {
      throw ConfigException.at(
          child(key), "'" + value + "' is not one of " + String.join(", ", choices.keySet()));
    }
    return Optional.of(chosen);
  }

  List<ConfigNode> list(String key) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      throw ConfigException.at(child(key), "expected a list, found " + describe(value));
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new ConfigNode(value.get(i), child(key) + "[" + i + "]"));
    }
    return items;
  }

  Map<String, Object> plainObject(String key) {
    if (!has(key)) {
      return Map.of();
    }
    JsonNode value = node.get(key);
    if (!value.isObject()) {
      throw ConfigException.at(child(key), "expected a mapping, found " + describe(value));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> result.put(e.getKey(), plain(e.getValue())));
    return result;
  }

  private static Object plain(JsonNode value) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return value.isNull() ? null : value.asText();
  }

  ConfigException error(String detail) {
    return ConfigException.at(path, detail);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String describe(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      return "a text value";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost =
            Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1))
                ? 0
                : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
