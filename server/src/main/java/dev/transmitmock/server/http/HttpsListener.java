package dev.transmitmock.server.http;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.pki.ClientCaTrust;
import dev.transmitmock.server.pki.TlsIdentity;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS side of a running emulator: the server identity (configured or generated at start with
 * a generated CA), the Jetty connectors (HTTPS, and HTTP beside it unless turned off), and the CA
 * certificate clients must trust.
 *
 * <p>Client certificates are requested per {@link TlsConfig#clientAuth()} and accepted at the
 * handshake whoever issued them: whether a certificate authenticates a client is decided per client
 * by the token endpoint ({@code tls_client_auth}: the chain must lead to a trusted client CA, see
 * {@link #clientCaTrust()}, and the subject or SAN match; {@code self_signed_tls_client_auth}: the
 * registered thumbprint), as RFC 8705 describes.
 *
 * <pre>{@code
 * HttpsListener https = HttpsListener.create(tlsConfig);
 * Javalin app = httpApi.create(cfg -> https.addConnectors(cfg, "127.0.0.1", 0));
 * app.start();
 * int port = https.httpsPort();
 * }</pre>
 */
public final class HttpsListener {
  /** Subject of the CA generated when no certificate is configured. */
  public static final String GENERATED_CA_SUBJECT = "CN=transmit-mock test CA,O=transmit-mock";

  /** Subject of the server certificate generated when none is configured. */
  public static final String GENERATED_SERVER_SUBJECT = "CN=localhost,O=transmit-mock";

  private final TlsConfig config;
  private final TlsIdentity identity;
  private final X509Certificate caCertificate;
  private final Optional<TlsIdentity> generatedAuthority;
  private final ClientCaTrust clientCaTrust;
  private volatile ServerConnector httpsConnector;
  private volatile ServerConnector httpConnector;

  private HttpsListener(
      TlsConfig config,
      TlsIdentity identity,
      X509Certificate caCertificate,
      Optional<TlsIdentity> generatedAuthority) {
    this.config = config;
    this.identity = identity;
    this.caCertificate = caCertificate;
    this.generatedAuthority = generatedAuthority;
    this.clientCaTrust =
        ClientCaTrust.of(
            config.clientCaCertificates().isEmpty()
                ? List.of(caCertificate)
                : config.clientCaCertificates());
  }

  /**
   * Loads or generates the server identity and writes the CA certificate where configured.
   *
   * @throws IllegalArgumentException when the key store or PEM cannot be used, or the CA file
   *     cannot be written (the message names the file, never a password or key)
   */
  public static HttpsListener create(TlsConfig config) {
    requireNonNull(config, "config must not be null");
    TlsIdentity identity;
    X509Certificate ca;
    TlsIdentity authority = null;
    if (config.keyStore().isPresent()) {
      identity =
          TlsIdentity.fromKeyStore(
              config.keyStore().get(), config.keyStorePassword().orElse("").toCharArray());
      ca = identity.root();
    } else if (config.certificatePem().isPresent()) {
      identity =
          TlsIdentity.fromPem(config.certificatePem().get(), config.privateKeyPem().orElseThrow());
      ca = identity.root();
    } else {
      authority = TlsIdentity.certificateAuthority(GENERATED_CA_SUBJECT);
      List<String> names = new ArrayList<>(TlsConfig.DEFAULT_SUBJECT_ALT_NAMES);
      config.subjectAltNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
      identity = authority.issue(GENERATED_SERVER_SUBJECT, names);
      ca = authority.certificate();
    }
    HttpsListener listener =
        new HttpsListener(config, identity, ca, Optional.ofNullable(authority));
    config.caCertificateOut().ifPresent(listener::writeCaCertificate);
    return listener;
  }

  private void writeCaCertificate(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, caCertificatePem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot write the CA certificate to " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * Adds the HTTPS connector, and the HTTP connector first unless {@link TlsConfig#httpEnabled()}
   * is false, to a Javalin configuration. Javalin then adds no default connector of its own.
   */
  public void addConnectors(JavalinConfig cfg, String host, int httpPort) {
    if (config.httpEnabled()) {
      cfg.jetty.addConnector(
          (server, httpConfig) -> {
            ServerConnector connector =
                new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost(host);
            connector.setPort(httpPort);
            httpConnector = connector;
            return connector;
          });
    }
    cfg.jetty.addConnector(
        (server, httpConfig) -> {
          HttpConfiguration https = new HttpConfiguration(httpConfig);
          SecureRequestCustomizer secure = new SecureRequestCustomizer();
          // Clients reach the emulator by many names (container names, IPs); never refuse them.
          secure.setSniHostCheck(false);
          secure.setSniRequired(false);
          https.addCustomizer(secure);
          ServerConnector connector =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(sslContextFactory(), HttpVersion.HTTP_1_1.asString()),
                  new HttpConnectionFactory(https));
          connector.setHost(host);
          connector.setPort(config.port());
          httpsConnector = connector;
          return connector;
        });
  }

  private SslContextFactory.Server sslContextFactory() {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(sslContext());
    factory.setSniRequired(false);
    switch (config.clientAuth()) {
      case NEED -> factory.setNeedClientAuth(true);
      case WANT -> factory.setWantClientAuth(true);
      default -> {}
    }
    return factory;
  }

  private SSLContext sslContext() {
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      char[] password = new char[0];
      keyManagers.init(identity.keyStore(password), password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers.getKeyManagers(),
          new javax.net.ssl.TrustManager[] {new AnyClientCertificate()},
          new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the server's SSL context", e);
    }
  }

  /** The HTTPS port, once started. */
  public int httpsPort() {
    ServerConnector connector = httpsConnector;
    if (connector == null || connector.getLocalPort() <= 0) {
      throw new IllegalStateException("HTTPS is not listening: call start() first");
    }
    return connector.getLocalPort();
  }

  /** The HTTP port, once started; empty when plain HTTP is off. */
  public Optional<Integer> httpPort() {
    ServerConnector connector = httpConnector;
    if (!config.httpEnabled() || connector == null || connector.getLocalPort() <= 0) {
      return Optional.empty();
    }
    return Optional.of(connector.getLocalPort());
  }

  /** The configuration. */
  public TlsConfig config() {
    return config;
  }

  /** The server's key and certificate chain. */
  public TlsIdentity identity() {
    return identity;
  }

  /** The server's certificate (the leaf). */
  public X509Certificate certificate() {
    return identity.certificate();
  }

  /** The certificate clients must trust: the generated CA, or the configured chain's last one. */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** {@link #caCertificate()} in PEM. */
  public String caCertificatePem() {
    return TlsIdentity.pem(caCertificate);
  }

  /**
   * The CAs a {@code tls_client_auth} client certificate must chain to: {@link
   * TlsConfig#clientCaCertificates()}, or when none are configured {@link #caCertificate()} (the
   * generated CA, or the configured chain's last certificate).
   */
  public ClientCaTrust clientCaTrust() {
    return clientCaTrust;
  }

  /**
   * A new client certificate (EC P-256) issued by the generated CA, for {@code tls_client_auth}
   * tests without openssl: trusted by default, since the generated CA is the default client CA.
   *
   * <pre>{@code
   * TlsIdentity client = https.issueClientCertificate("CN=orders-svc,O=Acme", List.of());
   * SSLContext tls = client.sslContext(https.caCertificate());
   * }</pre>
   *
   * @param subjectAltNames DNS names, IP addresses, URIs ({@code scheme:...}) or emails ({@code
   *     a@b}); may be empty
   * @throws IllegalStateException when the server certificate was configured (key store or PEM):
   *     the emulator then holds no CA key
   */
  public TlsIdentity issueClientCertificate(String subjectDn, List<String> subjectAltNames) {
    requireNonNull(subjectDn, "subjectDn must not be null");
    requireNonNull(subjectAltNames, "subjectAltNames must not be null");
    TlsIdentity authority =
        generatedAuthority.orElseThrow(
            () ->
                new IllegalStateException(
                    "the server certificate is configured (keyStore or certificatePem), so the"
                        + " emulator holds no CA key to issue client certificates with; issue"
                        + " them from your own CA and trust it with tls.clientCaCertificates"));
    return authority.issue(subjectDn, subjectAltNames);
  }

  /**
   * Accepts every client certificate at the handshake: whether it authenticates a client is decided
   * per client by the token endpoint. Advertises no CA names, so clients present whatever
   * certificate they hold.
   */
  private static final class AnyClientCertificate extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("the emulator is never a TLS client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new UnsupportedOperationException("the emulator is never a TLS client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new UnsupportedOperationException("the emulator is never a TLS client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
