package dev.transmitmock.server.hardening;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One hostile request of the fuzz campaign: the bytes to send (in parts, with a pause between them
 * for slow clients), whether to half-close the connection after them, and whether the server may
 * then close without answering (a request cut off mid-body cannot always be answered).
 *
 * @param label what kind of request this is, for failure messages
 * @param parts the bytes, sent one part after the other
 * @param pause the pause between parts
 * @param halfClose whether the client shuts its output after the last part
 * @param mayClose whether closing without a response is acceptable
 */
record FuzzCase(
    String label, List<byte[]> parts, Duration pause, boolean halfClose, boolean mayClose) {
  static FuzzCase of(String label, byte[] request) {
    return new FuzzCase(label, List.of(request), Duration.ZERO, false, false);
  }

  /** Whether this is a HEAD request, whose responses have no body. */
  boolean isHead() {
    byte[] first = parts.get(0);
    return first.length >= 5
        && new String(first, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
  }

  /** The first bytes of the request, printable, for failure messages. */
  String preview() {
    byte[] first = parts.get(0);
    String text = new String(first, 0, Math.min(first.length, 240), StandardCharsets.ISO_8859_1);
    StringBuilder safe = new StringBuilder();
    for (char c : text.toCharArray()) {
      safe.append(c >= 0x20 && c < 0x7f ? c : c == '\n' ? '|' : '.');
    }
    return label + ": " + safe;
  }
}
