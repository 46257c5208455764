package dev.transmitmock.server.token;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads the user and password of an HTTP Basic {@code Authorization} header as node-oidc-provider
 * does ({@code shared/client_auth.js}, {@code decodeAuthToken}): both are form-decoded (RFC 6749
 * section 2.3.1 and appendix B), so a raw {@code +} is a space and {@code %2B} a plus, and must
 * then be visible ASCII ({@code %x20-7E}).
 *
 * <p>So {@code curl -u orders-svc:a+b} sends the secret {@code "a b"}, which fails at Transmit as
 * it does here; a client encoding per RFC 6749 sends {@code a%2Bb}. Never printed: {@link
 * #toString()} hides the secret.
 *
 * @param clientId the decoded user, possibly empty
 * @param secret the decoded password, possibly empty
 */
record BasicCredentials(String clientId, String secret) {
  private static final String BAD_FORMAT = "invalid authorization header value format";
  private static final String BAD_ENCODING =
      "client_id and client_secret in the authorization header are not properly encoded";

  /**
   * Decodes a header into the user ({@code client_id}) and password ({@code client_secret}).
   *
   * @throws OAuthException 400 {@code invalid_request}: not {@code Basic <base64>}, no colon, or a
   *     part that is not properly encoded
   */
  static BasicCredentials decode(String header) {
    String[] parts = header.split(" ", -1);
    if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
      throw OAuthError.invalidRequest(BAD_FORMAT).exception();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidRequest(BAD_FORMAT).exception();
    }
    // Node's Buffer#toString('utf8') replaces broken sequences; the VSCHAR check refuses them.
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw OAuthError.invalidRequest(BAD_FORMAT).exception();
    }
    return new BasicCredentials(
        formDecode(decoded.substring(0, colon)), formDecode(decoded.substring(colon + 1)));
  }

  /** {@code decodeURIComponent(value.replace(/\+/g, '%20'))}, then the VSCHAR check. */
  private static String formDecode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
        int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw OAuthError.invalidRequest(BAD_ENCODING).exception();
        }
        bytes.write((high << 4) | low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw OAuthError.invalidRequest(BAD_ENCODING).exception();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw OAuthError.invalidRequest(BAD_ENCODING).exception();
      }
    }
    return text;
  }

  @Override
  public String toString() {
    return "BasicCredentials[clientId=" + clientId + ", secret=(hidden)]";
  }
}
