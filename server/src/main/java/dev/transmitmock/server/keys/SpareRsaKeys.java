package dev.transmitmock.server.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * RSA-2048 key pairs made one ahead on a daemon thread. Generating one with the JDK takes 50 to 500
 * ms of CPU (a random prime search; natively about 30 ms), and every emulator without configured
 * keys needs a fresh one: a test suite that starts a server per test class would wait for it at
 * each class's first token. From the second key a process asks for, the next one is generated in
 * the background, so later servers find it ready; a process that starts one server (the runnable
 * jar) never pays for a spare. Each pair is handed out once: keys stay distinct per server.
 */
final class SpareRsaKeys {
  private static final AtomicReference<CompletableFuture<KeyPair>> SPARE = new AtomicReference<>();
  private static final AtomicInteger TAKEN = new AtomicInteger();

  /** How long key generation waits for the native provider before the JDK generates instead. */
  private static final Duration NATIVE_LOAD_TIMEOUT = Duration.ofSeconds(5);

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

  /**
   * Generates with the native provider when native crypto is on: AWS-LC finds the primes in about
   * 30 ms, where the JDK's cold BigInteger code takes hundreds of milliseconds of CPU and keeps the
   * JIT busy compiling it. The wait for the provider to load overlaps the server start, and the
   * provider is loaded anyway for signing. The pair is then re-made as JDK key objects, so that
   * nothing else ever holds a provider-specific key.
   */
  private static KeyPair generate(int bits) {
    Optional<Provider> provider = NativeCrypto.awaitLinked(NATIVE_LOAD_TIMEOUT);
    if (provider.isPresent()) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider.get());
        generator.initialize(bits);
        return asJdkKeys(generator.generateKeyPair());
      } catch (GeneralSecurityException | RuntimeException e) {
        // The JDK generates below; native signing decides on its own whether it can be used.
      }
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK cannot generate RSA keys", e);
    }
  }

  /**
   * The same key pair as the JDK's own RSA key objects, after checking that its CRT parameters are
   * consistent ({@code n = p·q}, {@code e·dP ≡ 1 mod p-1}, {@code e·dQ ≡ 1 mod q-1}, {@code q·qInv
   * ≡ 1 mod p}): the native provider's self-tests may still be running when it generates, so a
   * broken provider must not hand out a broken key. A few multiplications, no signature.
   *
   * @throws GeneralSecurityException when the parameters do not fit together
   */
  static KeyPair asJdkKeys(KeyPair pair) throws GeneralSecurityException {
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
    BigInteger p = privateKey.getPrimeP();
    BigInteger q = privateKey.getPrimeQ();
    BigInteger e = publicKey.getPublicExponent();
    boolean consistent =
        publicKey.getModulus().equals(privateKey.getModulus())
            && e.equals(privateKey.getPublicExponent())
            && p.multiply(q).equals(publicKey.getModulus())
            && e.multiply(privateKey.getPrimeExponentP())
                .mod(p.subtract(BigInteger.ONE))
                .equals(BigInteger.ONE)
            && e.multiply(privateKey.getPrimeExponentQ())
                .mod(q.subtract(BigInteger.ONE))
                .equals(BigInteger.ONE)
            && q.multiply(privateKey.getCrtCoefficient()).mod(p).equals(BigInteger.ONE);
    if (!consistent) {
      throw new GeneralSecurityException("the generated RSA key's parameters are inconsistent");
    }
    KeyFactory jdk = KeyFactory.getInstance("RSA");
    return new KeyPair(
        jdk.generatePublic(
            new RSAPublicKeySpec(publicKey.getModulus(), publicKey.getPublicExponent())),
        jdk.generatePrivate(
            new RSAPrivateCrtKeySpec(
                privateKey.getModulus(),
                privateKey.getPublicExponent(),
                privateKey.getPrivateExponent(),
                privateKey.getPrimeP(),
                privateKey.getPrimeQ(),
                privateKey.getPrimeExponentP(),
                privateKey.getPrimeExponentQ(),
                privateKey.getCrtCoefficient())));
  }
}
