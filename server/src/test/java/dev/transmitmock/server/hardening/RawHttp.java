package dev.transmitmock.server.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny HTTP/1.1 client on a raw socket, for what {@code java.net.http.HttpClient} refuses to
 * send: duplicate or malformed headers, broken chunking, truncated bodies, bytes dribbled slowly.
 * Every read has a timeout, so a server that hangs is reported as {@link Outcome#TIMEOUT}.
 */
public final class RawHttp {
  /** What became of one exchange. */
  public enum Outcome {
    /** A complete response was read. */
    ANSWERED,
    /** The server closed the connection without a (complete) response. */
    CLOSED,
    /** No response within the timeout: a hang. */
    TIMEOUT
  }

  /**
   * One response.
   *
   * @param outcome what happened
   * @param status the status code, 0 without a response
   * @param headers header names in lower case to their values
   * @param body the decoded body (chunked bodies de-chunked)
   */
  public record Response(
      Outcome outcome, int status, Map<String, List<String>> headers, byte[] body) {
    static Response of(Outcome outcome) {
      return new Response(outcome, 0, Map.of(), new byte[0]);
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
      String text = text();
      return outcome + " " + status + " " + (text.length() > 300 ? text.substring(0, 300) : text);
    }
  }

  private RawHttp() {}

  /** Sends {@code request} in one write and reads one response. */
  public static Response exchange(int port, byte[] request, Duration timeout) throws IOException {
    return exchange(port, List.of(request), Duration.ZERO, false, timeout);
  }

  /**
   * Sends {@code parts} with {@code pause} between them, optionally half-closes the output, and
   * reads one response.
   */
  public static Response exchange(
      int port, List<byte[]> parts, Duration pause, boolean halfClose, Duration timeout)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      try {
        for (int i = 0; i < parts.size(); i++) {
          if (i > 0 && !pause.isZero()) {
            Thread.sleep(pause.toMillis());
          }
          out.write(parts.get(i));
          out.flush();
        }
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // The server may answer and close before it read everything (e.g. 413, 431): read on.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean head =
          parts.get(0).length >= 5
              && new String(parts.get(0), 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
      return read(socket.getInputStream(), deadline, head);
    } catch (SocketTimeoutException e) {
      return Response.of(Outcome.TIMEOUT);
    }
  }

  /** Reads one response from a stream; {@code deadline} in {@link System#nanoTime()} terms. */
  static Response read(InputStream in, long deadline, boolean headRequest) throws IOException {
    try {
      String head = readHead(in, deadline);
      if (head == null) {
        return Response.of(Outcome.CLOSED);
      }
      String[] lines = head.split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP status line: " + lines[0]);
      }
      int status = Integer.parseInt(statusLine[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(
                  lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                  k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      byte[] body;
      List<String> length = headers.get("content-length");
      List<String> encoding = headers.get("transfer-encoding");
      if (headRequest) {
        body = new byte[0];
      } else if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
        body = readChunked(in, deadline);
      } else if (length != null) {
        body = readExactly(in, Integer.parseInt(length.get(0)), deadline);
      } else if (status == 204 || status == 304 || status < 200) {
        body = new byte[0];
      } else {
        body = readToEnd(in, deadline);
      }
      if (body == null) {
        return new Response(Outcome.CLOSED, status, headers, new byte[0]);
      }
      return new Response(Outcome.ANSWERED, status, headers, body);
    } catch (SocketTimeoutException e) {
      return Response.of(Outcome.TIMEOUT);
    } catch (java.net.SocketException e) {
      return Response.of(Outcome.CLOSED);
    }
  }

  private static void checkDeadline(long deadline) throws SocketTimeoutException {
    if (System.nanoTime() > deadline) {
      throw new SocketTimeoutException("response not complete in time");
    }
  }

  private static String readHead(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      checkDeadline(deadline);
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > 64 * 1024) {
        throw new IOException("response head too large");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1).trim();
  }

  private static byte[] readExactly(InputStream in, int length, long deadline) throws IOException {
    byte[] body = new byte[length];
    int read = 0;
    while (read < length) {
      checkDeadline(deadline);
      int n = in.read(body, read, length - read);
      if (n < 0) {
        return null;
      }
      read += n;
    }
    return body;
  }

  private static byte[] readToEnd(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (true) {
      checkDeadline(deadline);
      n = in.read(buffer);
      if (n < 0) {
        return body.toByteArray();
      }
      body.write(buffer, 0, n);
    }
  }

  private static byte[] readChunked(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in, deadline);
      if (sizeLine == null) {
        return null;
      }
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (true) {
          String trailer = readLine(in, deadline);
          if (trailer == null || trailer.isEmpty()) {
            return body.toByteArray();
          }
        }
      }
      byte[] chunk = readExactly(in, size, deadline);
      if (chunk == null) {
        return null;
      }
      body.write(chunk);
      readLine(in, deadline);
    }
  }

  private static String readLine(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      checkDeadline(deadline);
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
  }

  /** Builds a request: request line, headers (in order, duplicates kept), then the body bytes. */
  public static byte[] request(String method, String target, List<String> headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
