package dev.transmitmock.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.KeyConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.PemFixtures;
import dev.transmitmock.server.config.SigningAlgorithm;
import dev.transmitmock.server.testing.TestEmulator;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SigningKeysTest {
  static final KeyPair RSA = PemFixtures.rsa(2048);
  static final KeyPair EC = PemFixtures.ec("secp256r1");

  static MockConfig withKeys(KeyConfig... keys) {
    MockConfig.Builder builder = ConfigLoader.embeddedDefault().toBuilder();
    for (KeyConfig key : keys) {
      builder.key(key);
    }
    return builder.build();
  }

  static Stream<Arguments> pemFormats() {
    return Stream.of(
        Arguments.of("PKCS#1", PemFixtures.traditional(RSA), null, SigningAlgorithm.RS256),
        Arguments.of("PKCS#8", PemFixtures.pkcs8(RSA), null, SigningAlgorithm.RS256),
        Arguments.of(
            "encrypted PKCS#8",
            PemFixtures.encryptedPkcs8(RSA, "open sesame"),
            "open sesame",
            SigningAlgorithm.RS256),
        Arguments.of("PKCS#8 for PS256", PemFixtures.pkcs8(RSA), null, SigningAlgorithm.PS256),
        Arguments.of("SEC1 EC", PemFixtures.traditional(EC), null, SigningAlgorithm.ES256),
        Arguments.of("PKCS#8 EC", PemFixtures.pkcs8(EC), null, SigningAlgorithm.ES256));
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("pemFormats")
  void signs_with_a_pem_key_whose_public_half_is_in_the_jwks(
      String format, String pem, String passphrase, SigningAlgorithm algorithm) throws Exception {
    MockConfig config =
        withKeys(
            KeyConfig.builder()
                .kid("pem-key")
                .algorithm(algorithm)
                .pem(pem)
                .passphrase(passphrase)
                .build());
    try (TestEmulator emulator = TestEmulator.start(config)) {
      String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());
      SignedJWT jwt = SignedJWT.parse(token);
      JWKSet jwks = JWKSet.parse(emulator.http().get("/cis/oidc/jwks", Map.of()).body());

      assertThat(jwt.getHeader().getKeyID()).isEqualTo("pem-key");
      assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.parse(algorithm.name()));
      var published = jwks.getKeyByKeyId("pem-key");
      assertThat(published.isPrivate()).isFalse();
      boolean verified =
          published instanceof RSAKey rsa
              ? jwt.verify(new RSASSAVerifier(rsa))
              : jwt.verify(new ECDSAVerifier((ECKey) published));
      assertThat(verified).isTrue();
      assertThat(emulator.http().get("/cis/oidc/.well-known/openid-configuration", Map.of()).body())
          .contains(algorithm.name());
    }
  }

  @Test
  void publishes_every_key_and_signs_with_the_active_one() throws Exception {
    MockConfig config =
        withKeys(
            KeyConfig.builder().kid("old").pem(PemFixtures.pkcs8(RSA)).active(false).build(),
            KeyConfig.builder().kid("new").build());
    try (TestEmulator emulator = TestEmulator.start(config)) {
      JWKSet jwks = JWKSet.parse(emulator.http().get("/oidc/jwks", Map.of()).body());
      String token = emulator.http().accessToken("demo-app", "demo-app-secret", Map.of());

      assertThat(jwks.getKeys()).extracting(k -> k.getKeyID()).containsExactly("old", "new");
      assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo("new");
    }
  }

  @Test
  void uses_the_rfc_7638_thumbprint_as_kid_when_none_is_configured() throws Exception {
    SigningKey key = KeyMaterial.fromKeyPair(RSA, SigningAlgorithm.RS256, Optional.empty());

    assertThat(key.kid()).isEqualTo(key.publicJwk().computeThumbprint().toString());
  }

  static Stream<Arguments> badKeys() {
    return Stream.of(
        Arguments.of(
            KeyConfig.builder()
                .pem(PemFixtures.encryptedPkcs8(RSA, "right"))
                .passphrase("wrong")
                .build(),
            "keys[0].pem: cannot decrypt the private key: wrong passphrase?"),
        Arguments.of(
            KeyConfig.builder().pem(PemFixtures.encryptedPkcs8(RSA, "right")).build(),
            "keys[0].pem: the private key is encrypted: give its passphrase"),
        Arguments.of(
            KeyConfig.builder()
                .pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
                .build(),
            "keys[0].pem: "),
        Arguments.of(
            KeyConfig.builder().pem("hello").build(), "keys[0].pem: no PEM private key found"),
        Arguments.of(
            KeyConfig.builder().pem(PemFixtures.publicKey(RSA)).build(),
            "keys[0].pem: the PEM holds a public key or certificate"),
        Arguments.of(
            KeyConfig.builder().pem(PemFixtures.pkcs8(PemFixtures.rsa(1024))).build(),
            "keys[0].pem: RSA keys must have at least 2048 bits"),
        Arguments.of(
            KeyConfig.builder()
                .algorithm(SigningAlgorithm.ES256)
                .pem(PemFixtures.pkcs8(RSA))
                .build(),
            "keys[0].pem: ES256 needs an EC P-256 key"),
        Arguments.of(
            KeyConfig.builder().pem(PemFixtures.pkcs8(EC)).build(),
            "keys[0].pem: RS256 needs an RSA key"),
        Arguments.of(
            KeyConfig.builder()
                .algorithm(SigningAlgorithm.ES256)
                .pem(PemFixtures.pkcs8(PemFixtures.ec("secp384r1")))
                .build(),
            "keys[0].pem: only EC keys on P-256 are supported"),
        Arguments.of(
            KeyConfig.builder().pemFile(java.nio.file.Path.of("/nonexistent/key.pem")).build(),
            "keys[0].pemFile: cannot read PEM file /nonexistent/key.pem"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badKeys")
  void reports_unusable_keys_with_their_path_and_no_key_material(KeyConfig key, String message) {
    assertThatThrownBy(() -> KeyRing.fromConfig(List.of(key)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("MII");
  }
}
