package dev.transmitmock.client;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.JournalEntry;
import java.util.function.Consumer;

/**
 * The emulator configuration the client tests share (an orders API, its clients), and a few journal
 * helpers. The client tests drive the emulator through its Java API and {@code
 * TransmitTokenClient}; HTTP from the tests themselves goes through the server's test harness
 * ({@code dev.transmitmock.server.testing.TestHttp}).
 */
final class OrdersConfig {

  static final String ISSUER = "https://userid.security";
  static final String TENANT = "tnt-orders";
  static final String ORDERS = "https://api.orders.example";
  static final String APP_CLIENT = "orders-svc";
  static final String APP_SECRET = "orders-secret-do-not-log";
  static final String APP_NAME = "Orders";
  static final String ADMIN_CLIENT = "orders-admin";
  static final String ADMIN_SECRET = "admin-secret-do-not-log";

  /**
   * Characters that break naive Basic authentication: ':' and a space in the id; ':', '+', a space
   * and other form-encoded characters in the secret. Visible ASCII only: node-oidc-provider refuses
   * anything else in Basic credentials (and in client secrets at registration).
   */
  static final String ODD_CLIENT = "odd:client id";

  static final String ODD_SECRET = "p@ss:w0rd/+ &=%~";

  private OrdersConfig() {}

  static MockConfig.Builder config() {
    return MockConfig.builder()
        .issuer(ISSUER)
        .tenantId(TENANT)
        .resource(ResourceConfig.builder(ORDERS).scopes("orders:read", "orders:write").build())
        .client(
            ClientConfig.builder(APP_CLIENT)
                .secret(APP_SECRET)
                .type(ClientType.APP)
                .appName(APP_NAME)
                .resources(ORDERS)
                .build())
        .client(
            ClientConfig.builder(ADMIN_CLIENT)
                .secret(ADMIN_SECRET)
                .type(ClientType.MANAGEMENT)
                .build())
        .client(
            ClientConfig.builder(ODD_CLIENT)
                .secret(ODD_SECRET)
                .type(ClientType.APP)
                .resources(ORDERS)
                .build());
  }

  static TransmitMockServer start() {
    return start(builder -> {});
  }

  static TransmitMockServer start(Consumer<MockConfig.Builder> customizer) {
    MockConfig.Builder config = config();
    customizer.accept(config);
    return TransmitMockServer.builder().config(config.build()).build().start();
  }

  static long tokenRequests(TransmitMockServer server) {
    return server.journal().count(entry -> entry.endpoint() == Endpoint.TOKEN);
  }

  static String describeJournal(TransmitMockServer server) {
    StringBuilder out = new StringBuilder();
    for (JournalEntry entry : server.journal().entries()) {
      out.append(entry.describe()).append('\n');
    }
    return out.toString();
  }
}
