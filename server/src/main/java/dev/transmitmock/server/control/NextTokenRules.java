package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The pending {@link NextTokenRule}s of one token service, in the order installed. A client's first
 * pending rule answers its next request that authenticates successfully (a wrong secret still gets
 * 401 and consumes nothing): an error rule at once, a token rule when the request would get a token
 * (a request refused for its grant type, scope or resource consumes nothing). Each response
 * consumes one use; a rule with no uses left disappears. {@link #clear()} forgets them all, as the
 * emulator's reset does.
 *
 * <pre>{@code
 * server.nextToken("demo-app").expiresIn(Duration.ofSeconds(5)).install();
 * server.nextTokenRules().rules();   // what is pending, with remaining uses
 * server.nextTokenRules().clear();
 * }</pre>
 *
 * <p>Each token service owns its own rules. Thread-safe.
 */
public final class NextTokenRules {
  private final Object lock = new Object();
  private final List<NextTokenRule> rules = new ArrayList<>();
  private final Predicate<String> knownClient;
  private long nextId = 1;

  /**
   * Rules for the clients {@code knownClient} accepts.
   *
   * @param knownClient whether a client id is registered now
   */
  public NextTokenRules(Predicate<String> knownClient) {
    this.knownClient = requireNonNull(knownClient, "knownClient must not be null");
  }

  /**
   * Installs a rule, returning it with its id.
   *
   * @throws IllegalArgumentException when its client is not registered
   */
  public NextTokenRule add(NextTokenRule rule) {
    requireNonNull(rule, "rule must not be null");
    if (!knownClient.test(rule.clientId())) {
      throw new IllegalArgumentException(
          "clientId: no client " + rule.clientId() + " is registered");
    }
    synchronized (lock) {
      NextTokenRule stored = rule.with("next-token-" + nextId++, rule.times());
      rules.add(stored);
      return stored;
    }
  }

  /**
   * Starts a rule for the client's next successful token request; {@link
   * NextTokenRule.Builder#install()} installs it here.
   *
   * <pre>{@code
   * rules.forClient("demo-app").omit("scope").install();
   * }</pre>
   */
  public NextTokenRule.Builder forClient(String clientId) {
    return new NextTokenRule.Builder(clientId, this);
  }

  /** Installs the rule being built. */
  public NextTokenRule add(NextTokenRule.Builder rule) {
    return add(requireNonNull(rule, "rule must not be null").build());
  }

  /** The pending rules with their remaining uses, in the order they apply. */
  public List<NextTokenRule> rules() {
    synchronized (lock) {
      return List.copyOf(rules);
    }
  }

  /** Removes one rule; true when it was pending. */
  public boolean remove(String id) {
    synchronized (lock) {
      return rules.removeIf(rule -> rule.id().equals(id));
    }
  }

  /** Forgets every rule, returning how many were pending. */
  public int clear() {
    synchronized (lock) {
      int size = rules.size();
      rules.clear();
      return size;
    }
  }

  /**
   * The client's first pending rule, consuming one use, when {@code applies} accepts it; otherwise
   * empty and nothing consumed.
   */
  public Optional<NextTokenRule> takeIf(String clientId, Predicate<NextTokenRule> applies) {
    synchronized (lock) {
      if (rules.isEmpty()) {
        return Optional.empty();
      }
      for (int i = 0; i < rules.size(); i++) {
        NextTokenRule rule = rules.get(i);
        if (rule.clientId().equals(clientId)) {
          if (!applies.test(rule)) {
            return Optional.empty();
          }
          if (rule.times() == 1) {
            rules.remove(i);
          } else {
            rules.set(i, rule.with(rule.id(), rule.times() - 1));
          }
          return Optional.of(rule);
        }
      }
      return Optional.empty();
    }
  }
}
