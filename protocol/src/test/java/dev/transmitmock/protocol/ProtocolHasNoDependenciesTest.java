package dev.transmitmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The protocol module is used by the server, the Testcontainers module and the JUnit extension, so
 * it must pull nothing in: no dependency but test ones in its POM, no import outside the JDK's
 * {@code java.*} packages and its own, and no class file referring to another library.
 */
class ProtocolHasNoDependenciesTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void the_pom_declares_test_dependencies_only() throws IOException {
    String pom = Files.readString(MODULE.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(pom);
    List<String> nonTest = new ArrayList<>();
    int count = 0;
    while (dependency.find()) {
      count++;
      if (!dependency.group(1).contains("<scope>test</scope>")) {
        nonTest.add(dependency.group(1).trim());
      }
    }
    assertThat(count).as("the POM was read").isPositive();
    assertThat(nonTest).as("compile or runtime dependencies of transmit-mock-protocol").isEmpty();
  }

  @Test
  void the_sources_import_only_the_jdk_and_the_module_itself() throws IOException {
    Path sources = MODULE.resolve("src/main/java");
    Pattern importLine = Pattern.compile("(?m)^import (static )?([\\w.]+)");
    List<String> foreign = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(sources)) {
      for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
        files++;
        Matcher imports = importLine.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (imports.find()) {
          String name = imports.group(2);
          if (!name.startsWith("java.") && !name.startsWith("dev.transmitmock.protocol.")) {
            foreign.add(file.getFileName() + ": " + name);
          }
        }
      }
    }
    assertThat(files).as("source files found").isGreaterThan(5);
    assertThat(foreign).isEmpty();
  }

  @Test
  void the_class_files_refer_to_no_other_library() throws IOException {
    Path classes = MODULE.resolve("target/classes/dev/transmitmock/protocol");
    // Class names in the constant pool appear in internal form: "Lorg/foo/Bar;" or "org/foo/Bar".
    Pattern reference = Pattern.compile("L?([a-z][a-z0-9_]*(?:/[A-Za-z0-9_$]+)+)");
    List<String> foreign = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(classes)) {
      for (Path file : paths.filter(p -> p.toString().endsWith(".class")).toList()) {
        files++;
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Matcher matcher = reference.matcher(text);
        while (matcher.find()) {
          String name = matcher.group(1);
          if (name.startsWith("java/") || name.startsWith("dev/transmitmock/protocol/")) {
            continue;
          }
          if (name.matches("(com|org|io|net|jakarta|javax|sun|jdk)/.*")) {
            foreign.add(file.getFileName() + ": " + name);
          }
        }
      }
    }
    assertThat(files).as("class files found").isGreaterThan(5);
    assertThat(foreign).isEmpty();
  }
}
