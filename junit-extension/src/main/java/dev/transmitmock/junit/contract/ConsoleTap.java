package dev.transmitmock.junit.contract;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies what the JVM writes to {@code System.out} and {@code System.err} into {@link Capture}s,
 * while passing it on unchanged. The streams are global, so one tap serves every capture (contracts
 * may run in parallel test classes): installed by the first capture, removed by the last, and only
 * if nobody replaced the streams in between.
 */
final class ConsoleTap {
  private static final Object LOCK = new Object();
  private static final List<Capture> CAPTURES = new ArrayList<>();
  private static PrintStream originalOut;
  private static PrintStream originalErr;
  private static PrintStream tappedOut;
  private static PrintStream tappedErr;

  private ConsoleTap() {}

  /** Starts capturing; {@link Capture#close()} stops. */
  static Capture capture() {
    synchronized (LOCK) {
      Capture capture = new Capture();
      if (CAPTURES.isEmpty()) {
        originalOut = System.out;
        originalErr = System.err;
        tappedOut = tap(originalOut, true);
        tappedErr = tap(originalErr, false);
        System.setOut(tappedOut);
        System.setErr(tappedErr);
      }
      CAPTURES.add(capture);
      return capture;
    }
  }

  private static PrintStream tap(PrintStream original, boolean out) {
    Charset charset = Charset.defaultCharset();
    OutputStream copy =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            synchronized (LOCK) {
              for (Capture capture : CAPTURES) {
                (out ? capture.out : capture.err).write(bytes, offset, length);
              }
            }
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    return new PrintStream(copy, true, charset);
  }

  private static void release(Capture capture) {
    synchronized (LOCK) {
      if (!CAPTURES.remove(capture) || !CAPTURES.isEmpty()) {
        return;
      }
      if (System.out == tappedOut) {
        System.setOut(originalOut);
      }
      if (System.err == tappedErr) {
        System.setErr(originalErr);
      }
    }
  }

  /** What was written to the console while it was open. */
  static final class Capture implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Everything written to {@code System.out} so far. */
    String out() {
      synchronized (LOCK) {
        return out.toString(Charset.defaultCharset());
      }
    }

    /** Everything written to {@code System.err} so far. */
    String err() {
      synchronized (LOCK) {
        return err.toString(Charset.defaultCharset());
      }
    }

    @Override
    public void close() {
      release(this);
    }
  }
}
