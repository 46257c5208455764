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

  @Test
  void keys_are_handed_out_as_jdk_key_objects_that_sign_and_verify_with_the_jdk() throws Exception {
    KeyPair pair = SpareRsaKeys.take(KeyMaterial.RSA_KEY_SIZE);

    assertThat(pair.getPrivate().getClass().getName()).startsWith("sun.security.rsa.");
    assertThat(pair.getPublic().getClass().getName()).startsWith("sun.security.rsa.");
    java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
    signer.initSign(pair.getPrivate());
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void a_key_pair_whose_parameters_do_not_fit_together_is_refused() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(KeyMaterial.RSA_KEY_SIZE);
    KeyPair one = generator.generateKeyPair();
    KeyPair other = generator.generateKeyPair();
    KeyPair mixed = new KeyPair(other.getPublic(), one.getPrivate());

    assertThat(SpareRsaKeys.asJdkKeys(one).getPublic()).isEqualTo(one.getPublic());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpareRsaKeys.asJdkKeys(mixed))
        .isInstanceOf(java.security.GeneralSecurityException.class)
        .hasMessageContaining("inconsistent")
        .hasMessageNotContaining(((RSAPublicKey) one.getPublic()).getModulus().toString());
  }
}
