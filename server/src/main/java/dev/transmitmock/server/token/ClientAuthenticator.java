package dev.transmitmock.server.token;

import dev.transmitmock.server.config.ClientConfig;

/** Checks presented credentials against the registered clients. */
public final class ClientAuthenticator {
  private final ClientRegistry registry;

  public ClientAuthenticator(ClientRegistry registry) {
    this.registry = registry;
  }

  /**
   * The registered client the credentials prove to be.
   *
   * @throws OAuthException 401 {@code invalid_client} for an unknown client, a missing or wrong
   *     secret; the description is the same in every case, as Transmit's is
   */
  public ClientConfig authenticate(PresentedCredentials credentials) {
    ClientConfig client =
        registry
            .client(credentials.clientId())
            .orElseThrow(() -> OAuthError.invalidClient(credentials.usedBasic()).exception());
    if (credentials.secret().isEmpty()
        || !Secrets.matches(credentials.secret().get(), client.clientSecret())) {
      throw OAuthError.invalidClient(credentials.usedBasic()).exception();
    }
    return client;
  }
}
