package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.transmitmock.client.AccessToken;
import dev.transmitmock.client.TransmitTokenClient;
import dev.transmitmock.junit.contract.ClientCase;
import dev.transmitmock.junit.contract.ClientContract;
import dev.transmitmock.junit.contract.ClientContractViolation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client contract kit against the emulator in a container, through {@link
 * ContainerContractEmulator} and the {@code /_mock} HTTP control API.
 */
@ExtendWith(RequiresDocker.class)
class ClientContractContainerIT {

  private static final String ORDERS = "https://api.orders.example";
  private static final String CLIENT = "orders-svc";
  private static final String SECRET = "orders-secret-in-a-container";
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private static TransmitMockContainer<?> mock;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startContainer() {
    mock = TestImage.container().withClient(CLIENT, SECRET, ORDERS);
    mock.start();
  }

  @AfterAll
  static void stopContainer() {
    if (mock != null) {
      mock.stop();
    }
  }

  @BeforeEach
  void resetEmulator() {
    mock.control().reset();
  }

  @TestFactory
  Stream<DynamicTest> transmit_token_client_keeps_the_contract_against_a_container() {
    ContainerContractEmulator emulator = new ContainerContractEmulator(mock);
    TransmitTokenClient tokens =
        TransmitTokenClient.builder()
            .tokenEndpoint(URI.create(mock.getTokenEndpoint()))
            .clientId(CLIENT)
            .clientSecret(SECRET)
            .clock(emulator.clock())
            .build();
    return ClientContract.builder(emulator)
        .client(CLIENT)
        .resource(ORDERS)
        .caller(
            downstream -> {
              AccessToken token = tokens.accessToken(ORDERS);
              int status = get(downstream, token.authorizationHeader());
              if (status == 401) {
                tokens.invalidate(ORDERS);
              }
              if (status != 200) {
                throw new IllegalStateException("the downstream API answered " + status);
              }
            })
        .build()
        .dynamicTests();
  }

  @Test
  void a_client_that_never_caches_is_shown_its_token_requests_from_the_containers_journal() {
    ClientContract contract =
        ClientContract.builder(new ContainerContractEmulator(mock))
            .client(CLIENT)
            .resource(ORDERS)
            .caller(downstream -> get(downstream, "Bearer " + freshToken()))
            .build();

    try (contract) {
      ClientCase caches = contract.cases().get(1);
      assertThatThrownBy(() -> contract.verify(caches))
          .isInstanceOf(ClientContractViolation.class)
          .hasMessageContaining("[caches] 10 calls in a row send one token request: 10 calls sent")
          .hasMessageMatching(
              "(?s).*token requests of orders-svc \\(emulator journal\\):\\n"
                  + "\\s+#\\d+ \\+0 ms 200 issued jti=\\S+\\n\\s+#\\d+ \\+\\d+ ms 200 issued.*")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void knows_every_client_but_only_the_secrets_of_declared_ones() {
    mock.control()
        .clients()
        .putClient(ClientDefinition.app("runtime-svc", "runtime-secret").build());
    ContainerContractEmulator emulator = new ContainerContractEmulator(mock);

    assertThat(emulator.clientIds()).containsExactlyInAnyOrder(CLIENT, "runtime-svc");
    assertThat(emulator.clientSecret(CLIENT)).hasValue(SECRET);
    assertThat(emulator.clientSecret("runtime-svc")).isEmpty();
  }

  @Test
  void its_clock_follows_the_containers_clock_when_the_contract_moves_it() {
    ContainerContractEmulator emulator = new ContainerContractEmulator(mock);

    emulator.advanceClock(Duration.ofHours(3));

    assertThat(emulator.clock().instant())
        .isCloseTo(mock.control().clock().now(), within(2, ChronoUnit.SECONDS));
    assertThat(emulator.clockFrozen()).isFalse();
  }

  private int get(URI downstream, String authorization) throws Exception {
    return http.send(
            HttpRequest.newBuilder(downstream.resolve("/orders"))
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A token straight from the token endpoint, every time: no cache. */
  private String freshToken() throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + CLIENT
            + "&client_secret="
            + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
            + "&resource="
            + URLEncoder.encode(ORDERS, StandardCharsets.UTF_8);
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(mock.getTokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher token = ACCESS_TOKEN.matcher(body);
    if (!token.find()) {
      throw new IllegalStateException("no access_token in the token response");
    }
    return token.group(1);
  }
}
