package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code withHttps()} and {@code withHttpsOnly()} turn into; no Docker engine needed. */
class HttpsConfigurationTest {

  @Test
  void with_https_exposes_both_ports_and_names_host_and_aliases_in_the_certificate() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>().withNetworkAliases("transmit-mock", "idp").withHttps();

    mock.configureHttps("docker-host.example");

    assertThat(mock.getExposedPorts())
        .containsExactly(TransmitMockContainer.PORT, TransmitMockContainer.HTTPS_PORT);
    assertThat(mock.getEnvMap())
        .containsEntry("TRANSMIT_MOCK_HTTPS_PORT", "8443")
        .containsEntry("TRANSMIT_MOCK_TLS_CA_OUT", TransmitMockContainer.CA_CERTIFICATE_PATH)
        .doesNotContainKey("TRANSMIT_MOCK_HTTP_ENABLED");
    List<String> names =
        List.of(mock.getEnvMap().get("TRANSMIT_MOCK_TLS_SUBJECT_ALT_NAMES").split(","));
    assertThat(names)
        .startsWith("localhost", "docker-host.example")
        .contains("transmit-mock", "idp")
        .containsAll(mock.getNetworkAliases())
        .doesNotHaveDuplicates();
    assertThat(mock.listeners())
        .containsExactly(
            new HealthWaitStrategy.Listener(false, TransmitMockContainer.PORT),
            new HealthWaitStrategy.Listener(true, TransmitMockContainer.HTTPS_PORT));
  }

  @Test
  void names_given_with_env_are_kept_beside_the_generated_ones() {
    TransmitMockContainer<?> mock =
        new TransmitMockContainer<>()
            .withEnv("TRANSMIT_MOCK_TLS_SUBJECT_ALT_NAMES", "idp.example, 10.0.0.7")
            .withHttps();

    mock.configureHttps("localhost");

    assertThat(mock.getEnvMap().get("TRANSMIT_MOCK_TLS_SUBJECT_ALT_NAMES").split(","))
        .startsWith("localhost")
        .contains("idp.example", "10.0.0.7")
        .doesNotHaveDuplicates();
  }

  @Test
  void https_only_exposes_only_the_https_port_and_waits_on_it() {
    TransmitMockContainer<?> mock = new TransmitMockContainer<>().withHttpsOnly();

    mock.configureHttps("localhost");

    assertThat(mock.getExposedPorts()).containsExactly(TransmitMockContainer.HTTPS_PORT);
    assertThat(mock.getEnvMap()).containsEntry("TRANSMIT_MOCK_HTTP_ENABLED", "false");
    assertThat(mock.listeners())
        .containsExactly(new HealthWaitStrategy.Listener(true, TransmitMockContainer.HTTPS_PORT));
    assertThatThrownBy(mock::getBaseUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withHttpsOnly")
        .hasMessageContaining("getHttpsBaseUrl");
  }

  @Test
  void required_client_certificates_leave_readiness_to_http_and_refuse_https_only() {
    TransmitMockContainer<?> both =
        new TransmitMockContainer<>().withEnv("TRANSMIT_MOCK_TLS_CLIENT_AUTH", "need").withHttps();
    TransmitMockContainer<?> httpsOnly =
        new TransmitMockContainer<>()
            .withEnv("TRANSMIT_MOCK_TLS_CLIENT_AUTH", "need")
            .withHttpsOnly();

    assertThat(both.listeners())
        .containsExactly(new HealthWaitStrategy.Listener(false, TransmitMockContainer.PORT));
    assertThatThrownBy(() -> httpsOnly.configureHttps("localhost"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("=need")
        .hasMessageContaining("withHttps()");
  }

  @Test
  void https_urls_and_the_ca_are_refused_with_a_hint_when_https_is_off() {
    TransmitMockContainer<?> mock = new TransmitMockContainer<>();

    assertThat(mock.listeners())
        .containsExactly(new HealthWaitStrategy.Listener(false, TransmitMockContainer.PORT));
    assertThatThrownBy(mock::getHttpsTokenEndpoint)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withHttps()");
    assertThatThrownBy(mock::getCaCertificatePem)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withHttps()");
  }

  @Test
  void the_ca_is_refused_before_the_container_runs() {
    TransmitMockContainer<?> mock = new TransmitMockContainer<>().withHttps();

    assertThatThrownBy(mock::createSslContext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
  }
}
