package dev.transmitmock.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRANSMIT_FACTS 13.13: the stock engine (9.3 and later) answers 400 {@code unsupported_token_type}
 * to introspection and revocation of JWT access tokens ({@code
 * shared/reject_structured_tokens.js}); Transmit's documentation says both work, so the emulator
 * keeps the documented behaviour.
 */
class JwtIntrospectionFidelityTest {
  private static final Map<String, String> CALLER =
      Map.of("client_id", "demo-app", "client_secret", "demo-app-secret");
  private static TestEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Reply call(String path, String token) {
    Map<String, String> form = new java.util.LinkedHashMap<>(CALLER);
    form.put("token", token);
    return emulator.http().postForm(path, form);
  }

  @Test
  void a_jwt_access_token_introspects_as_active_not_as_an_unsupported_token_type() {
    String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());

    Reply reply = call("/oidc/token/introspection", token);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("active").asBoolean()).isTrue();
  }

  @Test
  void a_jwt_access_token_can_be_revoked_and_then_introspects_inactive() {
    String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());

    Reply revoked = call("/oidc/token/revocation", token);
    Reply after = call("/oidc/token/introspection", token);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(after.json().get("active").asBoolean()).isFalse();
  }
}
