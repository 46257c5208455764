package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A signing key: generated at start, or read from a PEM file or inline PEM text (PKCS#1, PKCS#8 or
 * encrypted PKCS#8 with a passphrase).
 *
 * <pre>{@code
 * KeyConfig key = KeyConfig.builder().kid("prod-2026").pemFile(Path.of("key.pem")).build();
 * }</pre>
 *
 * @param kid the key id; empty means the key's RFC 7638 thumbprint
 * @param algorithm the JWS algorithm signed with
 * @param pemFile a PEM file holding the private key
 * @param pem inline PEM text holding the private key; never printed
 * @param passphrase the passphrase of an encrypted key; never printed
 * @param active whether this key signs new tokens (exactly one key is active)
 */
public record KeyConfig(
    Optional<String> kid,
    SigningAlgorithm algorithm,
    Optional<Path> pemFile,
    Optional<String> pem,
    Optional<String> passphrase,
    boolean active) {

  public KeyConfig {
    requireNonNull(kid, "kid must not be null");
    requireNonNull(algorithm, "algorithm must not be null");
    requireNonNull(pemFile, "pemFile must not be null");
    requireNonNull(pem, "pem must not be null");
    requireNonNull(passphrase, "passphrase must not be null");
    if (pemFile.isPresent() && pem.isPresent()) {
      throw new IllegalArgumentException("a key takes pemFile or pem, not both");
    }
  }

  /** Whether the key is generated at start rather than read from PEM. */
  public boolean generated() {
    return pemFile.isEmpty() && pem.isEmpty();
  }

  /** Starts a key definition (RS256, generated, active unless told otherwise). */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "KeyConfig[kid="
        + kid.orElse("(thumbprint)")
        + ", algorithm="
        + algorithm
        + ", source="
        + pemFile.map(Path::toString).orElse(pem.isPresent() ? "inline PEM" : "generated")
        + ", active="
        + active
        + "]";
  }

  /** Builds {@link KeyConfig}s. */
  public static final class Builder {
    private String kid;
    private SigningAlgorithm algorithm = SigningAlgorithm.RS256;
    private Path pemFile;
    private String pem;
    private String passphrase;
    private boolean active = true;

    private Builder() {}

    /** The key id; default the key's RFC 7638 thumbprint. */
    public Builder kid(String kid) {
      this.kid = kid;
      return this;
    }

    /** RS256 (default), PS256 or ES256. */
    public Builder algorithm(SigningAlgorithm algorithm) {
      this.algorithm = requireNonNull(algorithm, "algorithm must not be null");
      return this;
    }

    /** Reads the private key from a PEM file. */
    public Builder pemFile(Path pemFile) {
      this.pemFile = pemFile;
      return this;
    }

    /** Reads the private key from PEM text. */
    public Builder pem(String pem) {
      this.pem = pem;
      return this;
    }

    /** The passphrase of an encrypted PEM key. */
    public Builder passphrase(String passphrase) {
      this.passphrase = passphrase;
      return this;
    }

    /** Whether this key signs new tokens; exactly one key is active. */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Builds the key definition. */
    public KeyConfig build() {
      return new KeyConfig(
          Optional.ofNullable(kid),
          algorithm,
          Optional.ofNullable(pemFile),
          Optional.ofNullable(pem),
          Optional.ofNullable(passphrase),
          active);
    }
  }
}
