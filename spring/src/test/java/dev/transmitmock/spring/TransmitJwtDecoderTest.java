package dev.transmitmock.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transmitmock.client.TransmitRegion;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.TokenSpec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;

/** {@link TransmitJwtDecoder} against real tokens of the emulator, over its real JWKS endpoint. */
@TransmitMock(
    clients = {
      @TransmitClient(id = "storefront", resources = TransmitJwtDecoderTest.ORDERS_API),
      @TransmitClient(id = "billing", resources = TransmitJwtDecoderTest.BILLING_API)
    })
class TransmitJwtDecoderTest {

  static final String ORDERS_API = "https://api.orders.example";
  static final String BILLING_API = "https://api.billing.example";

  private static TransmitJwtDecoder.Builder forTheEmulator(TransmitMockHandle mock) {
    return TransmitJwtDecoders.forIssuer(mock.issuer(), mock.jwksUri())
        .audience(ORDERS_API)
        .clock(mock.clock());
  }

  private static String ordersToken(TransmitMockHandle mock) {
    return mock.tokenFor("storefront", ORDERS_API);
  }

  private static TokenSpec.Builder ordersSpec() {
    return TokenSpec.builder().clientId("storefront").resource(ORDERS_API);
  }

  @Test
  void accepts_a_token_of_the_api_with_typ_at_jwt(TransmitMockHandle mock) {
    Jwt jwt = forTheEmulator(mock).build().decode(ordersToken(mock));

    assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
    assertThat(jwt.getClaimAsString("client_id")).isEqualTo("storefront");
    assertThat(jwt.getAudience()).containsExactly(ORDERS_API);
  }

  @Test
  void accepts_typ_jwt(TransmitMockHandle mock) {
    String token = mock.token(ordersSpec().header("typ", "JWT").build());

    assertThat(forTheEmulator(mock).build().decode(token).getHeaders()).containsEntry("typ", "JWT");
  }

  @Test
  void accepts_a_token_without_typ(TransmitMockHandle mock) {
    String token = mock.token(ordersSpec().removeHeader("typ").build());

    assertThat(forTheEmulator(mock).build().decode(token).getHeaders()).doesNotContainKey("typ");
  }

  @ParameterizedTest(name = "rejects the {0} token")
  @EnumSource(value = Defect.class, mode = EnumSource.Mode.EXCLUDE, names = "EXPIRES_NOW")
  void rejects_every_defect_of_the_catalog(Defect defect, TransmitMockHandle mock) {
    String token = mock.defectiveToken(defect, ordersSpec().build());
    TransmitJwtDecoder decoder = forTheEmulator(mock).build();

    // BadJwtException: Spring answers 401 invalid_token (a plain JwtException would be a 500)
    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
  }

  @Test
  void rejects_a_token_without_exp_saying_it_would_never_expire(TransmitMockHandle mock) {
    String token = mock.defectiveToken(Defect.MISSING_EXP, ordersSpec().build());

    assertThatThrownBy(() -> forTheEmulator(mock).build().decode(token))
        .hasMessageContaining("no exp claim");
  }

  @Test
  void rejects_a_token_issued_in_the_future_saying_so(TransmitMockHandle mock) {
    String token = mock.defectiveToken(Defect.ISSUED_IN_THE_FUTURE, ordersSpec().build());

    assertThatThrownBy(() -> forTheEmulator(mock).build().decode(token))
        .hasMessageContaining("issued in the future");
  }

  @Test
  void rejects_a_token_without_kid_saying_so(TransmitMockHandle mock) {
    String token = mock.defectiveToken(Defect.MISSING_KID, ordersSpec().build());

    assertThatThrownBy(() -> forTheEmulator(mock).build().decode(token))
        .hasMessageContaining("no kid header");
  }

  @Test
  void rejects_a_token_of_another_api(TransmitMockHandle mock) {
    String billing = mock.tokenFor("billing", BILLING_API);

    assertThatThrownBy(() -> forTheEmulator(mock).build().decode(billing))
        .isInstanceOf(BadJwtException.class)
        .hasMessageContaining("not for this API");
  }

  @Test
  void accepts_a_token_for_any_of_its_audiences(TransmitMockHandle mock) {
    TransmitJwtDecoder decoder = forTheEmulator(mock).audience(BILLING_API).build();

    assertThat(decoder.decode(mock.tokenFor("billing", BILLING_API)).getAudience())
        .containsExactly(BILLING_API);
    assertThat(decoder.decode(ordersToken(mock)).getAudience()).containsExactly(ORDERS_API);
  }

  @Test
  void rejects_a_token_once_the_shared_clock_moved_past_its_expiry_and_the_skew(
      TransmitMockHandle mock) {
    TransmitJwtDecoder decoder = forTheEmulator(mock).build();
    String token = ordersToken(mock);
    assertThat(decoder.decode(token)).isNotNull();

    mock.clock().advance(Duration.ofHours(1).plusSeconds(61));

    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(BadJwtException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void accepts_a_token_expired_less_than_the_clock_skew_ago(TransmitMockHandle mock) {
    TransmitJwtDecoder decoder = forTheEmulator(mock).build();
    String token = ordersToken(mock);

    mock.clock().advance(Duration.ofHours(1).plusSeconds(30));

    assertThat(decoder.decode(token)).isNotNull();
  }

  @Test
  void without_clock_skew_rejects_a_token_the_moment_it_expires(TransmitMockHandle mock) {
    TransmitJwtDecoder decoder = forTheEmulator(mock).clockSkew(Duration.ZERO).build();
    String token = ordersToken(mock);

    mock.clock().advance(Duration.ofHours(1).plusSeconds(1));

    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
  }

  @Test
  void runs_an_extra_validator_after_transmits_rules(TransmitMockHandle mock) {
    TransmitJwtDecoder decoder =
        forTheEmulator(mock)
            .validator(new JwtClaimValidator<String>("tid", "tnt-orders"::equals))
            .build();

    assertThatThrownBy(() -> decoder.decode(ordersToken(mock)))
        .isInstanceOf(BadJwtException.class)
        .hasMessageContaining("tid");
    assertThat(decoder.decode(mock.token(ordersSpec().claim("tid", "tnt-orders").build())))
        .isNotNull();
  }

  @Test
  void a_jwks_that_cannot_be_read_is_an_error_of_the_decoder_not_a_rejected_token(
      TransmitMockHandle mock) {
    TransmitJwtDecoder decoder =
        TransmitJwtDecoders.forIssuer(mock.issuer(), "http://127.0.0.1:9/cis/oidc/jwks")
            .audience(ORDERS_API)
            .build();

    assertThatThrownBy(() -> decoder.decode(ordersToken(mock)))
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(BadJwtException.class);
  }

  @Test
  void a_region_brings_its_issuer_and_jwks() {
    TransmitJwtDecoder decoder =
        TransmitJwtDecoders.forRegion(TransmitRegion.EU).audience(ORDERS_API).build();

    assertThat(decoder.issuer()).isEqualTo("https://eu.userid.security");
    assertThat(decoder.jwksUri())
        .isEqualTo(URI.create("https://api.eu.transmitsecurity.io/cis/oidc/jwks"));
    assertThat(decoder.clockSkew()).isEqualTo(TransmitJwtDecoders.DEFAULT_CLOCK_SKEW);
  }

  @Test
  void a_derived_decoder_keeps_the_audiences_and_the_skew() {
    TransmitJwtDecoder decoder =
        TransmitJwtDecoders.forRegion(TransmitRegion.US)
            .audience(ORDERS_API)
            .clockSkew(Duration.ofSeconds(5))
            .build();

    TransmitJwtDecoder derived =
        decoder.toBuilder().jwksUri(URI.create("http://127.0.0.1:1234/cis/oidc/jwks")).build();

    assertThat(derived.audiences()).containsExactly(ORDERS_API);
    assertThat(derived.clockSkew()).isEqualTo(Duration.ofSeconds(5));
    assertThat(derived.issuer()).isEqualTo("https://userid.security");
  }

  @Test
  void building_without_an_audience_says_what_to_set() {
    assertThatThrownBy(() -> TransmitJwtDecoders.forRegion(TransmitRegion.US).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audience(\"https://api.orders.example\")");
  }

  @Test
  void a_jwks_uri_that_is_not_http_is_refused_with_an_example() {
    assertThatThrownBy(() -> TransmitJwtDecoders.forIssuer("https://userid.security", "/jwks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://api.transmitsecurity.io/cis/oidc/jwks");
  }
}
