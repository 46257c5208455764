package dev.transmitmock.server.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends measured figures to {@code target/hardening-figures.txt} (and prints them), so that a run
 * leaves the numbers {@code docs/RELIABILITY.md} quotes.
 */
final class Figures {
  private static final Path FILE = Path.of("target", "hardening-figures.txt");

  private Figures() {}

  static synchronized void record(String name, String line) {
    String text = Instant.now() + " " + name + ": " + line + System.lineSeparator();
    System.out.print(text);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("cannot write " + FILE + ": " + e.getMessage());
    }
  }
}
