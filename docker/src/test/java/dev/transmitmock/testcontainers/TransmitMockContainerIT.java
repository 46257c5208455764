package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.client.TransmitTokenVerifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;

@ExtendWith(RequiresDocker.class)
class TransmitMockContainerIT {

  private static final String DEFAULT_ISSUER = "https://userid.security";
  private static final String DEFAULT_RESOURCE = "https://api.example.test";
  private static final String ORDERS_API = "https://api.orders.example";
  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

  @Test
  void serves_the_embedded_default_config_and_its_tokens_verify_against_the_jwks()
      throws Exception {
    try (TransmitMockContainer<?> mock = TestImage.container()) {
      mock.start();

      String token =
          mock.getClientCredentialsToken("demo-app", "demo-app-secret", DEFAULT_RESOURCE);

      assertThat(mock.getIssuer()).isEqualTo(DEFAULT_ISSUER);
      JWTClaimsSet claims = TokenVerification.verify(mock, token, DEFAULT_ISSUER, DEFAULT_RESOURCE);
      assertThat(claims.getSubject()).isEqualTo("demo-app");
      assertThat(claims.getStringClaim("tid")).isEqualTo("tnt-demo");
    }
  }

  @Test
  void its_tokens_verify_with_the_client_modules_verifier_through_discovery() throws Exception {
    try (TransmitMockContainer<?> mock =
        TestImage.container().withClient("orders-svc", "orders-secret", ORDERS_API)) {
      mock.start();
      TransmitTokenVerifier verifier =
          TransmitTokenVerifier.builder()
              .discoveryUri(URI.create(mock.getDiscoveryUri()))
              .audience(ORDERS_API)
              .build();

      TransmitToken token =
          verifier.verify(
              mock.getClientCredentialsToken("orders-svc", "orders-secret", ORDERS_API));

      assertThat(token.clientId()).isEqualTo("orders-svc");
      assertThat(token.issuer()).isEqualTo(DEFAULT_ISSUER);
      assertThat(token.audience()).containsExactly(ORDERS_API);
      assertThat(token.roles()).isEmpty();
    }
  }

  @Test
  void serves_a_mounted_yaml_config_file(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("transmit-mock.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "issuer: https://mounted.example/cis",
            "tenantId: tnt-mounted",
            "resources:",
            "  - uri: " + ORDERS_API,
            "clients:",
            "  - clientId: orders-svc",
            "    clientSecret: orders-secret",
            "    resources: [" + ORDERS_API + "]",
            ""));

    try (TransmitMockContainer<?> mock = TestImage.container().withConfig(config)) {
      mock.start();

      String token = mock.getClientCredentialsToken("orders-svc", "orders-secret", ORDERS_API);

      JWTClaimsSet claims =
          TokenVerification.verify(mock, token, "https://mounted.example/cis", ORDERS_API);
      assertThat(claims.getStringClaim("tid")).isEqualTo("tnt-mounted");
      assertThatThrownBy(() -> mock.getClientCredentialsToken("demo-app", "demo-app-secret"))
          .isInstanceOfSatisfying(
              TransmitMockException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.body()).contains("invalid_client");
                assertThat(e.getMessage()).doesNotContain("demo-app-secret");
              });
    }
  }

  @Test
  void applies_issuer_and_token_lifetime_given_as_environment_variables() throws Exception {
    String euIssuer = "https://api.eu.transmitsecurity.io/cis";
    try (TransmitMockContainer<?> mock =
        TestImage.container()
            .withIssuer(euIssuer)
            .withTokenLifetime(Duration.ofMinutes(5))
            .withEnv("TRANSMIT_MOCK_TENANT_ID", "tnt-from-env")) {
      mock.start();

      String token =
          mock.getClientCredentialsToken("demo-app", "demo-app-secret", DEFAULT_RESOURCE);

      assertThat(mock.getIssuer()).isEqualTo(euIssuer);
      JWTClaimsSet claims = TokenVerification.verify(mock, token, euIssuer, DEFAULT_RESOURCE);
      assertThat(claims.getStringClaim("tid")).isEqualTo("tnt-from-env");
      assertThat(
              Duration.between(
                  claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
          .isEqualTo(Duration.ofMinutes(5));
    }
  }

  @Test
  void issues_tokens_to_clients_declared_in_the_test() throws Exception {
    try (TransmitMockContainer<?> mock =
        TestImage.container()
            .withResource(ORDERS_API, Duration.ofMinutes(2))
            .withClient("orders-svc", "orders-secret", ORDERS_API)) {
      mock.start();

      String token = mock.getClientCredentialsToken("orders-svc", "orders-secret", ORDERS_API);

      JWTClaimsSet claims = TokenVerification.verify(mock, token, DEFAULT_ISSUER, ORDERS_API);
      assertThat(claims.getSubject()).isEqualTo("orders-svc");
      assertThat(
              Duration.between(
                  claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
          .isEqualTo(Duration.ofMinutes(2));
      assertThatThrownBy(() -> mock.getClientCredentialsToken("orders-svc", "wrong-secret"))
          .isInstanceOfSatisfying(
              TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  @Test
  void a_bad_config_makes_the_container_exit_with_the_config_error_in_its_log() {
    String undeclaredResource =
        String.join(
            "\n",
            "clients:",
            "  - clientId: orders-svc",
            "    clientSecret: orders-secret",
            "    resources: [https://undeclared.example]",
            "");

    try (TransmitMockContainer<?> mock = TestImage.container().withConfig(undeclaredResource)) {
      Instant started = Instant.now();
      assertThatThrownBy(mock::start)
          .isInstanceOf(ContainerLaunchException.class)
          .rootCause()
          .hasMessageContaining("exited with code 2")
          .hasMessageContaining("clients[0].resources[0]")
          .hasMessageContaining("https://undeclared.example");
      // reported as soon as the emulator exits, not after the startup timeout
      assertThat(Duration.between(started, Instant.now()))
          .isLessThan(TransmitMockContainer.DEFAULT_STARTUP_TIMEOUT);
    }
  }

  @Test
  void the_image_healthcheck_turns_healthy() throws Exception {
    try (TransmitMockContainer<?> mock = TestImage.container()) {
      mock.start();

      String status = "starting";
      Instant deadline = Instant.now().plus(HEALTHY_WITHIN);
      while (!"healthy".equals(status) && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
        status = mock.getCurrentContainerInfo().getState().getHealth().getStatus();
      }
      assertThat(status).isEqualTo("healthy");
    }
  }

  @Test
  void runs_the_emulator_as_an_unprivileged_user() throws Exception {
    try (TransmitMockContainer<?> mock = TestImage.container()) {
      mock.start();

      assertThat(mock.execInContainer("id", "-u").getStdout().trim()).isEqualTo("65534");
    }
  }
}
