package dev.transmitmock.server.defects;

import dev.transmitmock.server.config.SigningAlgorithm;
import dev.transmitmock.server.keys.KeyMaterial;
import dev.transmitmock.server.keys.SigningKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys the server never publishes: an attacker's key and one standing for a retired key, one pair
 * per algorithm, generated on first use and kept (so repeated defects use the same keys and
 * generation is paid once). Their {@code kid}s are their RFC 7638 thumbprints, like generated
 * server keys.
 */
final class ForeignKeys {
  private final Map<SigningAlgorithm, SigningKey> attackers = new ConcurrentHashMap<>();
  private final Map<SigningAlgorithm, SigningKey> retired = new ConcurrentHashMap<>();

  SigningKey attacker(SigningAlgorithm algorithm) {
    return attackers.computeIfAbsent(algorithm, a -> KeyMaterial.generate(a, Optional.empty()));
  }

  SigningKey retired(SigningAlgorithm algorithm) {
    return retired.computeIfAbsent(algorithm, a -> KeyMaterial.generate(a, Optional.empty()));
  }
}
