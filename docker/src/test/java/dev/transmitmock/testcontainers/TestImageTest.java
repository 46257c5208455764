package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TestImage}'s tag follows what the image is built from, so builds never share one. */
class TestImageTest {
  @TempDir Path folder;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content);
  }

  @Test
  void the_same_jar_dockerfile_and_base_give_the_same_tag() throws IOException {
    Path jar = file("a.jar", "jar one");
    Path dockerfile = file("Dockerfile", "FROM x");

    assertThat(TestImage.contentTag(jar, dockerfile, "base:17"))
        .isEqualTo(TestImage.contentTag(jar, dockerfile, "base:17"))
        .matches("[0-9a-f]{16}");
  }

  @Test
  void another_builds_jar_gets_another_tag() throws IOException {
    Path dockerfile = file("Dockerfile", "FROM x");

    assertThat(TestImage.contentTag(file("a.jar", "jar one"), dockerfile, ""))
        .isNotEqualTo(TestImage.contentTag(file("b.jar", "jar two"), dockerfile, ""));
  }

  @Test
  void another_base_image_gets_another_tag() throws IOException {
    Path jar = file("a.jar", "jar one");
    Path dockerfile = file("Dockerfile", "FROM x");

    assertThat(TestImage.contentTag(jar, dockerfile, "base:17"))
        .isNotEqualTo(TestImage.contentTag(jar, dockerfile, "eclipse-temurin:17-jre"));
  }
}
