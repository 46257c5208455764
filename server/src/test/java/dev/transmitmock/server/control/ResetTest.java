package dev.transmitmock.server.control;

import static dev.transmitmock.server.testing.DemoConfig.APP;
import static dev.transmitmock.server.testing.DemoConfig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.server.token.ClientRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResetTest {
  private static TransmitMockServer server;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    server = TransmitMockServer.builder().build().start();
    http = TestHttp.to(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Configured(ClientRegistry.Snapshot clients, KeyRing.State keys) {}

  private static Configured configured() {
    return new Configured(server.clients().snapshot(), server.keys().state());
  }

  private static String introspect(String token) {
    return http.postForm(
            server.introspectionEndpoint().toString(),
            "token=" + token + "&client_id=" + APP + "&client_secret=" + APP_SECRET)
        .json()
        .get("active")
        .asText();
  }

  /** Changes every piece of state the control API can change. */
  private static String changeEverything() {
    String token = http.accessToken(APP, APP_SECRET);
    http.postForm(
        server.revocationEndpoint().toString(),
        "token=" + token + "&client_id=" + APP + "&client_secret=" + APP_SECRET);
    server.clients().putResource(ResourceConfig.builder("https://extra.example").build());
    server
        .clients()
        .putClient(
            ClientConfig.builder("extra").secret("extra-secret").build(),
            server.config().serviceResources());
    server.clients().removeClient("demo-admin");
    String oldKid = server.keys().active().kid();
    server.keys().rotate();
    server.keys().retire(oldKid);
    server.clock().freeze().advance(Duration.ofDays(3));
    server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503));
    http.token(APP, "wrong");
    return token;
  }

  @Test
  void reset_restores_clients_keys_clock_journal_faults_and_revocations() {
    Configured before = configured();
    String revokedToken = changeEverything();
    assertThat(introspect(revokedToken)).isEqualTo("false");

    server.reset();

    assertThat(server.clients().snapshot()).isEqualTo(before.clients());
    assertThat(server.keys().state()).isSameAs(before.keys());
    assertThat(server.clock().isFrozen()).isFalse();
    assertThat(server.clock().offset()).isEqualTo(Duration.ZERO);
    assertThat(server.clock().instant())
        .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
    assertThat(server.faults().rules()).isEmpty();
    assertThat(server.journal().size()).isZero();
    assertThat(server.journal().rejectedCount()).isZero();
    assertThat(introspect(revokedToken)).isEqualTo("true");
    assertThat(http.token(APP, APP_SECRET).status()).isEqualTo(200);
    assertThat(http.token("demo-admin", "demo-admin-secret").status()).isEqualTo(200);
    assertThat(http.token("extra", "extra-secret").status()).isEqualTo(401);
  }

  @Test
  void http_reset_restores_the_configured_state() {
    Configured before = configured();
    changeEverything();

    var response = http.post("/_mock/reset", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("reset");
    assertThat(server.clients().snapshot()).isEqualTo(before.clients());
    assertThat(server.keys().state()).isSameAs(before.keys());
    assertThat(server.faults().rules()).isEmpty();
    assertThat(server.clock().offset()).isEqualTo(Duration.ZERO);
    assertThat(http.get("/_mock/journal").json().get("entries")).isEmpty();
  }

  @Test
  void reset_takes_well_under_a_millisecond() {
    http.accessToken(APP, APP_SECRET); // keys generated
    for (int i = 0; i < 20_000; i++) {
      server.reset();
    }
    int rounds = 10_000;
    long started = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      changeCheaply(i);
      server.reset();
    }
    long averageNanos = (System.nanoTime() - started) / rounds;

    System.out.println("reset with changed state: " + averageNanos + " ns on average");
    assertThat(averageNanos).isLessThan(1_000_000);
  }

  private static void changeCheaply(int i) {
    server.clock().advance(Duration.ofSeconds(i));
    server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503));
    server.clients().removeClient(APP);
  }
}
