package dev.transmitmock.testcontainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientConfigUtils;

/**
 * What {@link TransmitMockContainer#start()} checks before Testcontainers starts anything: that the
 * engine has, or can pull, Testcontainers' Ryuk image (unless {@code TESTCONTAINERS_RYUK_DISABLED}
 * is true), the image Testcontainers would run to find the gateway (inside a container, without
 * {@code TESTCONTAINERS_HOST_OVERRIDE}, when the bridge network names none) and the container's own
 * image. Off with {@code -D}{@value #SWITCH}{@code =false}.
 */
final class StartPreflight {

  /** The system property that turns the check off. */
  static final String SWITCH = "transmit.mock.registry-check";

  static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";
  static final String HOST_OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";

  private static final String RYUK_ROLE =
      "Testcontainers' Ryuk container, which removes the test containers when the JVM ends";
  private static final String GATEWAY_ROLE =
      "the helper container Testcontainers runs to find the Docker gateway";
  private static final String OWN_ROLE = "this container's image";

  /** Images found present or pullable, per JVM; absent ones are asked again (they may appear). */
  private static final Set<String> OBTAINABLE = ConcurrentHashMap.newKeySet();

  private StartPreflight() {}

  /**
   * @param image the container's image name; empty for an image built on the fly
   * @throws ImagesUnavailableException naming what to set, when an image cannot be obtained
   */
  static void verify(Optional<String> image) {
    if ("false".equalsIgnoreCase(System.getProperty(SWITCH, "true").trim())) {
      return;
    }
    Optional<RegistryCheck> check = RegistryCheck.onTestcontainersEngine();
    if (check.isEmpty()) {
      return; // no engine: Testcontainers' own start reports that
    }
    Facts facts = Facts.of(System::getenv);
    List<ImageAvailability> missing = new ArrayList<>();
    if (facts.ryukEnabled()) {
      need(check.get(), RegistryCheck.substituted(RegistryCheck.RYUK_IMAGE), RYUK_ROLE, missing);
    }
    if (facts.inContainerWithoutOverride()
        && localSocket()
        && check.get().bridgeGateway().isEmpty()) {
      need(
          check.get(),
          RegistryCheck.substituted(RegistryCheck.GATEWAY_IMAGE),
          GATEWAY_ROLE,
          missing);
    }
    image.ifPresent(name -> need(check.get(), RegistryCheck.substituted(name), OWN_ROLE, missing));
    if (!missing.isEmpty()) {
      throw new ImagesUnavailableException(message(missing, facts));
    }
  }

  private static void need(
      RegistryCheck check, String image, String role, List<ImageAvailability> missing) {
    if (OBTAINABLE.contains(image)) {
      return;
    }
    ImageAvailability availability = check.availability(image, role);
    if (availability.obtainable()) {
      OBTAINABLE.add(image);
    } else {
      missing.add(availability);
    }
  }

  private static boolean localSocket() {
    try {
      String scheme =
          DockerClientFactory.instance().getTransportConfig().getDockerHost().getScheme();
      return "unix".equals(scheme) || "npipe".equals(scheme);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The failure message: each missing image, then what to do, only the hints that apply. */
  static String message(List<ImageAvailability> missing, Facts facts) {
    StringBuilder text =
        new StringBuilder(
            "the Docker engine cannot obtain what this container start needs (Testcontainers"
                + " would retry each pull for minutes):");
    for (ImageAvailability image : missing) {
      text.append("\n  - ")
          .append(image.image())
          .append(" (")
          .append(image.role())
          .append("): ")
          .append(image.detail())
          .append(" [")
          .append(image.took().toMillis())
          .append(" ms]");
    }
    text.append("\nWhere this engine reaches no registry:");
    for (ImageAvailability image : missing) {
      if (image.role().equals(RYUK_ROLE)) {
        text.append("\n  - set ")
            .append(RYUK_DISABLED)
            .append("=true in the environment of the test JVM (Maven: failsafe's or surefire's")
            .append(" <environmentVariables>; Gradle: test { environment(...) }); Testcontainers")
            .append(" then starts no Ryuk container, so stop your containers yourself, e.g. with")
            .append(" try-with-resources");
      } else if (image.role().equals(GATEWAY_ROLE)) {
        text.append("\n  - set ")
            .append(HOST_OVERRIDE)
            .append(" to the host that reaches the engine's mapped ports (localhost when the")
            .append(" engine runs on this machine); Testcontainers then needs no helper container");
      } else if (image.image().startsWith(TransmitMockContainer.IMAGE_REPOSITORY + ":")) {
        text.append("\n  - build ")
            .append(image.image())
            .append(" from a transmit-mock checkout without any registry:")
            .append(" docker/build-image.sh --offline --tag ")
            .append(image.image())
            .append(" (it builds on transmit-mock-base-jre:17, which docker/make-base-image.sh")
            .append(" makes from the local JDK)");
      } else {
        text.append("\n  - put ")
            .append(image.image())
            .append(" into the engine: docker load -i <file>, or build it locally");
      }
    }
    if (facts.inContainerWithoutOverride()
        && missing.stream().noneMatch(image -> image.role().equals(GATEWAY_ROLE))) {
      text.append("\n  - this JVM runs inside a container (/.dockerenv) and ")
          .append(HOST_OVERRIDE)
          .append(" is not set: Testcontainers reaches mapped ports through the Docker bridge")
          .append(" gateway; where the engine runs on this very machine, set ")
          .append(HOST_OVERRIDE)
          .append("=localhost");
    }
    text.append("\nOr make the images reachable: docker load them, or name a registry mirror")
        .append(" the engine reaches (hub.image.name.prefix in ~/.testcontainers.properties).")
        .append(" -D")
        .append(SWITCH)
        .append("=false turns this check off.");
    return text.toString();
  }

  /** What the environment says about Ryuk and the host, read once per check. */
  record Facts(boolean ryukEnabled, boolean inContainerWithoutOverride) {
    static Facts of(Function<String, String> environment) {
      String override = environment.apply(HOST_OVERRIDE);
      return new Facts(
          !Boolean.parseBoolean(environment.apply(RYUK_DISABLED)),
          DockerClientConfigUtils.IN_A_CONTAINER && (override == null || override.isBlank()));
    }
  }
}
