package dev.transmitmock.server.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * RSA-2048 key pairs made one ahead on a daemon thread. Generating one takes 50 to 500 ms of CPU (a
 * random prime search), and every emulator without configured keys needs a fresh one: a test suite
 * that starts a server per test class would wait for it at each class's first token. From the
 * second key a process asks for, the next one is generated in the background, so later servers find
 * it ready; a process that starts one server (the runnable jar) never pays for a spare. Each pair
 * is handed out once: keys stay distinct per server.
 */
final class SpareRsaKeys {
  private static final AtomicReference<CompletableFuture<KeyPair>> SPARE = new AtomicReference<>();
  private static final AtomicInteger TAKEN = new AtomicInteger();

  private SpareRsaKeys() {}

  /** A fresh RSA key pair of {@code bits}: the spare when one is ready or being made. */
  static KeyPair take(int bits) {
    if (bits != KeyMaterial.RSA_KEY_SIZE) {
      return generate(bits);
    }
    CompletableFuture<KeyPair> spare = SPARE.getAndSet(null);
    KeyPair pair = null;
    if (spare != null) {
      try {
        pair = spare.join();
      } catch (CompletionException e) {
        pair = null;
      }
    }
    if (pair == null) {
      pair = generate(bits);
    }
    if (TAKEN.incrementAndGet() >= 2) {
      refill();
    }
    return pair;
  }

  private static void refill() {
    CompletableFuture<KeyPair> next = new CompletableFuture<>();
    if (!SPARE.compareAndSet(null, next)) {
      return;
    }
    Thread maker =
        new Thread(
            () -> {
              try {
                next.complete(generate(KeyMaterial.RSA_KEY_SIZE));
              } catch (RuntimeException e) {
                next.completeExceptionally(e);
              }
            },
            "transmit-mock-spare-key");
    maker.setDaemon(true);
    maker.start();
  }

  private static KeyPair generate(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK cannot generate RSA keys", e);
    }
  }
}
