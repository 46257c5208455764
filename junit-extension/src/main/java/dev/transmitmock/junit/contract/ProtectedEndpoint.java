package dev.transmitmock.junit.contract;

import java.util.Optional;

/**
 * The one thing a team implements to run the {@link ConsumerContract}: call the protected endpoint
 * of the service under test with an {@code Authorization} header value and answer the HTTP status.
 *
 * <pre>{@code
 * ProtectedEndpoint orders = authorization -> {
 *   HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/orders"));
 *   authorization.ifPresent(value -> request.header("Authorization", value));
 *   return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
 * };
 * }</pre>
 *
 * <p>To check an in-process verifier instead of an HTTP endpoint, answer 200 when it accepts the
 * token and 401 when it throws its rejection exception. Any other exception thrown fails the case
 * as an error of the call itself, not as a verdict on the token.
 */
@FunctionalInterface
public interface ProtectedEndpoint {
  /**
   * Calls the endpoint.
   *
   * @param authorization the {@code Authorization} header value to send, e.g. {@code "Bearer
   *     eyJ..."}; empty: send no {@code Authorization} header at all
   * @return the HTTP status the endpoint answered
   * @throws Exception when the call itself failed (connection refused, timeout, ...)
   */
  int call(Optional<String> authorization) throws Exception;
}
