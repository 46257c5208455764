package dev.transmitmock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transmitmock.server.testing.TestEmulator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the curl command of Transmit's "Get client access tokens" page verbatim against the
 * emulator: only the URL (blank on the page) and the credential placeholders are filled in.
 */
class TransmitDocCurlTest {
  /** Copied from the page, line breaks and all. */
  static final String DOCUMENTED_COMMAND =
      """
      curl --location --request POST '' \\
      --header 'Content-Type: application/x-www-form-urlencoded' \\
      --data-urlencode 'grant_type=client_credentials' \\
      --data-urlencode 'client_id=[CLIENT_ID]' \\
      --data-urlencode 'client_secret=[CLIENT_SECRET]'
      """;

  @Test
  void the_documented_curl_command_gets_a_token() throws Exception {
    try (TestEmulator emulator = TestEmulator.start()) {
      String command =
          DOCUMENTED_COMMAND
              .replace("POST ''", "POST '" + emulator.server().tokenEndpoint() + "'")
              .replace("[CLIENT_ID]", "demo-app")
              .replace("[CLIENT_SECRET]", "demo-app-secret");
      Process curl = new ProcessBuilder("bash", "-c", command).start();
      assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.exitValue()).as(errors).isZero();

      JsonNode body = new ObjectMapper().readTree(output);
      assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
      assertThat(emulator.verify(body.get("access_token").asText()).getSubject())
          .isEqualTo("demo-app");
      assertThat(emulator.server().journal().entries()).hasSize(1);
      assertThat(emulator.server().journal().entries().get(0).authMethod().wireName())
          .isEqualTo("client_secret_post");
    }
  }
}
