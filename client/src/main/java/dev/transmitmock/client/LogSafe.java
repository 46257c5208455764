package dev.transmitmock.client;

/**
 * Makes attacker-controlled header values ({@code kid}, {@code typ}, {@code alg}) safe to put in an
 * exception message: bounded length, printable ASCII only, quoted.
 */
final class LogSafe {

  private static final int MAX_LENGTH = 64;

  private LogSafe() {}

  static String quote(String value) {
    if (value == null) {
      return "(none)";
    }
    int length = Math.min(value.length(), MAX_LENGTH);
    StringBuilder out = new StringBuilder(length + 8).append('\'');
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
    }
    if (value.length() > MAX_LENGTH) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
