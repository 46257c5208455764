package dev.transmitmock.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before any route sees them (a malformed request line,
 * headers too large, conflicting {@code Content-Length} and {@code Transfer-Encoding}, a body that
 * arrives too slowly, ...): OAuth 2.0 JSON {@code {"error","error_description"}} instead of Jetty's
 * HTML page, so that every error the emulator sends has the same shape.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final String JSON = "application/json;charset=utf-8";
  private static final int MAX_DESCRIPTION = 200;

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object attribute = request.getAttribute(ERROR_STATUS);
    if (attribute instanceof Integer code) {
      status = code;
    }
    Object message = request.getAttribute(ERROR_MESSAGE);
    if (status < 400 || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      // A client's unknown HTTP version is its fault, not the emulator's: no 5xx for bad input.
      status = HttpStatus.BAD_REQUEST_400;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    byte[] body = json(status, message == null ? null : message.toString());
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, JSON);
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    return ByteBuffer.wrap(json(status, reason));
  }

  /** The JSON body for a status and Jetty's reason, which is made safe to echo. */
  static byte[] json(int status, String reason) {
    String error = status >= 500 ? "server_error" : "invalid_request";
    String description = printable(reason == null ? HttpStatus.getMessage(status) : reason);
    if (description.isEmpty()) {
      description = "the request was refused (HTTP " + status + ")";
    }
    String text = "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String printable(String text) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < text.length() && safe.length() < MAX_DESCRIPTION; i++) {
      char c = text.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return safe.toString();
  }
}
