package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitClientCredentials;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import dev.transmitmock.server.token.ClientAssertions;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@TransmitMock(
    clients =
        @TransmitClient(
            id = "batch-svc",
            authMethod = AuthMethod.PRIVATE_KEY_JWT,
            resources = "https://api.orders.example"))
class PrivateKeyJwtTest {
  @InjectTransmitMock(client = "batch-svc")
  TransmitClientCredentials batch;

  private static Reply send(HttpRequest request) {
    return TestHttp.plain().send(request);
  }

  @Test
  void the_ready_token_request_gets_a_token(TransmitMockHandle mock) throws Exception {
    Reply response = send(batch.tokenRequest("https://api.orders.example"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("batch-svc");
    assertThat(response.claims().getAudience()).containsExactly("https://api.orders.example");
    assertThat(mock.journal().tokenRequests())
        .singleElement()
        .satisfies(entry -> assertThat(entry.authMethod()).isEqualTo(AuthMethod.PRIVATE_KEY_JWT));
  }

  @Test
  void the_assertion_is_signed_by_the_generated_key_for_the_token_endpoint(TransmitMockHandle mock)
      throws Exception {
    SignedJWT assertion = SignedJWT.parse(batch.clientAssertion());

    assertThat(assertion.verify(new RSASSAVerifier(batch.signingKey().toRSAPublicKey()))).isTrue();
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("batch-svc-key");
    assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("batch-svc");
    assertThat(assertion.getJWTClaimsSet().getAudience())
        .containsExactly(mock.tokenEndpoint().toString());
    assertThat(batch.privateKey()).isEqualTo(batch.signingKey().toPrivateKey());
  }

  @Test
  void assertions_follow_the_emulator_clock(TransmitMockHandle mock) throws Exception {
    mock.clock().advance(Duration.ofDays(2));

    assertThat(send(batch.tokenRequest()).status()).isEqualTo(200);
  }

  @Test
  void a_replayed_assertion_is_refused() throws Exception {
    String assertion = batch.clientAssertion();
    HttpRequest first = withAssertion(assertion);
    HttpRequest replay = withAssertion(assertion);

    assertThat(send(first).status()).isEqualTo(200);
    Reply refused = send(replay);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.error()).isEqualTo("invalid_client");
  }

  @Test
  void an_assertion_signed_by_another_key_is_refused() throws Exception {
    String forged =
        ClientAssertions.create(
            "batch-svc", ClientAssertions.generateRsaKey("batch-svc-key"), batch.tokenEndpoint());

    assertThat(send(withAssertion(forged)).status()).isEqualTo(401);
  }

  @Test
  void the_handle_gives_the_same_credentials(TransmitMockHandle mock) {
    assertThat(mock.credentials("batch-svc").signingKey()).isEqualTo(batch.signingKey());
    assertThat(mock.credentials("batch-svc").toString())
        .contains("batch-svc", "private_key_jwt")
        .doesNotContain(batch.signingKey().getPrivateExponent().toString());
  }

  @Test
  void methods_of_other_client_kinds_say_why_they_do_not_apply() {
    assertThatThrownBy(batch::certificate)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "client batch-svc authenticates with private_key_jwt: it has no client certificate");
    assertThatThrownBy(batch::clientSecret).hasMessageContaining("it has no secret");
    assertThatThrownBy(batch::sslContext).hasMessageContaining("@TransmitMock(https = true)");
  }

  @Test
  void secret_clients_of_the_configuration_have_credentials_too(TransmitMockHandle mock)
      throws Exception {
    TransmitClientCredentials demo = mock.credentials("demo-app");

    assertThat(demo.clientSecret()).isEqualTo("demo-app-secret");
    assertThat(send(demo.tokenRequest()).status()).isEqualTo(200);
    assertThat(mock.journal().tokenRequests().get(0).authMethod())
        .isEqualTo(AuthMethod.CLIENT_SECRET_BASIC);
  }

  private HttpRequest withAssertion(String assertion) {
    String body =
        "grant_type=client_credentials&client_assertion_type="
            + java.net.URLEncoder.encode(
                TransmitClientCredentials.JWT_BEARER, StandardCharsets.UTF_8)
            + "&client_assertion="
            + assertion;
    return HttpRequest.newBuilder(batch.tokenEndpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
