package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.ADMIN_CLIENT;
import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.APP_NAME;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static dev.transmitmock.client.OrdersConfig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.token.IssuedToken;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier against tokens minted by the real emulator, over real HTTP for the JWKS. */
class TransmitTokenVerifierEmulatorTest {

  private static TransmitMockServer server;

  @BeforeAll
  static void startEmulator() {
    server = OrdersConfig.start();
  }

  @AfterAll
  static void stopEmulator() {
    server.close();
  }

  @BeforeEach
  void resetEmulator() {
    server.reset();
  }

  private static TransmitTokenVerifier.Builder verifierFor(String audience) {
    return TransmitTokenVerifier.builder()
        .issuer(server.issuer())
        .jwksUri(server.jwksUri())
        .audience(audience)
        .clock(server.clock());
  }

  private static Reason rejectionOf(TransmitTokenVerifier verifier, String token) {
    TokenRejectedException e =
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
    assertThat(e).as("the token must be rejected").isNotNull();
    assertThat(e.getMessage()).doesNotContain(token);
    return e.reason();
  }

  @Test
  void verifies_an_app_client_token_and_exposes_its_claims() throws Exception {
    IssuedToken issued = server.issueToken(APP_CLIENT, Optional.of(ORDERS), Optional.empty());

    TransmitToken token = verifierFor(ORDERS).build().verify(issued.accessToken());

    assertThat(token.clientId()).isEqualTo(APP_CLIENT);
    assertThat(token.subject()).isEqualTo(APP_CLIENT);
    assertThat(token.tenantId()).contains(TENANT);
    assertThat(token.appName()).contains(APP_NAME);
    assertThat(token.appId()).isPresent();
    assertThat(token.roles()).isEmpty();
    assertThat(token.isAdmin()).isFalse();
    assertThat(token.audience()).containsExactly(ORDERS);
    assertThat(token.issuer()).isEqualTo(OrdersConfig.ISSUER);
    assertThat(token.jti()).contains(issued.jti());
    assertThat(token.issuedAt()).isEqualTo(issued.issuedAt());
    assertThat(token.expiresAt()).isEqualTo(issued.expiresAt());
    assertThat(token.claims()).containsKeys("tid", "app_id", "client_id", "iat", "exp");
    assertThat(token.toString()).doesNotContain(issued.accessToken());
  }

  @Test
  void verifies_a_management_client_token_as_an_admin_token() throws Exception {
    String jwt = server.tokenFor(ADMIN_CLIENT);

    TransmitToken token = verifierFor("userid-api").requireAdmin().build().verify(jwt);

    assertThat(token.isAdmin()).isTrue();
    assertThat(token.roles()).containsExactly("Admin");
    assertThat(token.audience()).containsExactly("userid-api");
  }

  @Test
  void admin_only_verifier_rejects_an_app_token() {
    String jwt = server.tokenFor(APP_CLIENT);
    assertThat(rejectionOf(verifierFor("userid-api").requireAdmin().build(), jwt))
        .isEqualTo(Reason.NOT_ADMIN);
  }

  @Test
  void scopes_requested_at_the_token_endpoint_are_exposed() throws Exception {
    IssuedToken issued =
        server.issueToken(APP_CLIENT, Optional.of(ORDERS), Optional.of("orders:read orders:write"));
    TransmitToken token = verifierFor(ORDERS).build().verify(issued.accessToken());
    assertThat(token.scopes()).containsExactly("orders:read", "orders:write");
    assertThat(token.hasScope("orders:write")).isTrue();
  }

  @Test
  void rejects_a_token_minted_for_another_audience() {
    String jwt = server.tokenFor(APP_CLIENT); // no resource: aud = userid-api
    assertThat(rejectionOf(verifierFor(ORDERS).build(), jwt)).isEqualTo(Reason.WRONG_AUDIENCE);
  }

  @Test
  void rejects_a_token_from_another_issuer() {
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    TransmitTokenVerifier euVerifier =
        TransmitTokenVerifier.builder()
            .region(TransmitRegion.EU)
            .jwksUri(server.jwksUri())
            .audience(ORDERS)
            .build();
    assertThat(rejectionOf(euVerifier, jwt)).isEqualTo(Reason.WRONG_ISSUER);
  }

  @Test
  void rejects_a_token_of_another_tenant_when_the_tenant_is_pinned() throws Exception {
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    assertThat(rejectionOf(verifierFor(ORDERS).tenantId("tnt-other").build(), jwt))
        .isEqualTo(Reason.WRONG_TENANT);
    assertThat(verifierFor(ORDERS).tenantId(TENANT).build().verify(jwt).tenantId())
        .contains(TENANT);
  }

  @Test
  void a_token_expires_to_the_second_on_the_shared_clock() throws Exception {
    server.clock().freeze();
    IssuedToken issued = server.issueToken(APP_CLIENT, Optional.of(ORDERS), Optional.empty());
    TransmitTokenVerifier strict = verifierFor(ORDERS).clockSkew(Duration.ZERO).build();
    TransmitTokenVerifier lenient = verifierFor(ORDERS).build();

    server.clock().set(issued.expiresAt().minusSeconds(1));
    assertThat(strict.verify(issued.accessToken()).clientId()).isEqualTo(APP_CLIENT);

    server.clock().set(issued.expiresAt());
    assertThat(rejectionOf(strict, issued.accessToken())).isEqualTo(Reason.EXPIRED);
    assertThat(lenient.verify(issued.accessToken()).clientId()).isEqualTo(APP_CLIENT);

    server.clock().set(issued.expiresAt().plus(TransmitTokenVerifier.DEFAULT_CLOCK_SKEW));
    assertThat(rejectionOf(lenient, issued.accessToken())).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void a_token_issued_in_the_future_is_not_yet_valid() {
    server.clock().advance(Duration.ofMinutes(10));
    String jwt = server.tokenFor(APP_CLIENT, ORDERS);
    server.clock().reset();
    assertThat(rejectionOf(verifierFor(ORDERS).build(), jwt)).isEqualTo(Reason.NOT_YET_VALID);
  }

  @Test
  void rejects_a_tampered_payload_that_keeps_the_original_signature() throws Exception {
    SignedJWT original = SignedJWT.parse(server.tokenFor(APP_CLIENT, ORDERS));
    String payload =
        original.getPayload().toString().replace("\"" + APP_CLIENT + "\"", "\"attacker\"");
    String tampered =
        original.getHeader().toBase64URL()
            + "."
            + Base64URL.encode(payload)
            + "."
            + original.getSignature();
    assertThat(rejectionOf(verifierFor(ORDERS).build(), tampered)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejects_a_token_signed_by_a_foreign_key_under_a_known_kid() throws Exception {
    SignedJWT original = SignedJWT.parse(server.tokenFor(APP_CLIENT, ORDERS));
    String knownKid = original.getHeader().getKeyID();
    SignedJWT forged = resign(original, new RSAKeyGenerator(2048).keyID(knownKid).generate());
    assertThat(rejectionOf(verifierFor(ORDERS).build(), forged.serialize()))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejects_a_token_whose_kid_is_not_in_the_jwks() throws Exception {
    SignedJWT original = SignedJWT.parse(server.tokenFor(APP_CLIENT, ORDERS));
    SignedJWT forged = resign(original, new RSAKeyGenerator(2048).keyID("not-ours").generate());
    assertThat(rejectionOf(verifierFor(ORDERS).build(), forged.serialize()))
        .isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void rejects_a_token_without_kid() throws Exception {
    SignedJWT original = SignedJWT.parse(server.tokenFor(APP_CLIENT, ORDERS));
    SignedJWT unnamed =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).build(), original.getJWTClaimsSet());
    unnamed.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
    assertThat(rejectionOf(verifierFor(ORDERS).build(), unnamed.serialize()))
        .isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void takes_issuer_and_keys_from_the_discovery_document() throws Exception {
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .discoveryUri(server.discoveryUri())
            .audience(ORDERS)
            .clock(server.clock())
            .build();

    assertThat(verifier.issuer()).isEqualTo(server.issuer());
    assertThat(verifier.verify(server.tokenFor(APP_CLIENT, ORDERS)).clientId())
        .isEqualTo(APP_CLIENT);
  }

  @Test
  void reports_jwks_unavailable_when_discovery_cannot_be_fetched() {
    TransmitTokenVerifier verifier =
        TransmitTokenVerifier.builder()
            .discoveryUri(server.baseUrl().resolve("/no/such/discovery"))
            .audience(ORDERS)
            .build();
    assertThat(rejectionOf(verifier, server.tokenFor(APP_CLIENT, ORDERS)))
        .isEqualTo(Reason.JWKS_UNAVAILABLE);
  }

  private static SignedJWT resign(SignedJWT original, RSAKey key) throws Exception {
    SignedJWT copy =
        new SignedJWT(
            new JWSHeader.Builder(original.getHeader()).keyID(key.getKeyID()).build(),
            original.getJWTClaimsSet());
    copy.sign(new RSASSASigner(key));
    return copy;
  }
}
