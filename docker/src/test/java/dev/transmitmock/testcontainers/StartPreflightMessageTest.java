package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the fail-fast message says for each image the engine could not obtain. */
class StartPreflightMessageTest {

  private static final String NO_HOST =
      "not in the engine, and pulling it failed: Get \"https://registry-1.docker.io/v2/\": dial"
          + " tcp: lookup registry-1.docker.io: no such host";

  private static ImageAvailability missing(String image, String role) {
    return new ImageAvailability(image, role, false, NO_HOST, Duration.ofMillis(312));
  }

  private static ImageAvailability ryuk() {
    return missing(
        RegistryCheck.RYUK_IMAGE,
        "Testcontainers' Ryuk container, which removes the test containers when the JVM ends");
  }

  @Test
  void names_each_missing_image_with_the_engines_answer_and_how_long_it_took() {
    String message = StartPreflight.message(List.of(ryuk()), new StartPreflight.Facts(true, false));

    assertThat(message)
        .contains("testcontainers/ryuk:0.14.0 (Testcontainers' Ryuk container")
        .contains("lookup registry-1.docker.io: no such host")
        .contains("[312 ms]");
  }

  @Test
  void says_to_disable_ryuk_when_its_image_is_missing() {
    String message = StartPreflight.message(List.of(ryuk()), new StartPreflight.Facts(true, false));

    assertThat(message)
        .contains("set TESTCONTAINERS_RYUK_DISABLED=true in the environment of the test JVM")
        .contains("stop your containers yourself");
  }

  @Test
  void says_how_to_build_the_emulator_image_without_a_registry() {
    String message =
        StartPreflight.message(
            List.of(missing("transmit-mock:local", "this container's image")),
            new StartPreflight.Facts(false, false));

    assertThat(message)
        .contains("docker/build-image.sh --offline --tag transmit-mock:local")
        .contains("docker/make-base-image.sh")
        .doesNotContain("TESTCONTAINERS_RYUK_DISABLED");
  }

  @Test
  void suggests_a_host_override_inside_a_container_without_one() {
    String message = StartPreflight.message(List.of(ryuk()), new StartPreflight.Facts(true, true));

    assertThat(message)
        .contains("this JVM runs inside a container (/.dockerenv)")
        .contains("set TESTCONTAINERS_HOST_OVERRIDE=localhost");
  }

  @Test
  void says_nothing_about_the_host_outside_a_container() {
    String message = StartPreflight.message(List.of(ryuk()), new StartPreflight.Facts(true, false));

    assertThat(message).doesNotContain("TESTCONTAINERS_HOST_OVERRIDE");
  }

  @Test
  void tells_how_to_turn_the_check_off() {
    String message =
        StartPreflight.message(
            List.of(missing("registry.example/other:1", "this container's image")),
            new StartPreflight.Facts(false, false));

    assertThat(message)
        .contains("put registry.example/other:1 into the engine: docker load")
        .contains("-Dtransmit.mock.registry-check=false");
  }
}
