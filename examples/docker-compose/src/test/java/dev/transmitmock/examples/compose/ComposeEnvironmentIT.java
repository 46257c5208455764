package dev.transmitmock.examples.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.testcontainers.RequiresDocker;
import dev.transmitmock.testcontainers.TestImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * Runs compose.yaml's two services the way {@code docker compose up} would, with Testcontainers:
 * one network, the emulator reachable as {@code transmit-mock}, its config file mounted, the
 * consumer started once the emulator is healthy. (Testcontainers' {@code ComposeContainer} needs
 * the {@code docker compose} v2 plugin, which Debian's docker.io 20.10 does not ship.) The image
 * and the condition come from the docker module's tests: {@link TestImage} builds {@code
 * docker/Dockerfile} on the base the build's probe picked, {@link RequiresDocker} skips (or, with
 * {@code -Ddocker.required=true}, fails) with the reason where that cannot be done.
 */
@ExtendWith(RequiresDocker.class)
class ComposeEnvironmentIT {

  private static final int EMULATOR_PORT = 8080;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

  private static ComposeFile compose;
  private static Future<String> image;

  @BeforeAll
  static void read_the_compose_file() throws Exception {
    compose = ComposeFile.read(Path.of(System.getProperty("compose.file", "compose.yaml")));
    image = TestImage.image();
  }

  @Test
  void the_consumer_gets_tokens_and_keys_from_the_emulator_over_the_compose_network()
      throws Exception {
    try (Network network = Network.newNetwork();
        GenericContainer<?> emulator = emulator(network);
        GenericContainer<?> consumer = consumer(network)) {
      emulator.start(); // returns once /_mock/health answers: compose's service_healthy

      consumer.start(); // returns once the consumer has exited with status 0

      String log = consumer.getLogs();
      assertThat(log)
          .contains("consumer: token endpoint answered: {\"access_token\":\"<redacted>\"")
          .contains("\"expires_in\":300")
          .contains("consumer: admin token issued")
          .contains("consumer: JWKS reachable; done")
          .doesNotContain("eyJ"); // the consumer never prints a token

      // The emulator's journal (its control API) confirms what the consumer asked for.
      HttpResponse<String> journal =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://"
                                  + emulator.getHost()
                                  + ":"
                                  + emulator.getMappedPort(EMULATOR_PORT)
                                  + "/_mock/journal?outcome=issued"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(journal.body())
          .contains("\"clientId\":\"orders-svc\"")
          .contains("\"resource\":\"https://api.orders.example\"")
          .contains("\"clientId\":\"ops-admin\"");
    }
  }

  private static GenericContainer<?> emulator(Network network) {
    GenericContainer<?> emulator =
        new GenericContainer<>(image)
            .withNetwork(network)
            .withNetworkAliases(compose.emulatorService())
            .withEnv(compose.emulatorEnvironment())
            .withCopyFileToContainer(
                MountableFile.forHostPath(compose.configSource(), 0644), compose.configTarget())
            .withExposedPorts(EMULATOR_PORT)
            .waitingFor(
                Wait.forHttp("/_mock/health")
                    .forStatusCode(200)
                    .withStartupTimeout(STARTUP_TIMEOUT));
    return emulator;
  }

  private static GenericContainer<?> consumer(Network network) {
    return new GenericContainer<>(image)
        .withNetwork(network)
        // entrypoint ["/bin/sh", "-c"] and the script as ONE argument, as compose passes them
        .withCreateContainerCmdModifier(
            cmd ->
                cmd.withEntrypoint(compose.consumerEntrypoint().toArray(String[]::new))
                    .withCmd(compose.consumerScript()))
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(STARTUP_TIMEOUT));
  }
}
