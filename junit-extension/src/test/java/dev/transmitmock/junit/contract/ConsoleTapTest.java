package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The console capture behind no-secret-in-logs; isolated, as it swaps the JVM's System.out. */
@Isolated
class ConsoleTapTest {
  private PrintStream savedOut;
  private PrintStream savedErr;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void put_a_known_stream_in_place() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(console, true, Charset.defaultCharset()));
  }

  @AfterEach
  void restore_the_console() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void copies_what_is_printed_and_still_passes_it_on() {
    PrintStream before = System.out;
    try (ConsoleTap.Capture capture = ConsoleTap.capture()) {
      System.out.println("hello");
      System.err.println("oops");

      assertThat(capture.out()).isEqualTo("hello" + System.lineSeparator());
      assertThat(capture.err()).isEqualTo("oops" + System.lineSeparator());
    }

    assertThat(console.toString(Charset.defaultCharset()))
        .isEqualTo("hello" + System.lineSeparator());
    assertThat(System.out).isSameAs(before);
  }

  @Test
  void overlapping_captures_each_see_their_time_and_the_last_one_restores_the_console() {
    PrintStream before = System.out;
    ConsoleTap.Capture first = ConsoleTap.capture();
    System.out.print("a");
    ConsoleTap.Capture second = ConsoleTap.capture();
    System.out.print("b");
    first.close();
    System.out.print("c");

    assertThat(System.out).isNotSameAs(before);
    second.close();

    assertThat(first.out()).isEqualTo("ab");
    assertThat(second.out()).isEqualTo("bc");
    assertThat(System.out).isSameAs(before);
    assertThat(console.toString(Charset.defaultCharset())).isEqualTo("abc");
  }

  @Test
  void leaves_a_stream_someone_else_put_in_place_meanwhile() {
    PrintStream theirs =
        new PrintStream(new ByteArrayOutputStream(), true, Charset.defaultCharset());
    ConsoleTap.Capture capture = ConsoleTap.capture();
    System.setOut(theirs);

    capture.close();

    assertThat(System.out).isSameAs(theirs);
  }
}
