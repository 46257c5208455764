package dev.transmitmock.client;

import static dev.transmitmock.client.OrdersConfig.APP_CLIENT;
import static dev.transmitmock.client.OrdersConfig.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.client.TokenRejectedException.Reason;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.Region;
import dev.transmitmock.server.config.TokenTyp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Emulator configurations Transmit varies on: the {@code typ} header and the region. */
class TokenTypeAndRegionEmulatorTest {

  @ParameterizedTest
  @EnumSource(TokenTyp.class)
  void accepts_at_jwt_jwt_and_absent_typ_by_default(TokenTyp typ) throws Exception {
    try (TransmitMockServer server = OrdersConfig.start(config -> config.tokenTyp(typ))) {
      String jwt = server.tokenFor(APP_CLIENT, ORDERS);
      assertThat(SignedJWT.parse(jwt).getHeader().getType() == null)
          .isEqualTo(typ == TokenTyp.NONE);

      TransmitTokenVerifier verifier =
          TransmitTokenVerifier.builder()
              .issuer(server.issuer())
              .jwksUri(server.jwksUri())
              .audience(ORDERS)
              .build();

      assertThat(verifier.verify(jwt).clientId()).isEqualTo(APP_CLIENT);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TokenTyp.class,
      names = {"JWT", "NONE"})
  void a_strict_access_token_verifier_rejects_other_types(TokenTyp typ) {
    try (TransmitMockServer server = OrdersConfig.start(config -> config.tokenTyp(typ))) {
      TransmitTokenVerifier strict =
          TransmitTokenVerifier.builder()
              .issuer(server.issuer())
              .jwksUri(server.jwksUri())
              .audience(ORDERS)
              .acceptedTypes("at+jwt")
              .requireTypeHeader()
              .build();

      TokenRejectedException e =
          catchThrowableOfType(
              TokenRejectedException.class,
              () -> strict.verify(server.tokenFor(APP_CLIENT, ORDERS)));

      assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
    }
  }

  @ParameterizedTest
  @EnumSource(TransmitRegion.class)
  void region_presets_match_the_issuer_the_emulator_uses_for_that_region(TransmitRegion region)
      throws Exception {
    Region emulated = Region.valueOf(region.name());
    try (TransmitMockServer server =
        OrdersConfig.start(config -> config.region(emulated).issuer(emulated.issuer()))) {
      TransmitTokenVerifier verifier =
          TransmitTokenVerifier.builder()
              .region(region)
              .jwksUri(server.jwksUri()) // keys from the emulator, issuer from the preset
              .audience(ORDERS)
              .build();

      TransmitToken token = verifier.verify(server.tokenFor(APP_CLIENT, ORDERS));

      assertThat(token.issuer()).isEqualTo(region.issuer());
      assertThat(region.apiBaseUri().toString()).isEqualTo(emulated.apiBaseUrl());
    }
  }
}
