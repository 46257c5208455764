package dev.transmitmock.client;

/**
 * How {@link TransmitTokenClient} presents its client id and secret to the token endpoint. Transmit
 * accepts both; send only one (a request carrying both is rejected as {@code invalid_request}).
 */
public enum ClientAuthentication {
  /** {@code client_id} and {@code client_secret} in the form body, as Transmit's docs show. */
  CLIENT_SECRET_POST,
  /**
   * HTTP Basic with id and secret each form-urlencoded first (RFC 6749 section 2.3.1), so ids and
   * secrets containing {@code :} or non-ASCII characters work.
   */
  CLIENT_SECRET_BASIC
}
