package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fidelity settings of issue 15 through {@link TransmitMock} and the builder: {@code
 * verboseErrors}, applications with their own signing keys, public clients and grant types.
 */
class FidelityAttributesTest {
  private static final String APP_ISSUER = "https://orders.app.transmitsecurity.io";

  @Nested
  @TransmitMock(
      verboseErrors = true,
      applications =
          @TransmitApplication(
              id = "app-orders",
              issuer = APP_ISSUER,
              globalKeyAcceptedFor = "P1D",
              jwksPath = "/orders/jwks"),
      clients = {
        @TransmitClient(id = "orders-svc", secret = "orders-secret", appId = "app-orders"),
        @TransmitClient(
            id = "batch-svc",
            authMethod = AuthMethod.PRIVATE_KEY_JWT,
            appId = "app-orders"),
        @TransmitClient(id = "spa", authMethod = AuthMethod.NONE),
        @TransmitClient(id = "web", secret = "web-secret", grantTypes = "authorization_code")
      })
  class Declared {
    @Test
    void verbose_errors_add_the_reason_to_the_error_body(TransmitMockHandle mock) {
      Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "wrong");

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().path("error_description").asText())
          .isEqualTo("client authentication failed");
      assertThat(response.json().path("error_detail").asText())
          .isEqualTo("invalid secret provided");
      mock.journal().clear();
    }

    @Test
    void an_apps_client_gets_the_apps_issuer_and_a_key_of_the_apps_jwks(TransmitMockHandle mock)
        throws Exception {
      Reply response = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "orders-secret");
      JWKSet appKeys = JWKSet.load(mock.applicationJwksUri("app-orders").toURL());

      assertThat(response.claims().getIssuer()).isEqualTo(APP_ISSUER);
      assertThat(mock.applicationJwksUri("app-orders").getPath()).isEqualTo("/orders/jwks");
      assertThat(
              appKeys.getKeyByKeyId(SignedJWT.parse(response.accessToken()).getHeader().getKeyID()))
          .isNotNull();
    }

    @Test
    void a_generated_private_key_jwt_client_of_the_app_is_signed_by_the_app_too(
        @InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch) {
      Reply response = TestHttp.plain().send(batch.tokenRequest());

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.claims().getIssuer()).isEqualTo(APP_ISSUER);
    }

    @Test
    void the_apps_transition_window_is_the_declared_one(TransmitMockHandle mock) throws Exception {
      String globalKid = mock.server().keys().active().kid();
      boolean during =
          JWKSet.load(mock.applicationJwksUri("app-orders").toURL()).getKeyByKeyId(globalKid)
              != null;
      mock.clock().advance(Duration.ofDays(1).plusSeconds(1));
      boolean after =
          JWKSet.load(mock.applicationJwksUri("app-orders").toURL()).getKeyByKeyId(globalKid)
              != null;

      assertThat(during).isTrue();
      assertThat(after).isFalse();
    }

    @Test
    void a_public_client_is_refused_client_credentials(TransmitMockHandle mock) {
      Reply response =
          TestHttp.plain()
              .send(
                  HttpRequest.newBuilder(mock.tokenEndpoint())
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials&client_id=spa"))
                      .build());

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().path("error_description").asText())
          .isEqualTo("requested grant type is not allowed for this client");
      mock.journal().clear();
    }

    @Test
    void a_client_without_client_credentials_in_its_grant_types_is_refused(
        TransmitMockHandle mock) {
      Reply response = TestHttp.to(mock.tokenEndpoint()).token("web", "web-secret");

      assertThat(response.json().path("error_description").asText())
          .isEqualTo("requested grant type is not allowed for this client");
      mock.journal().clear();
    }
  }

  @Nested
  class Registered {
    @RegisterExtension
    final TransmitMockExtension mock =
        TransmitMockExtension.builder()
            .verboseErrors(true)
            .application(ApplicationConfig.builder("app-orders").issuer(APP_ISSUER).build())
            .client(ClientConfig.builder("orders-svc").secret("s").appId("app-orders").build())
            .client("spa", AuthMethod.NONE)
            .build();

    @Test
    void the_builder_sets_applications_public_clients_and_verbose_errors() {
      Reply orders = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "s");
      Reply wrong = TestHttp.to(mock.tokenEndpoint()).token("orders-svc", "x");

      assertThat(orders.claims().getIssuer()).isEqualTo(APP_ISSUER);
      assertThat(wrong.json().path("error_detail").asText()).isEqualTo("invalid secret provided");
      assertThat(mock.server().clients().client("spa").orElseThrow().grantTypes())
          .containsExactly("authorization_code");
    }
  }

  @Test
  void an_application_without_a_proper_issuer_names_the_declaration() {
    Throwable failure = Fixtures.onlyFailure(Fixtures.run(BadApplication.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TransmitApplication(id = \"app-x\")")
        .hasMessageContaining("not an absolute URI");
  }

  @Test
  void an_unknown_grant_type_names_transmits() {
    Throwable failure = Fixtures.onlyFailure(Fixtures.run(UnknownGrant.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("grant type \"implicit\" is not one of Transmit's");
  }

  @TransmitMock(applications = @TransmitApplication(id = "app-x", issuer = "app-x"))
  static class BadApplication {
    @Test
    void never_runs() {}
  }

  @TransmitMock(clients = @TransmitClient(id = "x", grantTypes = "implicit"))
  static class UnknownGrant {
    @Test
    void never_runs() {}
  }
}
