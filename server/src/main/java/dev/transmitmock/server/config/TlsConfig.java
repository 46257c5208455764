package dev.transmitmock.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTPS listener: off by default. On, the emulator serves every route over TLS too, on its own
 * port, from a configured PKCS#12 key store, a PEM key and certificate, or a certificate generated
 * at start and signed by a generated CA whose certificate tests can trust ({@code
 * TransmitMockServer.caCertificatePem()}, {@code GET /_mock/tls/ca.pem}, {@link
 * #caCertificateOut()}).
 *
 * <pre>{@code
 * TlsConfig generated = TlsConfig.builder().port(0).build();  // enabled, self-signed, want client auth
 * TlsConfig pkcs12 = TlsConfig.builder().port(8443)
 *     .keyStore(Path.of("server.p12"), "changeit").clientAuth(ClientAuthMode.NEED).build();
 * TlsConfig pem = TlsConfig.builder().certificatePem(certPem).privateKeyPem(keyPem).build();
 * TlsConfig pki = TlsConfig.builder().clientCaCertificatesPem(Files.readString(Path.of("ca.pem")))
 *     .build(); // tls_client_auth certificates must chain to ca.pem
 * }</pre>
 *
 * <p>{@code tls_client_auth} client certificates must chain to one of {@link
 * #clientCaCertificates()}; when none are configured they must chain to the emulator's own CA (the
 * generated CA, or the configured chain's last certificate), from which tests issue client
 * certificates with {@code TransmitMockServer.issueClientCertificate(...)}.
 *
 * @param enabled whether the HTTPS listener is started
 * @param port the HTTPS port; 0 picks a free one
 * @param httpEnabled whether the plain HTTP listener keeps running beside it
 * @param keyStore a PKCS#12 file with the server key and certificate chain
 * @param keyStorePassword the key store password; never printed
 * @param certificatePem the server certificate chain in PEM (leaf first)
 * @param privateKeyPem the server private key in PEM; never printed
 * @param clientAuth whether client certificates are requested
 * @param subjectAltNames names added to a generated certificate besides localhost, 127.0.0.1, ::1
 * @param caCertificateOut where to write the CA certificate (PEM) at start
 * @param clientCaCertificates the CAs {@code tls_client_auth} certificates must chain to; empty:
 *     the emulator's own CA
 */
public record TlsConfig(
    boolean enabled,
    int port,
    boolean httpEnabled,
    Optional<Path> keyStore,
    Optional<String> keyStorePassword,
    Optional<String> certificatePem,
    Optional<String> privateKeyPem,
    ClientAuthMode clientAuth,
    List<String> subjectAltNames,
    Optional<Path> caCertificateOut,
    List<X509Certificate> clientCaCertificates) {

  /** No HTTPS listener. */
  public static final TlsConfig DISABLED = builder().enabled(false).build();

  /** Names every generated server certificate carries. */
  public static final List<String> DEFAULT_SUBJECT_ALT_NAMES =
      List.of("localhost", "127.0.0.1", "::1");

  public TlsConfig {
    requireNonNull(keyStore, "keyStore must not be null");
    requireNonNull(keyStorePassword, "keyStorePassword must not be null");
    requireNonNull(certificatePem, "certificatePem must not be null");
    requireNonNull(privateKeyPem, "privateKeyPem must not be null");
    requireNonNull(clientAuth, "clientAuth must not be null");
    requireNonNull(caCertificateOut, "caCertificateOut must not be null");
    subjectAltNames = List.copyOf(subjectAltNames);
    clientCaCertificates = List.copyOf(clientCaCertificates);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("tls.port must be between 0 and 65535, was " + port);
    }
    if (keyStore.isPresent() && (certificatePem.isPresent() || privateKeyPem.isPresent())) {
      throw new IllegalArgumentException(
          "tls: give either keyStore or certificatePem with privateKeyPem, not both");
    }
    if (certificatePem.isPresent() != privateKeyPem.isPresent()) {
      throw new IllegalArgumentException(
          "tls: certificatePem and privateKeyPem go together; one of them is missing");
    }
  }

  /**
   * Starts an enabled configuration: free port, generated certificate, client auth {@code want}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .enabled(enabled)
            .port(port)
            .httpEnabled(httpEnabled)
            .clientAuth(clientAuth)
            .subjectAltNames(subjectAltNames);
    keyStore.ifPresent(path -> builder.keyStore(path, keyStorePassword.orElse("")));
    if (certificatePem.isPresent()) {
      builder.certificatePem(certificatePem.get()).privateKeyPem(privateKeyPem.orElseThrow());
    }
    caCertificateOut.ifPresent(builder::caCertificateOut);
    clientCaCertificates.forEach(builder::clientCaCertificate);
    return builder;
  }

  /** Whether the certificate is generated at start (no key store, no PEM given). */
  public boolean generatesCertificate() {
    return keyStore.isEmpty() && certificatePem.isEmpty();
  }

  @Override
  public String toString() {
    return "TlsConfig[enabled="
        + enabled
        + ", port="
        + port
        + ", httpEnabled="
        + httpEnabled
        + ", certificate="
        + (keyStore.isPresent()
            ? "keyStore " + keyStore.get()
            : certificatePem.isPresent() ? "PEM" : "generated")
        + ", clientAuth="
        + clientAuth.configName()
        + ", clientCaCertificates="
        + (clientCaCertificates.isEmpty() ? "(the emulator's CA)" : clientCaCertificates.size())
        + "]";
  }

  /** Builds {@link TlsConfig}s. */
  public static final class Builder {
    private boolean enabled = true;
    private int port;
    private boolean httpEnabled = true;
    private Path keyStore;
    private String keyStorePassword;
    private String certificatePem;
    private String privateKeyPem;
    private ClientAuthMode clientAuth = ClientAuthMode.WANT;
    private final List<String> subjectAltNames = new ArrayList<>();
    private Path caCertificateOut;
    private final List<X509Certificate> clientCaCertificates = new ArrayList<>();

    private Builder() {}

    /** Whether HTTPS is served (default true for a builder). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** The HTTPS port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Whether plain HTTP is served beside HTTPS (default true). */
    public Builder httpEnabled(boolean httpEnabled) {
      this.httpEnabled = httpEnabled;
      return this;
    }

    /** A PKCS#12 key store holding the server key and certificate chain. */
    public Builder keyStore(Path keyStore, String password) {
      this.keyStore = requireNonNull(keyStore, "keyStore must not be null");
      this.keyStorePassword = requireNonNull(password, "password must not be null");
      return this;
    }

    /** The server certificate chain in PEM, leaf first. */
    public Builder certificatePem(String pem) {
      this.certificatePem = requireNonNull(pem, "pem must not be null");
      return this;
    }

    /** The server private key in PEM (PKCS#8, PKCS#1 or SEC1). */
    public Builder privateKeyPem(String pem) {
      this.privateKeyPem = requireNonNull(pem, "pem must not be null");
      return this;
    }

    /** Whether client certificates are requested (default {@link ClientAuthMode#WANT}). */
    public Builder clientAuth(ClientAuthMode clientAuth) {
      this.clientAuth = requireNonNull(clientAuth, "clientAuth must not be null");
      return this;
    }

    /** Extra DNS names or IP addresses for a generated certificate (e.g. a container's name). */
    public Builder subjectAltNames(List<String> names) {
      requireNonNull(names, "names must not be null").forEach(this::subjectAltName);
      return this;
    }

    /** One extra DNS name or IP address for a generated certificate. */
    public Builder subjectAltName(String name) {
      requireNonNull(name, "name must not be null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a subject alternative name must not be blank");
      }
      if (!subjectAltNames.contains(name.trim())) {
        subjectAltNames.add(name.trim());
      }
      return this;
    }

    /** Writes the CA certificate (PEM) to this file at start. */
    public Builder caCertificateOut(Path file) {
      this.caCertificateOut = requireNonNull(file, "file must not be null");
      return this;
    }

    /**
     * Trusts this CA for {@code tls_client_auth} client certificates (RFC 8705 section 2.1). Once
     * any is given, the emulator's own CA is no longer trusted for them unless added too.
     */
    public Builder clientCaCertificate(X509Certificate caCertificate) {
      requireNonNull(caCertificate, "caCertificate must not be null");
      if (!clientCaCertificates.contains(caCertificate)) {
        clientCaCertificates.add(caCertificate);
      }
      return this;
    }

    /**
     * Trusts every CA certificate in this PEM text for {@code tls_client_auth} client certificates.
     *
     * @throws IllegalArgumentException when the text holds no readable certificate
     */
    public Builder clientCaCertificatesPem(String pem) {
      List<X509Certificate> certificates = PemCertificates.read(pem);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "tls.clientCaCertificates: no PEM certificate found (expected BEGIN CERTIFICATE)");
      }
      certificates.forEach(this::clientCaCertificate);
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalArgumentException for contradicting settings
     */
    public TlsConfig build() {
      return new TlsConfig(
          enabled,
          port,
          httpEnabled,
          Optional.ofNullable(keyStore),
          Optional.ofNullable(keyStorePassword),
          Optional.ofNullable(certificatePem),
          Optional.ofNullable(privateKeyPem),
          clientAuth,
          subjectAltNames,
          Optional.ofNullable(caCertificateOut),
          clientCaCertificates);
    }
  }
}
