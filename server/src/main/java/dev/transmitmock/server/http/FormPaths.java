package dev.transmitmock.server.http;

/**
 * Makes request paths safe to echo inside a JSON string; shared by the Transmit face, the control
 * face and the workspace prefix.
 *
 * <pre>{@code
 * String path = FormPaths.printable(ctx.path()); // at most 200 printable ASCII characters
 * }</pre>
 */
public final class FormPaths {
  private static final int MAX_LENGTH = 200;

  private FormPaths() {}

  /**
   * {@code path} with control, non-ASCII, quote and backslash characters as {@code ?}, cut short.
   */
  public static String printable(String path) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < path.length() && safe.length() < MAX_LENGTH; i++) {
      char c = path.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return safe.toString();
  }
}
