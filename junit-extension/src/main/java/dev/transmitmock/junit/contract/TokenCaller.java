package dev.transmitmock.junit.contract;

import java.net.URI;

/**
 * The one thing a team implements to run the {@link ClientContract}: make one call the way the
 * application does, with its token client. Get a token (from the client's cache or the token
 * endpoint) and send it to the downstream API as {@code Authorization: Bearer <token>}; on a 401
 * from the downstream API, do what the application does (e.g. drop the cached token).
 *
 * <pre>{@code
 * TokenCaller orders = downstream -> {
 *   AccessToken token = tokens.accessToken("https://api.orders.example"); // TransmitTokenClient
 *   HttpResponse<Void> answer = http.send(
 *       HttpRequest.newBuilder(downstream.resolve("/orders")).header("Authorization",
 *           token.authorizationHeader()).build(), BodyHandlers.discarding());
 *   if (answer.statusCode() == 401) {
 *     tokens.invalidate("https://api.orders.example");  // the next call fetches a new token
 *   }
 *   if (answer.statusCode() != 200) {
 *     throw new IllegalStateException("downstream answered " + answer.statusCode());
 *   }
 * };
 * }</pre>
 *
 * <p>When the client is buried in an application (a Spring service whose {@code RestClient} adds
 * the token), the call is a request to the application's own endpoint, and the application is
 * configured with the base URL of a {@link DownstreamApi} started before it.
 */
@FunctionalInterface
public interface TokenCaller {
  /**
   * Makes one call.
   *
   * @param downstream the base URL of the downstream API (the kit's {@link DownstreamApi}), e.g.
   *     {@code http://127.0.0.1:41234}; it answers every path
   * @throws Exception when the call failed: the kit expects that while it breaks the token endpoint
   *     on purpose, and reports it as a failure otherwise. Keep secrets and tokens out of the
   *     message, as the application should (the kit redacts what it recognises).
   */
  void call(URI downstream) throws Exception;
}
