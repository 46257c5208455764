package dev.transmitmock.protocol;

import java.util.Set;

/**
 * The environment variables the runnable jar and the Docker image read, all starting with {@value
 * #PREFIX}. An unknown {@code TRANSMIT_MOCK_*} variable is an error, so {@link #KNOWN} is the
 * complete list.
 *
 * <pre>{@code
 * container.withEnv(EnvironmentVariables.CONTROL_TOKEN, "s3cret");
 * }</pre>
 */
public final class EnvironmentVariables {
  /** Prefix of every variable the emulator reads. */
  public static final String PREFIX = "TRANSMIT_MOCK_";

  public static final String CONFIG = PREFIX + "CONFIG";
  public static final String CONFIG_INLINE = PREFIX + "CONFIG_INLINE";
  public static final String HOST = PREFIX + "HOST";
  public static final String PORT = PREFIX + "PORT";
  public static final String ISSUER = PREFIX + "ISSUER";
  public static final String REGION = PREFIX + "REGION";
  public static final String TENANT_ID = PREFIX + "TENANT_ID";
  public static final String TOKEN_LIFETIME = PREFIX + "TOKEN_LIFETIME";
  public static final String PUBLIC_BASE_URL = PREFIX + "PUBLIC_BASE_URL";
  public static final String TOKEN_TYP = PREFIX + "TOKEN_TYP";
  public static final String ERROR_STYLE = PREFIX + "ERROR_STYLE";

  /** {@code true} adds the reason of a failed request to error bodies ({@code verboseErrors}). */
  public static final String VERBOSE_ERRORS = PREFIX + "VERBOSE_ERRORS";

  public static final String CONTROL_ENABLED = PREFIX + "CONTROL_ENABLED";
  public static final String CONTROL_TOKEN = PREFIX + "CONTROL_TOKEN";

  /** {@code true} or {@code false}: the HTTPS listener ({@code tls.enabled}). */
  public static final String TLS_ENABLED = PREFIX + "TLS_ENABLED";

  /** The HTTPS port ({@code tls.port}); setting it turns HTTPS on. */
  public static final String HTTPS_PORT = PREFIX + "HTTPS_PORT";

  /** {@code false} serves HTTPS only ({@code tls.httpEnabled}). */
  public static final String HTTP_ENABLED = PREFIX + "HTTP_ENABLED";

  /** A PKCS#12 key store file ({@code tls.keyStore}). */
  public static final String TLS_KEYSTORE = PREFIX + "TLS_KEYSTORE";

  /** The key store password ({@code tls.keyStorePassword}); never printed. */
  public static final String TLS_KEYSTORE_PASSWORD = PREFIX + "TLS_KEYSTORE_PASSWORD";

  /** The server certificate chain: PEM text or a PEM file ({@code tls.certificatePem}). */
  public static final String TLS_CERTIFICATE_PEM = PREFIX + "TLS_CERTIFICATE_PEM";

  /** The server private key: PEM text or a PEM file ({@code tls.privateKeyPem}). */
  public static final String TLS_PRIVATE_KEY_PEM = PREFIX + "TLS_PRIVATE_KEY_PEM";

  /** {@code none}, {@code want} or {@code need} ({@code tls.clientAuth}). */
  public static final String TLS_CLIENT_AUTH = PREFIX + "TLS_CLIENT_AUTH";

  /** Comma-separated extra names of a generated certificate ({@code tls.subjectAltNames}). */
  public static final String TLS_SUBJECT_ALT_NAMES = PREFIX + "TLS_SUBJECT_ALT_NAMES";

  /** Where to write the CA certificate PEM at start ({@code tls.caCertificateOut}). */
  public static final String TLS_CA_OUT = PREFIX + "TLS_CA_OUT";

  /**
   * CAs {@code tls_client_auth} certificates must chain to ({@code tls.clientCaCertificates}): PEM
   * text (one or more certificates) or comma-separated PEM files; added to the config's.
   */
  public static final String TLS_CLIENT_CA_CERTIFICATES = PREFIX + "TLS_CLIENT_CA_CERTIFICATES";

  /** {@code false} turns native (ACCP) RSA signing off; read by {@code keys.NativeCrypto}. */
  public static final String NATIVE_CRYPTO = PREFIX + "NATIVE_CRYPTO";

  /** Every variable the emulator understands. */
  public static final Set<String> KNOWN =
      Set.of(
          CONFIG,
          CONFIG_INLINE,
          HOST,
          PORT,
          ISSUER,
          REGION,
          TENANT_ID,
          TOKEN_LIFETIME,
          PUBLIC_BASE_URL,
          TOKEN_TYP,
          ERROR_STYLE,
          VERBOSE_ERRORS,
          CONTROL_ENABLED,
          CONTROL_TOKEN,
          NATIVE_CRYPTO,
          TLS_ENABLED,
          HTTPS_PORT,
          HTTP_ENABLED,
          TLS_KEYSTORE,
          TLS_KEYSTORE_PASSWORD,
          TLS_CERTIFICATE_PEM,
          TLS_PRIVATE_KEY_PEM,
          TLS_CLIENT_AUTH,
          TLS_SUBJECT_ALT_NAMES,
          TLS_CA_OUT,
          TLS_CLIENT_CA_CERTIFICATES);

  private EnvironmentVariables() {}
}
