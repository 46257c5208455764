package dev.transmitmock.client;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;

/**
 * Reads the {@code alg} of a token Nimbus refused to parse, so that an unsigned or oddly spelled
 * {@code none} token is reported as an algorithm problem rather than a syntax one.
 */
final class UnparsedHeader {

  private UnparsedHeader() {}

  static String algorithmOrNull(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      Map<String, Object> header =
          JSONObjectUtils.parse(new Base64URL(token.substring(0, dot)).decodeToString());
      Object alg = header.get("alg");
      return alg instanceof String name ? name : null;
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }
}
