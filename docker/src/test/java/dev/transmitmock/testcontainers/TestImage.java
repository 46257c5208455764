package dev.transmitmock.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image under test: built once per test JVM from {@code docker/Dockerfile} and the server's
 * runnable jar (paths passed by failsafe), tagged with a hash of both ({@code
 * transmit-mock-it:<hash>}), on the base image named by {@code -Dbase.image} (the build's {@link
 * TestcontainersEnvironmentProbe} picks one the engine has or can pull, or makes the offline one);
 * or an existing image named by {@code -Dtransmit.mock.image}. Public: {@code
 * examples/docker-compose} runs the same image from the test jar.
 */
public final class TestImage {

  private static final String IMAGE_PROPERTY = "transmit.mock.image";
  private static final String JAR_PROPERTY = "transmit.mock.jar";
  private static final String DOCKERFILE_PROPERTY = "transmit.mock.dockerfile";
  private static final String BASE_IMAGE_PROPERTY = "base.image";
  private static final String BUILT_IMAGE_NAME = "transmit-mock-it";

  private static Future<String> image;

  private TestImage() {}

  /** A new container of the image under test. */
  public static TransmitMockContainer<?> container() {
    String existing = System.getProperty(IMAGE_PROPERTY, "");
    if (!existing.isBlank()) {
      return new TransmitMockContainer<>(existing);
    }
    return new TransmitMockContainer<>(image());
  }

  /** The image under test: an existing image's name, or the build (run once, when first used). */
  public static synchronized Future<String> image() {
    String existing = System.getProperty(IMAGE_PROPERTY, "");
    if (!existing.isBlank()) {
      return CompletableFuture.completedFuture(existing);
    }
    if (image == null) {
      Path jar = existingFile(JAR_PROPERTY, "run `mvn -pl server package` first");
      Path dockerfile = existingFile(DOCKERFILE_PROPERTY, "run the tests through Maven");
      String base = System.getProperty(BASE_IMAGE_PROPERTY, "");
      ImageFromDockerfile build =
          new ImageFromDockerfile(BUILT_IMAGE_NAME + ":" + contentTag(jar, dockerfile, base), true)
              .withFileFromPath("Dockerfile", dockerfile)
              .withFileFromPath("transmit-mock-server.jar", jar);
      if (!base.isBlank()) {
        build.withBuildArg("BASE_IMAGE", base);
      }
      image = build;
    }
    return image;
  }

  /**
   * The tag of the image built from these inputs: a hash of the jar, the Dockerfile and the base.
   * Test JVMs of other builds on the same engine (other modules, other checkouts, parallel CI jobs)
   * build their own jar; under one shared tag, a container could start from another build's image,
   * or lose its image when that JVM removes it at exit. Equal tags mean equal contents.
   */
  static String contentTag(Path jar, Path dockerfile, String base) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(Files.readAllBytes(dockerfile));
      sha256.update((byte) 0);
      sha256.update(base.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      try (InputStream in = Files.newInputStream(jar)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = in.read(buffer)) > 0; ) {
          sha256.update(buffer, 0, read);
        }
      }
      return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar + " or " + dockerfile, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
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
