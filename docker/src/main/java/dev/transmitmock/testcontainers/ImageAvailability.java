package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Whether the Docker engine has an image or could pull it, as {@link RegistryCheck} found out.
 *
 * @param image the image name, e.g. {@code testcontainers/ryuk:0.14.0}
 * @param role what the image is for, e.g. "Testcontainers' Ryuk container"
 * @param obtainable true when the engine has it or a pull started delivering it
 * @param detail how that was decided: "present in the engine", or the engine's pull error
 * @param took how long finding out took
 */
record ImageAvailability(
    String image, String role, boolean obtainable, String detail, Duration took) {

  ImageAvailability {
    requireNonNull(image, "image must not be null");
    requireNonNull(role, "role must not be null");
    requireNonNull(detail, "detail must not be null");
    requireNonNull(took, "took must not be null");
  }

  static ImageAvailability present(String image, String role, Duration took) {
    return new ImageAvailability(image, role, true, "present in the engine", took);
  }
}
