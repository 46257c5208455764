package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fault rules in force. Rules apply to the Transmit endpoints only, never to the {@code /_mock}
 * control API. The first rule (in the order added) that matches a request is used, and one of its
 * remaining uses is consumed; a rule with no uses left disappears.
 *
 * <pre>{@code
 * server.faults().add(FaultRule.on(Endpoint.TOKEN).status(503).times(2));
 * // the next two token requests get 503, the third is answered normally
 * server.faults().clear();
 * }</pre>
 */
public final class Faults {
  private final Object lock = new Object();
  private final List<FaultRule> rules = new ArrayList<>();
  private long nextId = 1;

  /** Adds a rule built from {@code rule}, returning it with its id. */
  public FaultRule add(FaultRule.Builder rule) {
    return add(requireNonNull(rule, "rule must not be null").build());
  }

  /** Adds a rule (its id is replaced by a fresh one), returning it with its id. */
  public FaultRule add(FaultRule rule) {
    requireNonNull(rule, "rule must not be null");
    synchronized (lock) {
      FaultRule stored = rule.with("fault-" + nextId++, rule.times());
      rules.add(stored);
      return stored;
    }
  }

  /** The rules in force, with their remaining uses, in the order they are tried. */
  public List<FaultRule> rules() {
    synchronized (lock) {
      return List.copyOf(rules);
    }
  }

  /** Removes one rule; true when it existed. */
  public boolean remove(String id) {
    synchronized (lock) {
      return rules.removeIf(rule -> rule.id().equals(id));
    }
  }

  /** Removes every rule. */
  public void clear() {
    synchronized (lock) {
      rules.clear();
    }
  }

  /** Whether no rule is in force (a fast path for every request). */
  public boolean isEmpty() {
    synchronized (lock) {
      return rules.isEmpty();
    }
  }

  /**
   * The rule that applies to a request, consuming one of its uses.
   *
   * @param endpoint the endpoint called
   * @param clientId the client id the request presents, if any
   */
  public Optional<FaultRule> take(Endpoint endpoint, Optional<String> clientId) {
    synchronized (lock) {
      for (int i = 0; i < rules.size(); i++) {
        FaultRule rule = rules.get(i);
        if (rule.matches(endpoint, clientId)) {
          if (rule.times().isPresent()) {
            int left = rule.times().getAsInt() - 1;
            if (left == 0) {
              rules.remove(i);
            } else {
              rules.set(i, rule.with(rule.id(), OptionalInt.of(left)));
            }
          }
          return Optional.of(rule);
        }
      }
      return Optional.empty();
    }
  }
}
