package dev.transmitmock.server.keys;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.KeyConfig;
import dev.transmitmock.server.config.SigningAlgorithm;
import dev.transmitmock.server.pki.PemKeyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The emulator's signing keys: the published ones (in the JWKS), the one active key that signs new
 * tokens, and retired ones (gone from the JWKS, kept to mint tokens a consumer must now reject).
 *
 * <p>Every change swaps one immutable {@link State}, so a request sees either the old or the new
 * key set, never half of a change. Generated keys are made on a background thread so that key
 * generation overlaps server start-up instead of adding to it.
 */
public final class KeyRing {
  private static final String WARM_UP_INPUT = "eyJhbGciOiJSUzI1NiJ9.e30";
  private final CompletableFuture<State> initial;
  private final AtomicReference<State> state = new AtomicReference<>();

  private KeyRing(CompletableFuture<State> initial) {
    this.initial = initial;
  }

  /**
   * Builds the keys a configuration describes. PEM keys are read at once (so that errors surface at
   * start); generated keys are made in the background.
   *
   * @throws ConfigException naming {@code keys[i]} when a PEM key cannot be used
   */
  public static KeyRing fromConfig(List<KeyConfig> configs) {
    if (configs.isEmpty()) {
      return new KeyRing(
          CompletableFuture.supplyAsync(
              () ->
                  State.of(
                      List.of(
                          warmedUp(
                              KeyMaterial.generate(SigningAlgorithm.RS256, Optional.empty()))))));
    }
    List<SigningKey> fromPem = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      KeyConfig config = configs.get(i);
      if (!config.generated()) {
        fromPem.add(readPem(config, "keys[" + i + "]"));
      } else {
        fromPem.add(null);
      }
    }
    List<String> kids = new ArrayList<>();
    for (int i = 0; i < fromPem.size(); i++) {
      if (fromPem.get(i) != null) {
        String kid = fromPem.get(i).kid();
        if (kids.contains(kid)) {
          throw ConfigException.at("keys[" + i + "]", "duplicate kid " + kid);
        }
        kids.add(kid);
      }
    }
    return new KeyRing(
        CompletableFuture.supplyAsync(
            () -> {
              List<SigningKey> keys = new ArrayList<>();
              SigningKey active = null;
              for (int i = 0; i < configs.size(); i++) {
                KeyConfig config = configs.get(i);
                SigningKey key =
                    fromPem.get(i) != null
                        ? fromPem.get(i)
                        : KeyMaterial.generate(config.algorithm(), config.kid());
                keys.add(key);
                if (config.active()) {
                  active = key;
                }
              }
              warmedUp(requireNonNull(active, "one key is active"));
              return new State(keys, active, List.of());
            }));
  }

  /**
   * Signs a throw-away input with the signer the first token will use (the native one when it has
   * loaded, else the JDK's), on the background thread that made the key: the signing classes are
   * then loaded and initialised, and the key translated for the native provider, before the first
   * token request instead of during it.
   */
  private static SigningKey warmedUp(SigningKey key) {
    try {
      key.signer()
          .sign(
              new JWSHeader(key.jwsAlgorithm()), WARM_UP_INPUT.getBytes(StandardCharsets.US_ASCII));
    } catch (JOSEException | RuntimeException e) {
      // Only a warm-up: a key that cannot sign fails loudly on the first real token.
    }
    return key;
  }

  /** A key ring holding exactly these keys, the first one active. */
  public static KeyRing of(SigningKey active, SigningKey... others) {
    List<SigningKey> keys = new ArrayList<>();
    keys.add(active);
    keys.addAll(List.of(others));
    return new KeyRing(CompletableFuture.completedFuture(new State(keys, active, List.of())));
  }

  private static SigningKey readPem(KeyConfig config, String path) {
    String pem;
    String where = path + (config.pemFile().isPresent() ? ".pemFile" : ".pem");
    if (config.pemFile().isPresent()) {
      try {
        pem = Files.readString(config.pemFile().get(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw ConfigException.at(where, "cannot read PEM file " + config.pemFile().get());
      }
    } else {
      pem = config.pem().orElseThrow();
    }
    try {
      char[] passphrase = config.passphrase().map(String::toCharArray).orElse(null);
      return KeyMaterial.fromKeyPair(
          PemKeyReader.read(pem, passphrase), config.algorithm(), config.kid());
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(where, e.getMessage());
    }
  }

  /** The current keys; waits for background generation on first use. */
  public State state() {
    State current = state.get();
    if (current != null) {
      return current;
    }
    try {
      state.compareAndSet(null, initial.join());
    } catch (CompletionException e) {
      throw new IllegalStateException("signing key generation failed", e.getCause());
    }
    return state.get();
  }

  /** The key that signs new tokens. */
  public SigningKey active() {
    return state().active();
  }

  /** The published key with this kid, if any. */
  public Optional<SigningKey> find(String kid) {
    return state().published().stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** The JWKS document: public keys only. */
  public String jwksJson() {
    return state().jwksJson();
  }

  /** Publishes a key; with {@code activate} it also signs new tokens from now on. */
  public SigningKey add(SigningKey key, boolean activate) {
    requireNonNull(key, "key must not be null");
    update(
        s -> {
          if (s.findAny(key.kid()).isPresent()) {
            throw new IllegalArgumentException("a key with kid " + key.kid() + " already exists");
          }
          List<SigningKey> published = new ArrayList<>(s.published());
          published.add(key);
          return new State(published, activate ? key : s.active(), s.retired());
        });
    return key;
  }

  /** Makes a published key the one that signs new tokens. */
  public void activate(String kid) {
    update(
        s -> {
          SigningKey key =
              s.published().stream()
                  .filter(k -> k.kid().equals(kid))
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("no published key " + kid));
          return new State(s.published(), key, s.retired());
        });
  }

  /**
   * Removes a key from the JWKS: tokens signed with it no longer verify. The active key cannot be
   * retired; activate another first.
   */
  public void retire(String kid) {
    update(
        s -> {
          if (s.active().kid().equals(kid)) {
            throw new IllegalArgumentException(
                "key " + kid + " is active; activate another key before retiring it");
          }
          SigningKey key =
              s.published().stream()
                  .filter(k -> k.kid().equals(kid))
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("no published key " + kid));
          List<SigningKey> published = new ArrayList<>(s.published());
          published.remove(key);
          List<SigningKey> retired = new ArrayList<>(s.retired());
          retired.add(key);
          return new State(published, s.active(), retired);
        });
  }

  /**
   * Rotates in one call: generates a key of the active key's algorithm, publishes and activates it.
   * The previous key stays published until retired, as in a real rotation.
   */
  public SigningKey rotate() {
    SigningKey fresh = KeyMaterial.generate(active().algorithm(), Optional.empty());
    return add(fresh, true);
  }

  /** Puts back the keys the ring started with (after background generation). */
  public void resetToInitial() {
    try {
      state.set(initial.join());
    } catch (CompletionException e) {
      throw new IllegalStateException("signing key generation failed", e.getCause());
    }
  }

  /** Puts back a state taken earlier. */
  public void restore(State snapshot) {
    state.set(requireNonNull(snapshot, "snapshot must not be null"));
  }

  private void update(UnaryOperator<State> change) {
    state();
    state.updateAndGet(change);
  }

  /**
   * One immutable set of keys.
   *
   * @param published the keys in the JWKS
   * @param active the key signing new tokens (always published)
   * @param retired keys removed from the JWKS
   */
  public record State(List<SigningKey> published, SigningKey active, List<SigningKey> retired) {
    public State {
      published = List.copyOf(published);
      retired = List.copyOf(retired);
      requireNonNull(active, "active must not be null");
    }

    static State of(List<SigningKey> keys) {
      return new State(keys, keys.get(0), List.of());
    }

    /** A published or retired key with this kid. */
    public Optional<SigningKey> findAny(String kid) {
      return java.util.stream.Stream.concat(published.stream(), retired.stream())
          .filter(k -> k.kid().equals(kid))
          .findFirst();
    }

    /** The JWKS JSON of the published keys. */
    public String jwksJson() {
      List<JWK> keys = published.stream().map(SigningKey::publicJwk).toList();
      return new JWKSet(keys).toString(true);
    }
  }
}
