package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.APP_SECRET;
import static dev.transmitmock.client.OrdersConfig.ODD_CLIENT;
import static dev.transmitmock.client.OrdersConfig.ODD_SECRET;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.JournalEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token client against the real emulator's token endpoint. */
class TransmitTokenClientEmulatorTest {

  private static final int THREADS = 32;
  private static final int CALLS = 100;

  private static TransmitMockServer server;

  @BeforeAll
  static void startEmulator() {
    server = OrdersConfig.start();
  }

  @AfterAll
  static void stopEmulator() {
    server.close();
  }

  @BeforeEach
  void resetEmulator() {
    server.reset();
  }

  private static TransmitTokenClient.Builder clientFor(String clientId, String secret) {
    return TransmitTokenClient.builder()
        .tokenEndpoint(server.tokenEndpoint())
        .clientId(clientId)
        .clientSecret(secret)
        .clock(server.clock());
  }

  private static List<AccessToken> callConcurrently(TransmitTokenClient client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AccessToken>> futures = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.accessToken(ORDERS);
                }));
      }
      start.countDown();
      List<AccessToken> tokens = new ArrayList<>();
      for (Future<AccessToken> future : futures) {
        tokens.add(future.get());
      }
      return tokens;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort(); // closed again: connections to it are refused
    }
  }

  @Test
  void obtains_a_token_the_verifier_accepts() throws Exception {
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .issuer(server.issuer())
            .jwksUri(server.jwksUri())
            .audience(ORDERS)
            .clock(server.clock())
            .build();

    AccessToken token = client.accessToken(ORDERS);
    TransmitToken verified = verifier.verify(token.value());

    assertThat(verified.clientId()).isEqualTo(APP_CLIENT);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    // Counted from before the request, in whole seconds: never later than the token's exp.
    assertThat(token.expiresAt())
        .isBeforeOrEqualTo(verified.expiresAt())
        .isAfterOrEqualTo(verified.expiresAt().minusSeconds(1));
    assertThat(token.authorizationHeader()).isEqualTo("Bearer " + token.value());
    assertThat(token.toString()).doesNotContain(token.value());
    assertThat(client.toString()).doesNotContain(APP_SECRET);
  }

  @Test
  void one_hundred_calls_from_32_threads_send_one_token_request() throws Exception {
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();

    List<AccessToken> tokens = callConcurrently(client);

    assertThat(tokens).hasSize(CALLS);
    assertThat(new HashSet<>(tokens)).hasSize(1);
    assertThat(OrdersConfig.tokenRequests(server))
        .as(OrdersConfig.describeJournal(server))
        .isEqualTo(1);
  }

  @Test
  void advancing_the_clock_past_the_refresh_margin_sends_exactly_one_more_request()
      throws Exception {
    server.clock().freeze();
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();
    AccessToken first = client.accessToken(ORDERS);
    Duration untilExpiry = Duration.between(server.clock().instant(), first.expiresAt());

    // Just before the margin: still served from the cache.
    server
        .clock()
        .advance(untilExpiry.minus(TransmitTokenClient.DEFAULT_REFRESH_MARGIN).minusSeconds(1));
    assertThat(new HashSet<>(callConcurrently(client))).containsExactly(first);
    assertThat(OrdersConfig.tokenRequests(server)).isEqualTo(1);

    // Inside the margin: one refresh, whatever the number of callers.
    server.clock().advance(Duration.ofSeconds(2));
    Set<AccessToken> seen = new HashSet<>(callConcurrently(client));
    AccessToken refreshed = client.accessToken(ORDERS);

    assertThat(OrdersConfig.tokenRequests(server))
        .as(OrdersConfig.describeJournal(server))
        .isEqualTo(2);
    assertThat(refreshed).isNotEqualTo(first);
    assertThat(refreshed.expiresAt()).isAfter(first.expiresAt());
    assertThat(seen).contains(refreshed).isSubsetOf(first, refreshed);
  }

  @Test
  void a_failed_refresh_keeps_serving_the_still_valid_token_and_an_expired_one_fails() {
    server.clock().freeze();
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();
    AccessToken first = client.accessToken(ORDERS);
    server.clients().removeClient(APP_CLIENT); // from now on the endpoint says invalid_client

    server.clock().set(first.expiresAt().minusSeconds(10)); // inside the refresh margin
    assertThat(client.accessToken(ORDERS)).isEqualTo(first);

    server.clock().set(first.expiresAt());
    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> client.accessToken(ORDERS));
    assertThat(e.error()).contains("invalid_client");
    assertThat(OrdersConfig.tokenRequests(server)).isEqualTo(3);
  }

  @Test
  void tokens_are_cached_per_resource() {
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();

    AccessToken forOrders = client.accessToken(ORDERS);
    AccessToken forTransmit = client.accessToken();
    client.accessToken(ORDERS);
    client.accessToken();

    assertThat(forOrders).isNotEqualTo(forTransmit);
    assertThat(OrdersConfig.tokenRequests(server)).isEqualTo(2);
  }

  @Test
  void invalidate_forces_a_new_request() {
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();
    AccessToken first = client.accessToken(ORDERS);

    client.invalidate(ORDERS);

    assertThat(client.accessToken(ORDERS)).isNotEqualTo(first);
    assertThat(OrdersConfig.tokenRequests(server)).isEqualTo(2);
  }

  @Test
  void a_bad_secret_surfaces_invalid_client_at_once_without_retries() {
    String wrongSecret = "wrong-secret-must-not-leak";
    TransmitTokenClient client = clientFor(APP_CLIENT, wrongSecret).build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> client.accessToken(ORDERS));

    assertThat(e.error()).contains("invalid_client");
    assertThat(e.errorDescription()).isPresent();
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("invalid_client").doesNotContain(wrongSecret);
    assertThat(OrdersConfig.tokenRequests(server)).isEqualTo(1);
  }

  @Test
  void an_unassigned_resource_surfaces_invalid_target_without_retries() {
    TransmitTokenClient client = clientFor(APP_CLIENT, APP_SECRET).build();

    TokenRequestException e =
        catchThrowableOfType(
            TokenRequestException.class, () -> client.accessToken("https://not-assigned.example"));

    assertThat(e.error()).contains("invalid_target");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void basic_authentication_form_encodes_id_and_secret() {
    TransmitTokenClient client =
        clientFor(ODD_CLIENT, ODD_SECRET)
            .authentication(ClientAuthentication.CLIENT_SECRET_BASIC)
            .build();

    client.accessToken(ORDERS);

    List<JournalEntry> entries = server.journal().entries(e -> e.endpoint() == Endpoint.TOKEN);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_BASIC);
    assertThat(entries.get(0).clientId()).contains(ODD_CLIENT);
    assertThat(entries.get(0).succeeded()).as(entries.get(0).describe()).isTrue();
  }

  @Test
  void post_authentication_sends_the_credentials_in_the_form() {
    clientFor(ODD_CLIENT, ODD_SECRET).build().accessToken(ORDERS);

    JournalEntry entry = server.journal().entries().get(0);
    assertThat(entry.authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_POST);
    assertThat(entry.succeeded()).as(entry.describe()).isTrue();
  }

  @Test
  void connection_failures_are_retried_then_reported_without_a_status() throws IOException {
    URI endpoint = URI.create("http://127.0.0.1:" + unusedPort() + "/oidc/token");
    TransmitTokenClient client =
        TransmitTokenClient.builder()
            .tokenEndpoint(endpoint)
            .clientId(APP_CLIENT)
            .clientSecret(APP_SECRET)
            .retryPolicy(
                new RetryPolicy(
                    2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)))
            .build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> client.accessToken(ORDERS));

    assertThat(e.statusCode()).isZero();
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.error()).isEmpty();
    assertThat(e.getMessage()).doesNotContain(APP_SECRET);
  }
}
