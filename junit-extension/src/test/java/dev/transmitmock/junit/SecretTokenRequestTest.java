package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.TokenRequests;
import dev.transmitmock.junit.support.TokenResponse;
import dev.transmitmock.server.control.AuthMethod;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@link TransmitClientCredentials#tokenRequest()} of secret clients whose id and secret hold
 * characters form encoding changes: a space and a {@code +}. The emulator reads a {@code +} in
 * Basic credentials as a literal plus (as node-oidc-provider does), so a space must go as {@code
 * %20} there.
 */
@TransmitMock(
    clients = {
      @TransmitClient(
          id = "basic svc+1",
          secret = "open sesame+42",
          authMethod = AuthMethod.CLIENT_SECRET_BASIC),
      @TransmitClient(
          id = "post svc+1",
          secret = "open sesame+42",
          authMethod = AuthMethod.CLIENT_SECRET_POST)
    })
class SecretTokenRequestTest {

  @Test
  void a_basic_client_with_a_space_and_a_plus_in_id_and_secret_gets_a_token(
      @InjectTransmitMock(client = "basic svc+1") TransmitClientCredentials basic) {
    HttpRequest request = basic.tokenRequest();

    TokenResponse response = TokenRequests.send(request);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("basic svc+1");
    String header = request.headers().firstValue("Authorization").orElseThrow();
    assertThat(
            new String(
                Base64.getDecoder().decode(header.substring("Basic ".length())),
                StandardCharsets.UTF_8))
        .isEqualTo("basic%20svc%2B1:open%20sesame%2B42");
  }

  @Test
  void a_post_client_with_a_space_and_a_plus_in_id_and_secret_gets_a_token(
      @InjectTransmitMock(client = "post svc+1") TransmitClientCredentials post) {
    TokenResponse response = TokenRequests.send(post.tokenRequest());

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("post svc+1");
  }
}
