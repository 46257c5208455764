package dev.transmitmock.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import dev.transmitmock.server.config.SigningAlgorithm;
import java.security.Provider;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {
  static final SigningKey RS256 = KeyMaterial.generate(SigningAlgorithm.RS256, Optional.of("rs"));
  static final SigningKey PS256 = KeyMaterial.generate(SigningAlgorithm.PS256, Optional.of("ps"));
  static final SigningKey ES256 = KeyMaterial.generate(SigningAlgorithm.ES256, Optional.of("es"));

  static boolean accpPlatform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  static Provider accp() {
    NativeCrypto.Status status =
        new NativeCrypto(true, NativeCrypto.ACCP_CLASS).awaitStatus(Duration.ofSeconds(30));
    assertThat(status.isNative()).as(status.description()).isTrue();
    return status.provider().orElseThrow();
  }

  static boolean verifiesWithTheJdk(SigningKey key, JWSSigner signer) throws Exception {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(key.jwsAlgorithm()).keyID(key.kid()).build(),
            new Payload(Map.of("sub", "demo-app")));
    jws.sign(signer);
    JWSObject parsed = JWSObject.parse(jws.serialize());
    return parsed.verify(new RSASSAVerifier(((RSAKey) key.publicJwk()).toRSAPublicKey()));
  }

  @Test
  void is_on_unless_the_property_or_the_variable_says_false() {
    assertThat(NativeCrypto.enabled(Map.of(), null)).isTrue();
    assertThat(NativeCrypto.enabled(Map.of(NativeCrypto.ENV, "true"), null)).isTrue();
    assertThat(NativeCrypto.enabled(Map.of(NativeCrypto.ENV, "false"), null)).isFalse();
    assertThat(NativeCrypto.enabled(Map.of(NativeCrypto.ENV, " FALSE "), null)).isFalse();
    assertThat(NativeCrypto.enabled(Map.of(), "false")).isFalse();
    assertThat(NativeCrypto.enabled(Map.of(NativeCrypto.ENV, "false"), "true")).isTrue();
  }

  @Test
  void turned_off_it_reports_the_jdk_and_why() {
    NativeCrypto off = new NativeCrypto(false, NativeCrypto.ACCP_CLASS);

    NativeCrypto.Status status = off.awaitStatus(Duration.ofSeconds(5));

    assertThat(status.isNative()).isFalse();
    assertThat(status.description()).contains("JDK").contains("turned off");
    assertThat(off.current()).isEmpty();
  }

  @Test
  void falls_back_to_the_jdk_when_the_provider_is_not_on_the_class_path() {
    NativeCrypto absent = new NativeCrypto(true, "com.example.NoSuchProvider");

    NativeCrypto.Status status = absent.awaitStatus(Duration.ofSeconds(5));

    assertThat(status.isNative()).isFalse();
    assertThat(status.description()).contains("not on the class path");
    assertThat(absent.current()).isEmpty();
  }

  @Test
  void without_a_native_provider_rsa_tokens_are_signed_by_the_jdk_and_verify() throws Exception {
    JWSSigner signer = RS256.signerFor(Optional.empty());

    assertThat(((RSASSASigner) signer).getJCAContext().getProvider()).isNull();
    assertThat(verifiesWithTheJdk(RS256, signer)).isTrue();
  }

  @Test
  void loads_the_native_provider_on_linux_x86_64() {
    assumeTrue(accpPlatform(), "ACCP's linux-x86_64 classifier loads on Linux x86-64 only");

    assertThat(accp().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
  }

  @Test
  void with_the_native_provider_rs256_tokens_are_signed_natively_and_verify_with_the_jdk()
      throws Exception {
    assumeTrue(accpPlatform(), "ACCP's linux-x86_64 classifier loads on Linux x86-64 only");
    Provider accp = accp();

    JWSSigner signer = RS256.signerFor(Optional.of(accp));

    assertThat(((RSASSASigner) signer).getJCAContext().getProvider()).isSameAs(accp);
    assertThat(verifiesWithTheJdk(RS256, signer)).isTrue();
    assertThat(RS256.signerFor(Optional.of(accp))).isSameAs(signer);
  }

  @Test
  void ps256_tokens_verify_whichever_provider_signs() throws Exception {
    assumeTrue(accpPlatform(), "ACCP's linux-x86_64 classifier loads on Linux x86-64 only");

    assertThat(verifiesWithTheJdk(PS256, PS256.signerFor(Optional.of(accp())))).isTrue();
    assertThat(PS256.jwsAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
  }

  @Test
  void ec_keys_keep_the_jdk_signer() {
    assumeTrue(accpPlatform(), "ACCP's linux-x86_64 classifier loads on Linux x86-64 only");

    assertThat(ES256.signerFor(Optional.of(accp()))).isSameAs(ES256.signerFor(Optional.empty()));
  }

  @Test
  void the_default_signer_verifies_before_and_after_the_provider_has_loaded() throws Exception {
    assertThat(verifiesWithTheJdk(RS256, RS256.signer())).isTrue();

    NativeCrypto.Status status = NativeCrypto.await(Duration.ofSeconds(30));
    JWSSigner after = RS256.signer();

    assertThat(verifiesWithTheJdk(RS256, after)).isTrue();
    assertThat(((RSASSASigner) after).getJCAContext().getProvider())
        .isEqualTo(status.provider().orElse(null));
  }
}
