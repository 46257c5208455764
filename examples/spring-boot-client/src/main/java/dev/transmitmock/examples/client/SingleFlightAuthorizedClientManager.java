package dev.transmitmock.examples.client;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * One token request in flight per registration and principal: callers that find no valid token wait
 * for the one fetching it, then get the token it stored.
 *
 * <p>Spring Security's managers let every caller that finds the cached token stale fetch its own
 * (spring-projects/spring-security#11461: "wrap calls to these classes in synchronized blocks"). At
 * start-up and at every expiry, a service under load then sends a burst of token requests that
 * Transmit rate-limits. With the lock, the waiting callers find the fresh token in the {@code
 * OAuth2AuthorizedClientService} and send nothing; while a token is fresh, the lock is held for a
 * cache lookup only.
 */
final class SingleFlightAuthorizedClientManager implements OAuth2AuthorizedClientManager {

  private final OAuth2AuthorizedClientManager delegate;
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  SingleFlightAuthorizedClientManager(OAuth2AuthorizedClientManager delegate) {
    this.delegate = requireNonNull(delegate, "delegate must not be null");
  }

  @Override
  public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
    String key = request.getClientRegistrationId() + "\n" + request.getPrincipal().getName();
    ReentrantLock lock = locks.computeIfAbsent(key, ignored -> new ReentrantLock());
    lock.lock();
    try {
      return delegate.authorize(request);
    } finally {
      lock.unlock();
    }
  }
}
