package dev.transmitmock.testcontainers;

/**
 * How a client authenticates at the token endpoint ({@code tokenEndpointAuthMethod} in the
 * emulator's config and control API).
 *
 * <pre>{@code
 * ClientDefinition post = ClientDefinition.app("orders-svc", "orders-secret")
 *     .tokenEndpointAuthMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST).build();
 * }</pre>
 */
public enum TokenEndpointAuthMethod {
  /** The secret in the form body or an HTTP Basic header (the emulator's default). */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** The secret in the form body only. */
  CLIENT_SECRET_POST("client_secret_post"),
  /** A client assertion JWT signed with the client's private key (RFC 7523). */
  PRIVATE_KEY_JWT("private_key_jwt"),
  /** A client certificate from a CA, matched by subject DN or SAN (RFC 8705). */
  TLS_CLIENT_AUTH("tls_client_auth"),
  /** A self-signed client certificate, matched by thumbprint or registered key (RFC 8705). */
  SELF_SIGNED_TLS_CLIENT_AUTH("self_signed_tls_client_auth"),
  /**
   * Only the {@code client_id}: a public client (a PKCE app), which may not use client credentials
   * (its token requests get "requested grant type is not allowed for this client").
   */
  NONE("none");

  private final String wireName;

  TokenEndpointAuthMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire and in config files, e.g. {@code private_key_jwt}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the client authenticates with a shared secret. */
  public boolean usesSecret() {
    return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
  }

  /** Whether the client authenticates with a certificate in the TLS handshake (needs HTTPS). */
  public boolean usesTlsCertificate() {
    return this == TLS_CLIENT_AUTH || this == SELF_SIGNED_TLS_CLIENT_AUTH;
  }
}
