package dev.transmitmock.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.SigningAlgorithm;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpareRsaKeysTest {
  @Test
  void every_key_handed_out_is_a_distinct_2048_bit_pair() {
    Set<BigInteger> moduli = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      KeyPair pair = SpareRsaKeys.take(KeyMaterial.RSA_KEY_SIZE);
      BigInteger modulus = ((RSAPublicKey) pair.getPublic()).getModulus();
      assertThat(modulus.bitLength()).isEqualTo(KeyMaterial.RSA_KEY_SIZE);
      moduli.add(modulus);
    }

    assertThat(moduli).hasSize(4);
  }

  @Test
  void generated_signing_keys_of_two_servers_differ() {
    SigningKey first = KeyMaterial.generate(SigningAlgorithm.RS256, Optional.empty());
    SigningKey second = KeyMaterial.generate(SigningAlgorithm.RS256, Optional.empty());

    assertThat(first.kid()).isNotEqualTo(second.kid());
    assertThat(first.publicJwk()).isNotEqualTo(second.publicJwk());
  }

  @Test
  void other_sizes_are_generated_directly() {
    KeyPair pair = SpareRsaKeys.take(3072);

    assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(3072);
  }
}
