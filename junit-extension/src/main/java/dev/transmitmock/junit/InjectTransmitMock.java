package dev.transmitmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link TransmitMock} test class to receive the emulator: a field of type
 * {@code TransmitMockServer} or {@link TransmitMockHandle}, static or not, not final. With HTTPS on
 * ({@link TransmitMock#https()}), a field of type {@code javax.net.ssl.SSLContext} receives a
 * context that trusts the emulator's CA, and one of type {@code java.security.cert.X509Certificate}
 * the CA certificate itself.
 *
 * <pre>{@code
 * @TransmitMock(https = true,
 *     clients = @TransmitClient(id = "batch-svc", authMethod = AuthMethod.PRIVATE_KEY_JWT))
 * class ClockTest {
 *   @InjectTransmitMock static TransmitMockServer server;   // set before @BeforeAll methods
 *   @InjectTransmitMock TransmitMockHandle mock;             // set before @BeforeEach methods
 *   @InjectTransmitMock SSLContext trustsTheEmulator;
 *   @InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch;
 * }
 * }</pre>
 *
 * <p>On a parameter: {@code TransmitMockServer} and {@link TransmitMockHandle} parameters are
 * resolved without it; a {@link TransmitClientCredentials} parameter needs it to name its client
 * ({@code void test(@InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch)}).
 * The JDK types {@code SSLContext} and {@code X509Certificate} are resolved only for a parameter
 * carrying it ({@code void test(@InjectTransmitMock SSLContext trustsTheEmulator)}); without it
 * they are left to other parameter resolvers, so the extension does not compete with one that
 * supplies them. With {@link #client()}, an {@code SSLContext} is that client's ({@link
 * TransmitClientCredentials#sslContext()}: it presents an mTLS client's certificate) and an {@code
 * X509Certificate} its certificate:
 *
 * <pre>{@code
 * @Test
 * void pays(@InjectTransmitMock(client = "payments-svc") SSLContext presentsPaymentsCertificate) {}
 * }</pre>
 *
 * <p>Only fields carrying this annotation are touched, so a class can hold other servers.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InjectTransmitMock {
  /**
   * The client whose credentials to inject: required for {@link TransmitClientCredentials}; with
   * {@code SSLContext} or {@code X509Certificate}, that client's context or certificate instead of
   * the CA's; not allowed with other types.
   */
  String client() default "";
}
