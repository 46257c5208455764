package dev.transmitmock.server.defects;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.transmitmock.protocol.RejectionCategory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compact JWS split into its segments and decoded the way a lenient library would (characters
 * outside base64url skipped), while noting every way it is not well formed, so that the inspection
 * can still show and check what a lenient consumer would see.
 */
final class TokenParts {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
  private static final Pattern NOT_BASE64URL = Pattern.compile("[^A-Za-z0-9_-]");

  private final List<String> segments;
  private final List<TokenInspection.Finding> problems = new ArrayList<>();
  private final Optional<Map<String, Object>> header;
  private final Optional<Map<String, Object>> claims;
  private final Optional<byte[]> signature;

  private TokenParts(String token) {
    segments = List.of(token.split("\\.", -1));
    checkShape(token);
    header = segments.size() >= 1 ? object(segments.get(0), "header") : Optional.empty();
    claims = segments.size() >= 2 ? object(segments.get(1), "payload") : Optional.empty();
    signature = segments.size() == 3 ? bytes(segments.get(2), "signature") : Optional.empty();
  }

  /** Splits and decodes a token; never throws for any input. */
  static TokenParts of(String token) {
    return new TokenParts(token);
  }

  /** The malformations found while splitting and decoding, in order. */
  List<TokenInspection.Finding> problems() {
    return problems;
  }

  Optional<Map<String, Object>> header() {
    return header;
  }

  Optional<Map<String, Object>> claims() {
    return claims;
  }

  /** The signature bytes, when there are exactly three segments and the third decodes. */
  Optional<byte[]> signature() {
    return signature;
  }

  /** The bytes the signature covers: the first two segments exactly as sent. */
  byte[] signingInput() {
    return (segments.get(0) + "." + segments.get(1)).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the token has the three segments of a compact JWS. */
  boolean hasThreeSegments() {
    return segments.size() == 3;
  }

  private void checkShape(String token) {
    if (token.isBlank()) {
      malformed("empty", "the token is empty");
      return;
    }
    switch (segments.size()) {
      case 3 -> {}
      case 2 ->
          malformed(
              "segments",
              "2 segments (header.payload): the signature segment is missing; a compact JWS has 3");
      case 5 ->
          malformed(
              "segments",
              "5 segments: an encrypted JWT (JWE); Transmit's access tokens are signed JWS with 3");
      default ->
          malformed(
              "segments",
              segments.size() + " segment" + (segments.size() == 1 ? "" : "s") + "; a JWS has 3");
    }
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (!BASE64URL.matcher(segment).matches()) {
        String bad = NOT_BASE64URL.matcher(segment).results().findFirst().orElseThrow().group();
        malformed(
            "characters",
            "the "
                + segmentName(i)
                + " segment holds "
                + printable(bad)
                + ", outside base64url: lenient decoders skip it, a careful verifier refuses the"
                + " token");
        return;
      }
    }
  }

  private Optional<Map<String, Object>> object(String segment, String name) {
    Optional<byte[]> bytes = bytes(segment, name);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    if (bytes.get().length == 0) {
      malformed(name + "-json", "the " + name + " is empty, not a JSON object");
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(new String(bytes.get(), StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        malformed(name + "-json", "the " + name + " is not a JSON object");
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.convertValue(node, LinkedHashMap.class);
      return Optional.of(map);
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      malformed(
          name + "-json",
          "the "
              + name
              + " is not valid JSON: "
              + (newline < 0 ? message : message.substring(0, newline)));
      return Optional.empty();
    }
  }

  private Optional<byte[]> bytes(String segment, String name) {
    String lenient = NOT_BASE64URL.matcher(segment).replaceAll("");
    try {
      return Optional.of(Base64.getUrlDecoder().decode(lenient));
    } catch (IllegalArgumentException e) {
      malformed(name + "-base64url", "the " + name + " segment is not valid base64url");
      return Optional.empty();
    }
  }

  private void malformed(String check, String message) {
    problems.add(new TokenInspection.Finding(RejectionCategory.MALFORMED, check, message));
  }

  private static String segmentName(int index) {
    return switch (index) {
      case 0 -> "header";
      case 1 -> "payload";
      case 2 -> "signature";
      default -> (index + 1) + "th";
    };
  }

  private static String printable(String character) {
    char c = character.charAt(0);
    if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
      return String.format("the character U+%04X", (int) c);
    }
    return "'" + character + "'";
  }
}
