package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegionAndConfigResourceTest {

  @Nested
  @TransmitMock(region = "EU")
  class WithARegion {
    @Test
    void tokens_carry_the_issuer_of_the_region(TransmitMockHandle mock) throws Exception {
      Reply response = TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret");

      assertThat(response.claims().getIssuer()).isEqualTo("https://eu.userid.security");
    }
  }

  @Nested
  @TransmitMock(config = "transmit-mock-test.yaml")
  class WithAClasspathConfig {
    @Test
    void serves_the_clients_of_the_config_resource(TransmitMockHandle mock) throws Exception {
      Reply response =
          TestHttp.to(mock.tokenEndpoint())
              .token("billing-svc", "billing-secret", "https://api.billing.example");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.claims().getIssuer()).isEqualTo("https://ca.userid.security");
      assertThat(response.claims().getStringClaim("tid")).isEqualTo("tnt-from-classpath");
      assertThat(response.json().path("expires_in").asLong()).isEqualTo(600L);
    }

    @Test
    void does_not_add_the_embedded_default_clients(TransmitMockHandle mock) {
      assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret").status())
          .isEqualTo(401);
    }
  }

  @Nested
  @TransmitMock(config = "/transmit-mock-test.yaml", tokenLifetime = "PT2M")
  class WithAConfigAndOverrides {
    @Test
    void the_annotation_overrides_the_config(TransmitMockHandle mock) {
      Reply response = TestHttp.to(mock.tokenEndpoint()).token("billing-svc", "billing-secret");

      assertThat(response.json().path("expires_in").asLong()).isEqualTo(120L);
    }
  }
}
