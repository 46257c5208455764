package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-config corpus ({@code src/test/resources/hardening/bad-configs/}) through the real
 * command line: every file makes it exit 2 with the file and the offending path in the message, no
 * stack trace, and no secret (passphrase, PEM body) echoed. Each YAML file names its expected path
 * in a first-line comment {@code # path: clients[1].clientId}.
 */
class BadConfigCorpusTest {
  private static final String CORPUS = "/hardening/bad-configs";

  static Stream<Path> corpus() throws IOException, URISyntaxException {
    Path folder = Path.of(BadConfigCorpusTest.class.getResource(CORPUS).toURI());
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(25);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void every_malformed_config_exits_2_naming_the_file_and_the_path(Path file) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    TransmitMockCli cli =
        new TransmitMockCli(
            new HashMap<>(), new PrintWriter(out, true), new PrintWriter(err, true));
    int exit;
    try {
      exit = cli.execute("--port", "0", "--config", file.toString());
    } finally {
      if (cli.server() != null) {
        cli.server().stop();
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String message = err.toString();

    assertThat(exit).as(message).isEqualTo(2);
    assertThat(message).contains(file + ": ");
    expectedPath(text).ifPresent(path -> assertThat(message).contains(file + ": " + path));
    assertThat(message)
        .doesNotContain("\tat ")
        .doesNotContain("Exception:")
        .doesNotContain("Caused by")
        .doesNotContain("not-the-passphrase-4711")
        .doesNotContain("MII");
    assertThat(out.toString()).doesNotContain("token endpoint");
  }

  private static java.util.Optional<String> expectedPath(String text) {
    String first = text.lines().findFirst().orElse("");
    String marker = "# path: ";
    return first.startsWith(marker)
        ? java.util.Optional.of(first.substring(marker.length()).trim())
        : java.util.Optional.empty();
  }
}
