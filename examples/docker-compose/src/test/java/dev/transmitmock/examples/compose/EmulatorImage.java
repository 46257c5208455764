package dev.transmitmock.examples.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The emulator image compose.yaml names ({@code transmit-mock:local}), built the way {@code
 * docker/build-image.sh} builds it: from {@code docker/Dockerfile} and the server's runnable jar,
 * on the base image named by {@code -Dbase.image}. {@code -Dtransmit.mock.image=NAME} uses an
 * existing image instead (e.g. {@code transmit-mock:local} after {@code docker/build-image.sh}).
 */
final class EmulatorImage {

  private static final String IMAGE_PROPERTY = "transmit.mock.image";
  private static final String JAR_PROPERTY = "transmit.mock.jar";
  private static final String DOCKERFILE_PROPERTY = "transmit.mock.dockerfile";
  private static final String BASE_IMAGE_PROPERTY = "base.image";
  private static final String BUILT_IMAGE_NAME = "transmit-mock-compose-example";

  private EmulatorImage() {}

  /** An existing image's name, or a build of the Dockerfile (run once, when first used). */
  static Future<String> image() {
    String existing = System.getProperty(IMAGE_PROPERTY, "");
    if (!existing.isBlank()) {
      return java.util.concurrent.CompletableFuture.completedFuture(existing);
    }
    ImageFromDockerfile build =
        new ImageFromDockerfile(BUILT_IMAGE_NAME, true)
            .withFileFromPath(
                "Dockerfile", existingFile(DOCKERFILE_PROPERTY, "run the tests through Maven"))
            .withFileFromPath(
                "transmit-mock-server.jar",
                existingFile(JAR_PROPERTY, "run `mvn -pl server package` first"));
    String base = System.getProperty(BASE_IMAGE_PROPERTY, "");
    if (!base.isBlank()) {
      build.withBuildArg("BASE_IMAGE", base);
    }
    return build;
  }

  private static Path existingFile(String property, String hint) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: " + hint);
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " (" + property + ") does not exist: " + hint);
    }
    return path;
  }
}
