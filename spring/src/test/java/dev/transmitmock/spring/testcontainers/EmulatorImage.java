package dev.transmitmock.spring.testcontainers;

import dev.transmitmock.testcontainers.TransmitMockContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The emulator image: built once per test run from {@code docker/Dockerfile} and the server's
 * runnable jar (paths passed by failsafe) on the base image of {@code -Dbase.image}, or an existing
 * image named by {@code -Dtransmit.mock.image}.
 */
final class EmulatorImage {

  private static final String IMAGE_PROPERTY = "transmit.mock.image";
  private static final String JAR_PROPERTY = "transmit.mock.jar";
  private static final String DOCKERFILE_PROPERTY = "transmit.mock.dockerfile";
  private static final String BASE_IMAGE_PROPERTY = "base.image";
  private static final String BUILT_IMAGE_NAME = "transmit-mock-spring-it";

  private static Future<String> image;

  private EmulatorImage() {}

  /** A new, not yet started container of the image. */
  static TransmitMockContainer<?> container() {
    String existing = System.getProperty(IMAGE_PROPERTY, "");
    if (!existing.isBlank()) {
      return new TransmitMockContainer<>(existing);
    }
    return new TransmitMockContainer<>(builtImage());
  }

  private static synchronized Future<String> builtImage() {
    if (image == null) {
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
      image = build;
    }
    return image;
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
