package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.Fixtures;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

// System properties are global: nothing else may start a server while this class runs.
@Isolated
class SystemPropertiesTest {
  private static final Map<String, String> DURING = new ConcurrentHashMap<>();
  private static final Map<String, String> FROM_HANDLE = new ConcurrentHashMap<>();

  @Test
  void publishes_the_endpoints_as_system_properties_while_the_server_runs() {
    Fixtures.run(Publishing.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(DURING)
        .containsOnlyKeys(
            TransmitMockProperties.BASE_URL,
            TransmitMockProperties.TOKEN_ENDPOINT,
            TransmitMockProperties.JWKS_URI,
            TransmitMockProperties.DISCOVERY_URI,
            TransmitMockProperties.ISSUER,
            TransmitMockProperties.PORT)
        .isEqualTo(FROM_HANDLE);
    assertThat(DURING.get(TransmitMockProperties.JWKS_URI)).endsWith("/cis/oidc/jwks");
    assertThat(DURING.get(TransmitMockProperties.ISSUER)).isEqualTo("https://userid.security");
  }

  @Test
  void clears_the_properties_when_the_server_stops() {
    Fixtures.run(Publishing.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(System.getProperty(TransmitMockProperties.JWKS_URI)).isNull();
    assertThat(System.getProperty(TransmitMockProperties.TOKEN_ENDPOINT)).isNull();
  }

  @TransmitMock
  static class Publishing {
    @Test
    void reads_the_properties(TransmitMockHandle mock) {
      for (String name : mock.properties().keySet()) {
        DURING.put(name, System.getProperty(name));
      }
      FROM_HANDLE.putAll(mock.properties());
    }
  }
}
