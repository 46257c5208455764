package dev.transmitmock.server.control;

import static dev.transmitmock.server.control.ControlHttp.APP;
import static dev.transmitmock.server.control.ControlHttp.APP_SECRET;
import static dev.transmitmock.server.control.ControlHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.server.TransmitMockServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static TransmitMockServer server;
  private static ControlHttp http;

  @BeforeAll
  static void start() {
    server = TransmitMockServer.builder().build().start();
    http = new ControlHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void a_dropped_connection_is_an_io_exception_for_a_real_client() {
    server.faults().add(FaultRule.on(Endpoint.TOKEN).dropConnection().times(1));

    long t0 = System.nanoTime();
    try { http.sendRaw(http.tokenRequest(APP, APP_SECRET)); } catch (Exception e) { e.printStackTrace(System.out); }
    System.out.println("TOOK " + (System.nanoTime()-t0)/1_000_000);
    HttpResponse<String> next = http.token(APP, APP_SECRET, null);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(json(next).has("access_token")).isTrue();
  }
}
