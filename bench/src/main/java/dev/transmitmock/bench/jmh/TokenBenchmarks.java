package dev.transmitmock.bench.jmh;

import dev.transmitmock.client.TransmitToken;
import dev.transmitmock.client.TransmitTokenVerifier;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.keys.NativeCrypto;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process costs of the emulator, each next to its reference measured in the same fork: token
 * minting next to a raw RS256 signature with the provider the emulator signs with (and the JDK's),
 * verification with a warm JWKS cache next to a raw RS256 verification, and {@code reset()}.
 *
 * <p>Run {@code java -jar bench/target/benchmarks.jar TokenBenchmarks}; add {@code -jvmArgsAppend
 * -Dtransmit.mock.nativeCrypto=false} for the JDK-only emulator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenBenchmarks {
  private static final String CLIENT = "demo-app";

  private TransmitMockServer server;
  private TransmitTokenVerifier verifier;
  private String token;
  private SigningFixture emulatorProvider;
  private SigningFixture jdk;

  /** Starts the emulator, waits for the native provider decision, warms the verifier's JWKS. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    server = TransmitMockServer.builder().build().start();
    NativeCrypto.Status status = NativeCrypto.await(Duration.ofSeconds(60));
    System.out.println("# emulator signs with: " + status.description());
    token = server.tokenFor(CLIENT);
    verifier =
        TransmitTokenVerifier.builder()
            .issuer(server.issuer())
            .jwksUri(server.jwksUri())
            .anyAudience()
            .build();
    verifier.warmUp();
    verifier.verify(token);
    emulatorProvider = SigningFixture.emulatorProvider(server.keys().active(), token);
    jdk = SigningFixture.jdk(server.keys().active(), token);
    System.out.println("# raw reference provider: " + emulatorProvider.providerName());
  }

  /** Stops the verifier and the emulator. */
  @TearDown(Level.Trial)
  public void stop() {
    verifier.close();
    server.close();
  }

  /** One access token, minted as the token endpoint would (claims, JSON, RS256). */
  @Benchmark
  public String mintToken() {
    return server.issueToken(CLIENT, Optional.empty(), Optional.empty()).accessToken();
  }

  /** One raw SHA256withRSA signature with the emulator's provider over a token's signing input. */
  @Benchmark
  public byte[] rawSign() throws GeneralSecurityException {
    return emulatorProvider.sign();
  }

  /** One raw SHA256withRSA signature with the JDK's provider: the HTTP target's yardstick. */
  @Benchmark
  public byte[] rawSignJdk() throws GeneralSecurityException {
    return jdk.sign();
  }

  /** Verifies a token with transmit-client's verifier, JWKS cached. */
  @Benchmark
  public TransmitToken verifyToken() throws Exception {
    return verifier.verify(token);
  }

  /** One raw SHA256withRSA verification with the JDK's provider (the verifier's). */
  @Benchmark
  public boolean rawVerifyJdk() throws GeneralSecurityException {
    return jdk.verify();
  }

  /** One raw SHA256withRSA verification with the emulator's provider. */
  @Benchmark
  public boolean rawVerify() throws GeneralSecurityException {
    return emulatorProvider.verify();
  }

  /** {@code TransmitMockServer.reset()}: what {@code @TransmitMock} does before each test. */
  @Benchmark
  public void reset() {
    server.reset();
  }
}
