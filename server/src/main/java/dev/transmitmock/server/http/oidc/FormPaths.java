package dev.transmitmock.server.http.oidc;

/** Makes request paths safe to echo inside a JSON string. */
final class FormPaths {
  private static final int MAX_LENGTH = 200;

  private FormPaths() {}

  static String printable(String path) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < path.length() && safe.length() < MAX_LENGTH; i++) {
      char c = path.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return safe.toString();
  }
}
