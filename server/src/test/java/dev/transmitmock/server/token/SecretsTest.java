package dev.transmitmock.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.config.ClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The constant-time comparison of secrets, and that every secret comparison in the emulator goes
 * through a constant-time primitive.
 */
class SecretsTest {
  @Test
  void equal_secrets_match() {
    assertThat(Secrets.matches("demo-app-secret", "demo-app-secret")).isTrue();
    assertThat(Secrets.matches("", "")).isTrue();
    assertThat(Secrets.matches("sécret-ü-€", "sécret-ü-€")).isTrue();
  }

  @Test
  void secrets_differing_anywhere_or_in_length_do_not_match() {
    String secret = "demo-app-secret";
    assertThat(Secrets.matches("Xemo-app-secret", secret)).isFalse();
    assertThat(Secrets.matches("demo-app-secreX", secret)).isFalse();
    assertThat(Secrets.matches("demo-app-secret ", secret)).isFalse();
    assertThat(Secrets.matches("demo-app-secre", secret)).isFalse();
    assertThat(Secrets.matches("", secret)).isFalse();
    assertThat(Secrets.matches(secret + secret, secret)).isFalse();
    assertThat(Secrets.matches("DEMO-APP-SECRET", secret)).isFalse();
  }

  @Test
  void the_authenticator_accepts_only_the_exact_secret() {
    ClientRegistry registry =
        new ClientRegistry(List.of(ClientConfig.builder("a").secret("right").build()), List.of());
    ClientAuthenticator authenticator = new ClientAuthenticator(registry);

    assertThat(
            authenticator
                .authenticate(
                    new PresentedCredentials(
                        "a",
                        Optional.of("right"),
                        dev.transmitmock.server.config.AuthMethod.CLIENT_SECRET_POST))
                .clientId())
        .isEqualTo("a");
    for (String wrong : List.of("righ", "right ", "Right", "", "rightright")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  authenticator.authenticate(
                      new PresentedCredentials(
                          "a",
                          Optional.of(wrong),
                          dev.transmitmock.server.config.AuthMethod.CLIENT_SECRET_POST)))
          .isInstanceOf(OAuthException.class);
    }
  }

  /**
   * A guard against a future plain {@code equals} on a secret: every main source line that reads a
   * client secret or the control token must be a constant-time comparison or not a comparison.
   */
  @Test
  void every_secret_comparison_in_the_sources_is_constant_time() throws Exception {
    Path sources = Path.of("src", "main", "java");
    List<String> suspicious;
    try (Stream<Path> files = Files.walk(sources)) {
      suspicious =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream().map(l -> f.getFileName() + ": " + l);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .filter(
                  line ->
                      (line.contains("clientSecret()")
                              || line.contains("secret().get()")
                              || line.contains("tokenDigest")
                              || line.contains("controlToken"))
                          && (line.contains(".equals(")
                              || line.contains("equalsIgnoreCase(")
                              || line.contains("compareTo(")
                              || line.contains("contentEquals(")
                              || line.contains("Arrays.equals(")))
              .toList();
    }
    assertThat(suspicious).isEmpty();
  }
}
