package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The check that makes a start fail in seconds instead of minutes where no registry answers,
 * against the real engine. {@code registry.invalid} can never resolve (RFC 2606), so a pull from it
 * fails on every machine, registry or not.
 */
@ExtendWith(RequiresDocker.class)
class RegistryCheckIT {

  private static final String UNREACHABLE = "registry.invalid/transmit-mock/emulator:none";
  private static final Duration FAST = Duration.ofSeconds(15);

  @Test
  void an_image_the_engine_has_is_obtainable_without_a_pull() throws Exception {
    String built = TestImage.image().get();
    RegistryCheck check = RegistryCheck.onTestcontainersEngine().orElseThrow();

    ImageAvailability availability = check.availability(built, "image under test");

    assertThat(availability.obtainable()).isTrue();
    assertThat(availability.detail()).isEqualTo("present in the engine");
  }

  @Test
  void an_image_that_is_neither_present_nor_pullable_is_reported_within_seconds() {
    RegistryCheck check = RegistryCheck.onTestcontainersEngine().orElseThrow();

    ImageAvailability availability = check.availability(UNREACHABLE, "image under test");

    System.out.println("registry check of " + UNREACHABLE + ": " + availability);
    assertThat(availability.obtainable()).isFalse();
    assertThat(availability.detail()).startsWith("not in the engine, and pulling it failed: ");
    assertThat(availability.took()).isLessThan(FAST);
  }

  @Test
  void a_container_whose_image_cannot_be_obtained_fails_to_start_within_seconds() {
    long start = System.nanoTime();
    try (TransmitMockContainer<?> mock = new TransmitMockContainer<>(UNREACHABLE)) {
      assertThatThrownBy(mock::start)
          .isInstanceOf(ImagesUnavailableException.class)
          .hasMessageContaining(UNREACHABLE + " (this container's image)")
          .hasMessageContaining("put " + UNREACHABLE + " into the engine");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("start() of an unobtainable image failed after " + took.toMillis() + " ms");
    assertThat(took).isLessThan(FAST);
  }
}
