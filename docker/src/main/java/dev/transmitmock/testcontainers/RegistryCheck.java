package dev.transmitmock.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds out within seconds whether the Docker engine has an image or can pull it. Testcontainers
 * pulls through a loop that retries for up to two minutes per image (its {@code pull.timeout}), so
 * on a machine whose engine reaches no registry a first container start hangs for minutes on
 * Testcontainers' own images before failing; asking the engine directly answers at once: a missing
 * registry fails the pull immediately (DNS, refused connection), and a pull with no answer at all
 * is given {@link #FIRST_ANSWER_TIMEOUT}.
 *
 * <p>It talks to the engine through a client of its own, made from Testcontainers' transport
 * settings (the same engine Testcontainers found), because Testcontainers' shared client starts
 * Ryuk, and so pulls its image, the first time it is used.
 */
final class RegistryCheck {

  /** The Ryuk image Testcontainers 2.0.5 starts ({@code RyukContainer}), before substitution. */
  static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

  /**
   * The image Testcontainers runs, inside a container whose engine's bridge network names no
   * gateway, to read the default route ({@code DockerClientFactory.TINY_IMAGE}).
   */
  static final String GATEWAY_IMAGE = "alpine:3.17";

  /** How long a pull may stay silent before the registry counts as unreachable. */
  static final Duration FIRST_ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final DockerClient client;
  private final Duration firstAnswerTimeout;

  RegistryCheck(DockerClient client, Duration firstAnswerTimeout) {
    this.client = Objects.requireNonNull(client, "client must not be null");
    this.firstAnswerTimeout = firstAnswerTimeout;
  }

  /**
   * A check on the engine Testcontainers uses, or empty when Testcontainers finds no engine (its
   * own start then says so).
   */
  static Optional<RegistryCheck> onTestcontainersEngine() {
    try {
      return Optional.of(
          new RegistryCheck(
              DockerClientProviderStrategy.getClientForConfig(
                  DockerClientFactory.instance().getTransportConfig()),
              FIRST_ANSWER_TIMEOUT));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The image Testcontainers would really pull for {@code image}, after its name substitution. */
  static String substituted(String image) {
    return org.testcontainers.utility.ImageNameSubstitutor.instance()
        .apply(DockerImageName.parse(image))
        .asCanonicalNameString();
  }

  /** Whether the engine has {@code image}, or else whether a pull of it gets going. */
  ImageAvailability availability(String image, String role) {
    long start = System.nanoTime();
    try {
      client.inspectImageCmd(image).exec();
      return ImageAvailability.present(image, role, since(start));
    } catch (NotFoundException absent) {
      Optional<String> failure = pullFailure(image);
      return new ImageAvailability(
          image,
          role,
          failure.isEmpty(),
          failure
              .map(reason -> "not in the engine, and pulling it failed: " + reason)
              .orElse("not in the engine; the registry answers, so the pull goes ahead"),
          since(start));
    }
  }

  /**
   * Starts pulling {@code image} and waits for the engine's first answer: a progress message means
   * the registry answers (the pull is left running; Testcontainers' own pull joins it), an error or
   * silence means it cannot be pulled.
   */
  private Optional<String> pullFailure(String image) {
    DockerImageName name = DockerImageName.parse(image);
    FirstAnswer answer = new FirstAnswer();
    try {
      client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec(answer);
    } catch (RuntimeException e) {
      return Optional.of(oneLine(e));
    }
    try {
      return answer.first.get(firstAnswerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.closeQuietly();
      return Optional.of(
          "the engine's pull got no answer from the registry within "
              + firstAnswerTimeout.toSeconds()
              + " s");
    } catch (ExecutionException e) {
      return Optional.of(oneLine(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.closeQuietly();
      return Optional.of("interrupted while waiting for the pull");
    }
  }

  /**
   * The gateway of the engine's {@code bridge} network, which Testcontainers uses as the host of
   * mapped ports when the JVM runs inside a container; empty when the network names none.
   */
  Optional<String> bridgeGateway() {
    try {
      Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
      if (bridge.getIpam() == null || bridge.getIpam().getConfig() == null) {
        return Optional.empty();
      }
      return bridge.getIpam().getConfig().stream()
          .map(Network.Ipam.Config::getGateway)
          .filter(Objects::nonNull)
          .findFirst();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * True when the engine's {@code bridge} network is attached to this machine: its gateway is an
   * address of a local interface, or a local interface has an address in its subnet (Docker 20.10
   * often lists the subnet only). The engine then runs in this network namespace and publishes
   * mapped ports here, on loopback too. Looks at the interfaces only; sends nothing.
   */
  boolean bridgeIsLocal() {
    try {
      Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
      if (bridge.getIpam() == null || bridge.getIpam().getConfig() == null) {
        return false;
      }
      List<InetAddress> local = localAddresses();
      for (Network.Ipam.Config config : bridge.getIpam().getConfig()) {
        if (config.getGateway() != null && local.contains(address(config.getGateway()))) {
          return true;
        }
        if (config.getSubnet() != null
            && local.stream().anyMatch(address -> inSubnet(address, config.getSubnet()))) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException | UnknownHostException | SocketException e) {
      return false;
    }
  }

  private static List<InetAddress> localAddresses() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .collect(Collectors.toList());
  }

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  /** Whether {@code address} lies in {@code cidr} ({@code 172.17.0.0/16}). */
  static boolean inSubnet(InetAddress address, String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    try {
      byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      byte[] candidate = address.getAddress();
      int prefix = Integer.parseInt(cidr.substring(slash + 1));
      if (network.length != candidate.length || prefix < 0 || prefix > network.length * 8) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((network[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }

  /** Completes with the first thing the engine says about a pull: empty for progress. */
  private static final class FirstAnswer extends ResultCallback.Adapter<PullResponseItem> {
    final CompletableFuture<Optional<String>> first = new CompletableFuture<>();

    @Override
    public void onNext(PullResponseItem item) {
      if (item.isErrorIndicated()) {
        String error =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : String.valueOf(item.getError());
        first.complete(Optional.of(error.replaceAll("\\s+", " ").trim()));
      } else {
        first.complete(Optional.empty());
      }
    }

    @Override
    public void onError(Throwable throwable) {
      first.complete(Optional.of(oneLine(throwable)));
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      first.complete(Optional.empty());
      super.onComplete();
    }

    void closeQuietly() {
      try {
        close();
      } catch (IOException e) {
        // the pull is abandoned either way
      }
    }
  }
}
