package dev.transmitmock.server.token;

import dev.transmitmock.server.config.MockConfig;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A strict parser of {@code application/x-www-form-urlencoded} request bodies. Unlike a servlet
 * container it keeps repeated parameters (so duplicates can be refused) and refuses broken
 * percent-encoding and invalid UTF-8 with a 400 instead of guessing.
 */
public final class FormParser {
  /** More parameters than any OAuth request needs. */
  public static final int MAX_PARAMETERS = 256;

  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private FormParser() {}

  /**
   * Reads a request's form as node-oidc-provider's {@code shared/selective_body.js} does: without a
   * {@code Content-Type} the body is ignored (an empty form), another content type is refused, and
   * a body over the engine's 56 KiB is 400 "failed to parse the request body".
   *
   * @param path the endpoint path used in the error, e.g. {@code /token}
   * @throws OAuthException 400 {@code invalid_request} for a wrong content type, a body too large
   *     or broken
   */
  public static FormParameters read(RawRequest request, String path) {
    return FormRequest.of(request).form(path);
  }

  /**
   * Checks a request's content type and size as {@link #read} does, without parsing the body.
   *
   * @throws OAuthException 400 {@code invalid_request} for a wrong content type or a body too large
   */
  static void checkContent(RawRequest request, String path) {
    Optional<String> contentType = request.contentType().filter(type -> !type.isBlank());
    if (contentType.isEmpty()) {
      return;
    }
    if (!isForm(contentType.get())) {
      throw OAuthError.invalidRequest(
              "only application/x-www-form-urlencoded content-type bodies are supported on POST "
                  + path)
          .exception();
    }
    if (request.bodyTooLarge()) {
      throw OAuthError.bodyNotParsed(
              "request entity too large: node-oidc-provider reads at most "
                  + MockConfig.ENGINE_BODY_LIMIT_BYTES
                  + " bytes (56 KiB)")
          .exception();
    }
  }

  /** Parses a body known to be form-encoded. */
  public static FormParameters parse(byte[] body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    int count = 0;
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start);
      if (end > start) {
        if (++count > MAX_PARAMETERS) {
          throw OAuthError.invalidRequest(
                  "too many parameters: at most " + MAX_PARAMETERS + " are accepted")
              .exception();
        }
        int equals = indexOf(body, (byte) '=', start);
        String name;
        String value;
        if (equals < end) {
          name = decode(body, start, equals);
          value = decode(body, equals + 1, end);
        } else {
          name = decode(body, start, end);
          value = "";
        }
        values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    return new FormParameters(values);
  }

  static boolean isForm(String contentType) {
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    if (!mediaType.trim().toLowerCase(Locale.ROOT).equals(FORM_TYPE)) {
      return false;
    }
    if (semicolon < 0) {
      return true;
    }
    for (String parameter : contentType.substring(semicolon + 1).split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair[0].equalsIgnoreCase("charset") && pair.length == 2) {
        String charset = pair[1].trim().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8")
            && !charset.equalsIgnoreCase("utf8")
            && !charset.equalsIgnoreCase("us-ascii")) {
          return false;
        }
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte wanted, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == wanted) {
        return i;
      }
    }
    return body.length;
  }

  private static String decode(byte[] body, int from, int to) {
    byte[] bytes = new byte[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b == '+') {
        bytes[length++] = ' ';
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw brokenEncoding();
        }
        int high = Character.digit(body[i + 1], 16);
        int low = Character.digit(body[i + 2], 16);
        if (high < 0 || low < 0) {
          throw brokenEncoding();
        }
        bytes[length++] = (byte) ((high << 4) | low);
        i += 2;
      } else {
        bytes[length++] = b;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw OAuthError.invalidRequest("the request body is not valid UTF-8").exception();
    }
  }

  private static OAuthException brokenEncoding() {
    return OAuthError.invalidRequest("the request body has broken percent-encoding").exception();
  }
}
