package dev.transmitmock.server.keys;

import static java.util.Objects.requireNonNull;

import java.security.Provider;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native RSA signing: Amazon Corretto Crypto Provider (ACCP, AWS-LC's RSA behind the JCA) when it
 * is on the class path and loads on this platform (Linux x86-64 or aarch64), the JDK's provider
 * everywhere else.
 *
 * <p>ACCP is looked up by name, so nothing depends on it being present: leave it out of the class
 * path (or exclude the dependency) and signing uses the JDK. Loading it (unpacking and linking the
 * native library) takes a few hundred milliseconds, so it happens on a daemon thread, started by
 * the first key generation or signature; tokens signed meanwhile use the JDK provider. Generating
 * an RSA key waits for it (at most a few seconds, overlapping the server start), because AWS-LC
 * generates a key in a fraction of the JDK's time. Which provider signs is logged once at INFO.
 *
 * <p>Turn it off with the system property {@value #PROPERTY}{@code =false} or the environment
 * variable {@code TRANSMIT_MOCK_NATIVE_CRYPTO=false}:
 *
 * <pre>{@code
 * java -Dtransmit.mock.nativeCrypto=false -jar transmit-mock-server.jar
 * NativeCrypto.provider();   // Optional.empty() while loading, when off, or off-platform
 * }</pre>
 */
public final class NativeCrypto {
  /** System property that turns native signing off when {@code false}. */
  public static final String PROPERTY = "transmit.mock.nativeCrypto";

  /** Environment variable that turns native signing off when {@code false}. */
  public static final String ENV = "TRANSMIT_MOCK_NATIVE_CRYPTO";

  /** The ACCP provider class, looked up reflectively. */
  static final String ACCP_CLASS =
      "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

  private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);
  private static final NativeCrypto DEFAULT =
      new NativeCrypto(enabled(System.getenv(), System.getProperty(PROPERTY)), ACCP_CLASS);

  private final boolean enabled;
  private final String providerClass;
  private final AtomicReference<CompletableFuture<Status>> loading = new AtomicReference<>();
  // The provider once its native library is linked, before its self-tests finish: enough for key
  // generation, which then overlaps the self-tests. Empty when it is off or cannot load.
  private final CompletableFuture<Optional<Provider>> linked = new CompletableFuture<>();
  private volatile Provider loaded;

  NativeCrypto(boolean enabled, String providerClass) {
    this.enabled = enabled;
    this.providerClass = requireNonNull(providerClass, "providerClass must not be null");
  }

  /**
   * What was chosen.
   *
   * @param provider the native provider, empty when the JDK signs
   * @param description what signs and, for the JDK, why (safe to log)
   */
  public record Status(Optional<Provider> provider, String description) {
    /** Whether native signing is active. */
    public boolean isNative() {
      return provider.isPresent();
    }
  }

  /**
   * The native provider if it has finished loading; never blocks. The first call starts loading it
   * in the background.
   */
  public static Optional<Provider> provider() {
    return DEFAULT.current();
  }

  /**
   * Waits (at most {@code timeout}) for the loading decision: the native provider, or the JDK and
   * why. For benchmarks, tests and diagnostics; signing never waits.
   */
  public static Status await(Duration timeout) {
    return DEFAULT.awaitStatus(timeout);
  }

  /**
   * Waits (at most {@code timeout}) until the native library is linked, without waiting for the
   * provider's self-tests: for key generation, which checks the consistency of every key it gets
   * ({@code SpareRsaKeys.asJdkKeys}) and falls back to the JDK otherwise. Empty when native crypto
   * is off, cannot load here, or takes longer.
   */
  static Optional<Provider> awaitLinked(Duration timeout) {
    return DEFAULT.awaitLinkedProvider(timeout);
  }

  Optional<Provider> awaitLinkedProvider(Duration timeout) {
    start();
    try {
      return linked.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  /** Whether the property or environment variable allows native signing (default: yes). */
  static boolean enabled(Map<String, String> env, String property) {
    String value = property != null ? property : env.get(ENV);
    return value == null
        || value.isBlank()
        || !"false".equals(value.trim().toLowerCase(Locale.ROOT));
  }

  Optional<Provider> current() {
    Provider provider = loaded;
    if (provider == null) {
      start();
    }
    return Optional.ofNullable(provider);
  }

  Status awaitStatus(Duration timeout) {
    try {
      return start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(Optional.empty(), "JDK provider (interrupted while loading ACCP)");
    } catch (ExecutionException | TimeoutException e) {
      return new Status(Optional.empty(), "JDK provider (ACCP still loading)");
    }
  }

  private CompletableFuture<Status> start() {
    CompletableFuture<Status> existing = loading.get();
    if (existing != null) {
      return existing;
    }
    CompletableFuture<Status> future = new CompletableFuture<>();
    if (!loading.compareAndSet(null, future)) {
      return loading.get();
    }
    if (!enabled) {
      complete(future, new Status(Optional.empty(), "JDK provider (native crypto turned off)"));
      return future;
    }
    Thread loader = new Thread(() -> complete(future, load()), "transmit-mock-native-crypto");
    loader.setDaemon(true);
    loader.start();
    return future;
  }

  private void complete(CompletableFuture<Status> future, Status status) {
    linked.complete(Optional.empty()); // no-op when the library was linked before
    status.provider().ifPresent(p -> loaded = p);
    LOG.info("RSA signing: {}", status.description());
    future.complete(status);
  }

  /** Loads ACCP by name; any failure (absent, wrong platform, unhealthy) means the JDK signs. */
  private Status load() {
    try {
      Class<?> type = Class.forName(providerClass, true, NativeCrypto.class.getClassLoader());
      Provider provider = (Provider) type.getField("INSTANCE").get(null);
      Object error = type.getMethod("getLoadingError").invoke(provider);
      if (error != null) {
        return new Status(
            Optional.empty(), "JDK provider (ACCP did not load on this platform: " + error + ")");
      }
      linked.complete(Optional.of(provider));
      type.getMethod("assertHealthy").invoke(provider);
      return new Status(
          Optional.of(provider),
          provider.getName() + " " + provider.getVersionStr() + " (native AWS-LC RSA)");
    } catch (ClassNotFoundException e) {
      return new Status(Optional.empty(), "JDK provider (ACCP not on the class path)");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause =
          e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
              ? e.getCause()
              : e;
      return new Status(
          Optional.empty(),
          "JDK provider (ACCP unusable: " + cause.getClass().getSimpleName() + ")");
    }
  }
}
