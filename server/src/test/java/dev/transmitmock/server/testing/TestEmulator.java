package dev.transmitmock.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.MockConfig;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;

/**
 * The test harness: a real emulator on a free loopback port and a real HTTP client bound to it, in
 * the spirit of Javalin's {@code JavalinTest.test(app, (server, client) -> ...)}. Every module's
 * tests use it (server's test-jar); {@link SharedEmulator} is the one-per-class variant.
 *
 * <pre>{@code
 * try (TestEmulator emulator = TestEmulator.start()) {           // embedded demo config
 *   Reply reply = emulator.http().token(DemoConfig.APP, DemoConfig.APP_SECRET);
 *   assertThat(reply.status()).isEqualTo(200);
 *   JWTClaimsSet claims = emulator.verify(reply.accessToken()); // against the served JWKS
 * }
 * try (TestEmulator emulator = TestEmulator.start(MockConfig.builder()...build())) { ... }
 * }</pre>
 */
public final class TestEmulator implements AutoCloseable {
  private final TransmitMockServer server;
  private final TestHttp http;

  private TestEmulator(TransmitMockServer server) {
    this.server = server.start();
    this.http = TestHttp.to(server.baseUrl());
  }

  /** The embedded default config: see {@link DemoConfig}. */
  public static TestEmulator start() {
    return start(TransmitMockServer.builder());
  }

  /** This config. */
  public static TestEmulator start(MockConfig config) {
    return start(TransmitMockServer.builder().config(config));
  }

  /** A configured builder (control token, HTTPS, clock...), built and started here. */
  public static TestEmulator start(TransmitMockServer.Builder builder) {
    return new TestEmulator(builder.build());
  }

  /** The running server, for its Java API (journal, clock, faults, URIs). */
  public TransmitMockServer server() {
    return server;
  }

  /** Plain HTTP to the server's base URL. */
  public TestHttp http() {
    return http;
  }

  /** A path on the server. */
  public URI url(String path) {
    return server.baseUrl().resolve(path);
  }

  /**
   * Verifies a token the way a careful consumer would, against the JWKS served over HTTP: RS256,
   * typ at+jwt or JWT, signature. Claims are returned for the test to check.
   */
  public JWTClaimsSet verify(String token) throws Exception {
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(server.jwksUri().toURL()).retrying(false).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            new JOSEObjectType("at+jwt"), JOSEObjectType.JWT, null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    return processor.process(token, null);
  }

  /** The token's payload exactly as sent (Nimbus turns a string {@code aud} into a list). */
  public static JsonNode payload(String token) {
    try {
      return Reply.JSON.readTree(SignedJWT.parse(token).getPayload().toString());
    } catch (IOException | ParseException e) {
      throw new AssertionError("not a JWT", e);
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }
}
