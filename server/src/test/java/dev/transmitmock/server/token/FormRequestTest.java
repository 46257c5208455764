package dev.transmitmock.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.protocol.AuthMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A form request is parsed once and read two ways: leniently by a fault rule and the journal (never
 * throws), strictly by the endpoint (in node-oidc-provider's order).
 */
class FormRequestTest {
  private static final String FORM = "application/x-www-form-urlencoded";

  private static FormRequest request(Optional<String> contentType, String body, String auth) {
    return FormRequest.of(
        new RawRequest(
            contentType, body.getBytes(StandardCharsets.UTF_8), false, Optional.ofNullable(auth)));
  }

  @Test
  void the_body_is_parsed_once_whoever_reads_it_first() {
    FormRequest request =
        request(
            Optional.of(FORM),
            "grant_type=client_credentials&client_id=demo-app&client_secret=s&resource=urn:r"
                + "&scope=read",
            null);

    assertThat(request.clientId()).contains("demo-app");
    assertThat(request.authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_POST);
    assertThat(request.resource()).contains("urn:r");
    assertThat(request.scope()).contains("read");
    FormParameters form = request.form("/token");
    assertThat(form.get("grant_type")).contains("client_credentials");
    assertThat(request.form("/token")).isSameAs(form);
  }

  @Test
  void a_basic_header_names_the_client_for_the_lenient_view() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("demo-app:secret".getBytes(StandardCharsets.UTF_8));
    FormRequest request = request(Optional.of(FORM), "grant_type=client_credentials", basic);

    assertThat(request.clientId()).contains("demo-app");
    assertThat(request.authMethod()).isEqualTo(AuthMethod.CLIENT_SECRET_BASIC);
  }

  @Test
  void a_broken_body_reads_as_empty_leniently_and_is_refused_strictly() {
    FormRequest request = request(Optional.of(FORM), "client_id=%zz", null);

    assertThat(request.clientId()).isEmpty();
    assertThat(request.authMethod()).isEqualTo(AuthMethod.NONE);
    assertThatThrownBy(() -> request.form("/token"))
        .isInstanceOf(OAuthException.class)
        .satisfies(
            e -> {
              OAuthError error = ((OAuthException) e).error();
              assertThat(error.status()).isEqualTo(400);
              assertThat(error.error()).isEqualTo("invalid_request");
            });
  }

  @Test
  void without_a_content_type_the_endpoint_reads_an_empty_form_but_a_fault_rule_sees_the_client() {
    FormRequest request = request(Optional.empty(), "client_id=demo-app", null);

    assertThat(request.form("/token").names()).isEmpty();
    assertThat(request.clientId()).contains("demo-app");
  }

  @Test
  void another_content_type_is_refused_naming_the_endpoint_path() {
    FormRequest request = request(Optional.of("application/json"), "{}", null);

    assertThatThrownBy(() -> request.form("/token/revocation"))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("/token/revocation");
  }
}
