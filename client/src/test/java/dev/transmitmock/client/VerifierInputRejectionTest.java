package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.client.TokenRejectedException.Reason;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Tokens rejected before any key is needed: the JWKS URL points at a closed port, so a test that
 * reached the network would fail with JWKS_UNAVAILABLE instead of the expected reason.
 */
class VerifierInputRejectionTest {

  private final TransmitTokenVerifier verifier =
      TransmitTokenVerifier.builder()
          .issuer("https://userid.security")
          .jwksUri(URI.create("http://127.0.0.1:9/cis/oidc/jwks"))
          .audience("userid-api")
          .build();

  private Reason reasonFor(String token) {
    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
    assertThat(e).as("token must be rejected").isNotNull();
    assertThat(e.getMessage()).startsWith(e.reason().name());
    return e.reason();
  }

  private static String segment(String json) {
    return Base64URL.encode(json).toString();
  }

  private static JWTClaimsSet claims() {
    return new JWTClaimsSet.Builder().issuer("https://userid.security").subject("c").build();
  }

  @Test
  void rejects_null_empty_and_garbage_as_malformed() {
    assertThat(reasonFor(null)).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("not-a-jwt")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("a.b")).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejects_non_base64url_characters_as_malformed() {
    String token = segment("{\"alg\":\"RS256\"}") + "." + segment("{}") + ".ab$$cd";
    assertThat(reasonFor(token)).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("Bearer " + token)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejects_oversized_tokens_as_malformed() {
    assertThat(reasonFor("a".repeat(20_000) + ".b.c")).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejects_unsigned_tokens_in_every_spelling_of_none() {
    assertThat(reasonFor(new PlainJWT(claims()).serialize()))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    for (String none : new String[] {"None", "NONE", "nOnE"}) {
      String token = segment("{\"alg\":\"" + none + "\"}") + "." + segment("{\"sub\":\"c\"}") + ".";
      assertThat(reasonFor(token)).as(none).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }
  }

  @Test
  void rejects_hmac_signed_tokens_before_looking_for_keys() throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims());
    jwt.sign(new MACSigner(new byte[32]));
    assertThat(reasonFor(jwt.serialize())).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejects_unknown_critical_header_parameters_as_malformed() {
    String token =
        segment("{\"alg\":\"RS256\",\"kid\":\"k1\",\"crit\":[\"exp\"],\"exp\":1}")
            + "."
            + segment("{\"sub\":\"c\"}")
            + ".AAAA";
    assertThat(reasonFor(token)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejects_a_wrong_typ_header() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID("k1")
            .type(new JOSEObjectType("secevent+jwt"))
            .build();
    String token = header.toBase64URL() + "." + segment("{\"sub\":\"c\"}") + ".AAAA";
    assertThat(reasonFor(token)).isEqualTo(Reason.WRONG_TYPE);
  }

  @Test
  void reports_jwks_unavailable_when_the_key_endpoint_is_unreachable() {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
    String token = header.toBase64URL() + "." + segment("{\"sub\":\"c\"}") + ".AAAA";
    assertThat(reasonFor(token)).isEqualTo(Reason.JWKS_UNAVAILABLE);
  }

  @Test
  void header_values_in_messages_are_quoted_and_stripped_of_control_characters() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID("k1")
            .type(new JOSEObjectType("evil\r\nInjected: yes"))
            .build();
    String token = header.toBase64URL() + "." + segment("{\"sub\":\"c\"}") + ".AAAA";
    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
    assertThat(e.getMessage()).doesNotContain("\r", "\n").contains("'evil??Injected: yes'");
  }
}
