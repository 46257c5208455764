package dev.transmitmock.server.config;

/** How a client authenticated at the token, introspection or revocation endpoint. */
public enum AuthMethod {
  /** {@code client_id} and {@code client_secret} in an HTTP Basic header. */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** {@code client_id} and {@code client_secret} in the form body. */
  CLIENT_SECRET_POST("client_secret_post"),
  /** A {@code client_assertion} JWT signed with the client's private key (RFC 7523). */
  PRIVATE_KEY_JWT("private_key_jwt"),
  /** A PKI client certificate in the TLS handshake, matched by subject DN or SAN (RFC 8705). */
  TLS_CLIENT_AUTH("tls_client_auth"),
  /** A registered self-signed client certificate in the TLS handshake (RFC 8705). */
  SELF_SIGNED_TLS_CLIENT_AUTH("self_signed_tls_client_auth"),
  /** Only a {@code client_id}, or nothing usable. */
  NONE("none");

  private final String wireName;

  AuthMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The RFC 7591 name ({@code client_secret_basic}). */
  public String wireName() {
    return wireName;
  }

  /** The method with this RFC 7591 name, if any. */
  public static java.util.Optional<AuthMethod> byWireName(String name) {
    for (AuthMethod method : values()) {
      if (method.wireName.equals(name)) {
        return java.util.Optional.of(method);
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the client proves itself with a shared secret (Basic or form body). */
  public boolean usesSecret() {
    return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
  }

  /** Whether the client proves itself with a certificate in the TLS handshake. */
  public boolean usesCertificate() {
    return this == TLS_CLIENT_AUTH || this == SELF_SIGNED_TLS_CLIENT_AUTH;
  }
}
