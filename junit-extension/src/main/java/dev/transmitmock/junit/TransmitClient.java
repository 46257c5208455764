package dev.transmitmock.junit;

import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.control.AuthMethod;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A client the emulator of a {@link TransmitMock} test class knows, in addition to those of its
 * configuration. Resources it names are declared on the emulator automatically.
 *
 * <pre>{@code
 * @TransmitMock(clients = {
 *     @TransmitClient(id = "orders-svc", secret = "orders-secret",
 *         resources = "https://api.orders.example", lifetime = "PT5M"),
 *     @TransmitClient(id = "ops", secret = "ops-secret", type = ClientType.MANAGEMENT)})
 * }</pre>
 *
 * <p>Clients without a shared secret: with {@link #authMethod()} {@code PRIVATE_KEY_JWT} the
 * extension generates an RSA key pair and registers its public key; with {@code TLS_CLIENT_AUTH} or
 * {@code SELF_SIGNED_TLS_CLIENT_AUTH} it generates a client certificate (the latter two need {@link
 * TransmitMock#https()}). The test gets the generated material, ready assertions, token requests
 * and an {@code SSLContext} presenting the certificate from {@link TransmitClientCredentials}:
 *
 * <pre>{@code
 * @TransmitMock(https = true, clients = {
 *     @TransmitClient(id = "batch-svc", authMethod = AuthMethod.PRIVATE_KEY_JWT),
 *     @TransmitClient(id = "payments-svc", authMethod = AuthMethod.TLS_CLIENT_AUTH)})
 * class NoSecretsTest {
 *   @Test
 *   void batch_job_authenticates_with_its_key(
 *       @InjectTransmitMock(client = "batch-svc") TransmitClientCredentials batch) {
 *     String assertion = batch.clientAssertion(); // aud = token endpoint, exp on the emulator clock
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(TransmitClients.class)
public @interface TransmitClient {
  /** The {@code client_id}. */
  String id();

  /** The client secret; empty (the default): {@code <id>-secret}. */
  String secret() default "";

  /** App (default) or management client (admin tokens with {@code roles: ["Admin"]}). */
  ClientType type() default ClientType.APP;

  /** Resource URIs the client may request tokens for (absolute URIs). */
  String[] resources() default {};

  /** The client's token lifetime as an ISO-8601 duration; empty: the server default. */
  String lifetime() default "";

  /**
   * How the client authenticates at the token endpoint ({@code token_endpoint_auth_method}):
   *
   * <ul>
   *   <li>{@code CLIENT_SECRET_BASIC} (the default) or {@code CLIENT_SECRET_POST}: with {@link
   *       #secret()};
   *   <li>{@code PRIVATE_KEY_JWT}: a client assertion signed with an RSA key the extension
   *       generates (RS256, {@code kid} {@code <id>-key});
   *   <li>{@code TLS_CLIENT_AUTH}: a client certificate with subject {@code CN=<id>}, issued by a
   *       test CA the extension generates, matched by its subject DN; needs {@link
   *       TransmitMock#https()};
   *   <li>{@code SELF_SIGNED_TLS_CLIENT_AUTH}: a self-signed certificate, matched by its {@code
   *       x5t#S256} thumbprint; needs {@link TransmitMock#https()}.
   * </ul>
   *
   * Tokens of the two mTLS methods carry {@code cnf.x5t#S256}, the certificate's thumbprint. A
   * {@link #secret()} with a method that does not use one is an error.
   */
  AuthMethod authMethod() default AuthMethod.CLIENT_SECRET_BASIC;
}
