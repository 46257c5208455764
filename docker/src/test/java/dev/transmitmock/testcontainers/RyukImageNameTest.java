package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Ryuk image the check looks for is the one the Testcontainers on the classpath starts. */
class RyukImageNameTest {

  @Test
  void the_checked_ryuk_image_is_the_one_testcontainers_starts() throws Exception {
    String classFile;
    try (InputStream in =
        getClass().getResourceAsStream("/org/testcontainers/utility/RyukContainer.class")) {
      assertThat(in).as("Testcontainers' RyukContainer class").isNotNull();
      classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    assertThat(classFile).contains(RegistryCheck.RYUK_IMAGE);
  }
}
