package dev.transmitmock.server.control;

/** How a client authenticated at the token, introspection or revocation endpoint. */
public enum AuthMethod {
  /** {@code client_id} and {@code client_secret} in an HTTP Basic header. */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** {@code client_id} and {@code client_secret} in the form body. */
  CLIENT_SECRET_POST("client_secret_post"),
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
}
