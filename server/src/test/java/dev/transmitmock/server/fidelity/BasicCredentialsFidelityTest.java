package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import dev.transmitmock.server.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.1, 13.2 and 13.12: the HTTP Basic header as node-oidc-provider's {@code
 * shared/client_auth.js} reads it.
 */
class BasicCredentialsFidelityTest {
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        TestEmulator.start(
            MockConfig.builder()
                .client(ClientConfig.builder("plus-svc").secret("a+b").build())
                .client(ClientConfig.builder("space-svc").secret("a b").build())
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** A Basic header exactly as given, without any encoding of id or secret. */
  private static String rawBasic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static Reply tokenWithBasic(String header) {
    return emulator
        .http()
        .post(
            "/oidc/token",
            TestHttp.FORM,
            "grant_type=client_credentials",
            Map.of("Authorization", header));
  }

  @Test
  void a_raw_plus_in_a_basic_secret_is_read_as_a_space_so_the_plus_secret_fails() {
    Reply reply = tokenWithBasic(rawBasic("plus-svc:a+b"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(emulator.server().journal().last().orElseThrow().errorDetail())
        .hasValue("invalid secret provided");
  }

  @Test
  void a_raw_plus_in_a_basic_secret_matches_a_secret_with_a_space() {
    Reply reply = tokenWithBasic(rawBasic("space-svc:a+b"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void a_percent_encoded_plus_in_a_basic_secret_is_a_plus() {
    Reply reply = tokenWithBasic(rawBasic("plus-svc:a%2Bb"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void a_basic_header_encoded_per_rfc_6749_works_for_both_secrets() {
    assertThat(tokenWithBasic(TestHttp.basic("plus-svc", "a+b")).status()).isEqualTo(200);
    assertThat(tokenWithBasic(TestHttp.basic("space-svc", "a b")).status()).isEqualTo(200);
  }

  @Test
  void a_basic_secret_decoding_to_a_non_ascii_character_is_not_properly_encoded() {
    Reply reply = tokenWithBasic(rawBasic("plus-svc:%C3%A9"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo(
            "client_id and client_secret in the authorization header are not properly encoded");
  }

  @Test
  void a_basic_header_with_an_empty_secret_is_an_invalid_request_not_a_failed_authentication() {
    Reply reply = tokenWithBasic(rawBasic("plus-svc:"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("client_secret must be provided in the Authorization header");
    assertThat(reply.header("WWW-Authenticate")).isNull();
  }

  @Test
  void a_basic_header_with_an_empty_id_provides_no_client_authentication() {
    Reply reply = tokenWithBasic(rawBasic(":a+b"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("no client authentication mechanism provided");
  }

  /** 13.12, version-dependent: the wording of the releases before 9.4 is kept. */
  @Test
  void a_basic_id_other_than_the_body_client_id_keeps_the_pre_9_4_wording() {
    Reply reply =
        emulator
            .http()
            .post(
                "/oidc/token",
                TestHttp.FORM,
                "grant_type=client_credentials&client_id=space-svc",
                Map.of("Authorization", TestHttp.basic("plus-svc", "a+b")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_description").asText())
        .isEqualTo("mismatch in body and authorization client ids");
  }
}
