package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@link TransmitClientCredentials#tokenRequest()} of secret clients whose id and secret hold
 * characters form encoding changes: a space and a {@code +}. The Basic header is form-encoded as
 * RFC 6749 section 2.3.1 says (a space as {@code +}, a plus as {@code %2B}), which is how the
 * emulator, like node-oidc-provider, decodes it.
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

    Reply response = TestHttp.plain().send(request);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("basic svc+1");
    String header = request.headers().firstValue("Authorization").orElseThrow();
    assertThat(
            new String(
                Base64.getDecoder().decode(header.substring("Basic ".length())),
                StandardCharsets.UTF_8))
        .isEqualTo("basic+svc%2B1:open+sesame%2B42");
  }

  @Test
  void a_post_client_with_a_space_and_a_plus_in_id_and_secret_gets_a_token(
      @InjectTransmitMock(client = "post svc+1") TransmitClientCredentials post) {
    Reply response = TestHttp.plain().send(post.tokenRequest());

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.claims().getSubject()).isEqualTo("post svc+1");
  }
}
