package dev.transmitmock.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.keys.KeyRing;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests of form and Basic parsing: whatever a client sends, the token, introspection
 * and revocation endpoints answer 200 or a 4xx OAuth error JSON, never a 5xx or an exception.
 */
class RequestParsingPropertiesTest {
  static final MockConfig CONFIG = ConfigLoader.embeddedDefault();
  static final KeyRing KEYS = KeyRing.fromConfig(CONFIG.keys());
  static final ClientRegistry REGISTRY = new ClientRegistry(CONFIG.clients(), CONFIG.resources());
  static final MockClock CLOCK = new MockClock();
  static final TokenService TOKENS =
      new TokenService(CONFIG, REGISTRY, KEYS, CLOCK, new RequestJournal(100));
  static final RevokedTokens REVOKED = new RevokedTokens();
  static final IntrospectionService INTROSPECTION =
      new IntrospectionService(TOKENS, REVOKED, CLOCK);
  static final RevocationService REVOCATION = new RevocationService(TOKENS, REVOKED, CLOCK);
  static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 2000)
  void any_byte_body_gets_a_client_error_or_a_token(
      @ForAll("bodies") byte[] body, @ForAll("authorizations") Optional<String> authorization) {
    RawRequest request =
        new RawRequest(
            Optional.of("application/x-www-form-urlencoded"), body, false, authorization);

    assertWellFormed(TOKENS.handle(request));
    assertWellFormed(INTROSPECTION.handle(request));
    assertWellFormed(REVOCATION.handle(request));
  }

  @Property(tries = 1000)
  void any_form_of_known_parameters_gets_a_client_error_or_a_token(
      @ForAll("forms") String form, @ForAll("authorizations") Optional<String> authorization) {
    RawRequest request = RawRequest.form(form, authorization);

    assertWellFormed(TOKENS.handle(request));
    assertWellFormed(INTROSPECTION.handle(request));
  }

  @Property(tries = 500)
  void any_content_type_gets_a_client_error_or_a_token(@ForAll("contentTypes") String contentType) {
    RawRequest request =
        new RawRequest(
            Optional.of(contentType),
            "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret"
                .getBytes(StandardCharsets.UTF_8),
            false,
            Optional.empty());

    assertWellFormed(TOKENS.handle(request));
  }

  static void assertWellFormed(EndpointResponse response) {
    assertThat(response.status()).isIn(200, 400, 401, 413);
    if (response.status() != 200) {
      try {
        JsonNode body = JSON.readTree(response.json());
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("error_description").asText()).isNotBlank();
      } catch (java.io.IOException e) {
        throw new AssertionError("error body is not JSON: " + response.json(), e);
      }
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> formish =
        Arbitraries.strings()
            .withChars("=&%+abcdefgz0189ABCF_-.:/ \u00e9\u0000")
            .ofMaxLength(200)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(random, formish);
  }

  @Provide
  Arbitrary<String> forms() {
    Arbitrary<String> names =
        Arbitraries.of(
            "grant_type",
            "client_id",
            "client_secret",
            "resource",
            "scope",
            "token",
            "token_type_hint",
            "client_assertion",
            "x");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of(
                "client_credentials",
                "demo-app",
                "demo-app-secret",
                "https://api.example.test",
                "https://risk.identity.security",
                "refresh_token",
                "",
                "%",
                "%zz",
                "%C3%28",
                "openid",
                "https://x#y",
                "relative"),
            Arbitraries.strings().ofMaxLength(30));
    Arbitrary<String> pair =
        net.jqwik.api.Combinators.combine(names, values).as((n, v) -> n + "=" + v);
    return pair.list().ofMaxSize(8).map(list -> String.join("&", list));
  }

  @Provide
  Arbitrary<Optional<String>> authorizations() {
    Arbitrary<String> basic =
        Arbitraries.strings()
            .ofMaxLength(40)
            .map(
                s ->
                    "Basic "
                        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<String> arbitrary = Arbitraries.strings().ofMaxLength(60);
    Arbitrary<String> known =
        Arbitraries.of(
            "Basic ZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0",
            "Basic",
            "Basic ",
            "basic x y",
            "Bearer x",
            "Basic %%%",
            "Basic OjpfOg==",
            "Basic ZGVtby1hcHA6JXp6");
    return Arbitraries.oneOf(basic, arbitrary, known).optional(0.5);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "application/x-www-form-urlencoded; charset=latin1",
            "application/x-www-form-urlencoded;charset=UTF-8",
            "APPLICATION/X-WWW-FORM-URLENCODED",
            "application/json",
            "multipart/form-data; boundary=x",
            "text/plain",
            "",
            ";;;",
            "application/x-www-form-urlencoded; charset"),
        Arbitraries.strings().ofMaxLength(80));
  }
}
