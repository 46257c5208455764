package dev.transmitmock.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * transmit-mock-bom lists every artifact the build publishes (every module of the root POM that
 * does not skip deployment, and no other), at the build's version: a new module cannot be
 * forgotten.
 */
class BomTest {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
  private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

  @Test
  void the_bom_manages_exactly_the_published_artifacts_at_the_builds_version() throws IOException {
    Path root = projectRoot();
    List<String> published = new ArrayList<>();
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    while (modules.find()) {
      String pom = Files.readString(root.resolve(modules.group(1)).resolve("pom.xml"));
      boolean notPublished =
          pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")
              || pom.contains("<artifactId>transmit-mock-bom</artifactId>");
      if (!notPublished) {
        published.add(ownArtifactId(pom));
      }
    }
    String bom = Files.readString(root.resolve("bom/pom.xml"));
    String managed =
        bom.substring(
            bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));

    List<String> listed = new ArrayList<>();
    Matcher artifacts = ARTIFACT_ID.matcher(managed);
    while (artifacts.find()) {
      listed.add(artifacts.group(1));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
    assertThat(managed)
        .doesNotContain("<version>0")
        .contains("<version>${project.version}</version>");
    assertThat(firstVersion(bom)).isEqualTo(firstVersion(rootVersionBlock(root)));
  }

  /** A module's own artifactId: the first one after its parent block. */
  private static String ownArtifactId(String pom) {
    String afterParent = pom.substring(pom.indexOf("</parent>"));
    Matcher matcher = ARTIFACT_ID.matcher(afterParent);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static String rootVersionBlock(Path root) throws IOException {
    String pom = Files.readString(root.resolve("pom.xml"));
    return pom.substring(pom.indexOf("<artifactId>transmit-mock-parent</artifactId>"));
  }

  private static String firstVersion(String pom) {
    Matcher matcher = VERSION.matcher(pom);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("bom/pom.xml"))) {
      dir = dir.getParent();
    }
    assertThat(dir)
        .as("the project root (holding bom/pom.xml) above the working directory")
        .isNotNull();
    return dir;
  }
}
