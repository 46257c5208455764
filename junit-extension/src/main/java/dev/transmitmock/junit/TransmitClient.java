package dev.transmitmock.junit;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * <p>Or placed on the class itself, beside {@code @TransmitMock} (repeatable, inherited by
 * subclasses, and usable in a composed annotation together with {@code @TransmitMock}); these
 * clients join the ones in {@link TransmitMock#clients()}:
 *
 * <pre>{@code
 * @TransmitMock
 * @TransmitClient(id = "orders-svc", resources = "https://api.orders.example")
 * @TransmitClient(id = "ops", type = ClientType.MANAGEMENT)
 * class OrdersApiTest { ... }
 * }</pre>
 *
 * A class-level {@code @TransmitClient} with no emulator to join is an {@code
 * ExtensionConfigurationException} rather than ignored: on a class without {@code @TransmitMock},
 * on a {@code @Nested} class that shares the emulator of its enclosing class, on a class that
 * registers a {@link TransmitMockExtension} (use its builder's {@code client(...)} there), and a
 * client id declared twice.
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
@Inherited
@ExtendWith(TransmitMockExtension.class)
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
   * The client's application ({@code app_id}); empty: a stable id derived from the client id. Name
   * a {@link TransmitApplication#id()} to have its tokens signed with that app's own keys.
   */
  String appId() default "";

  /**
   * The grant types the client may use; empty: {@code client_credentials}, or {@code
   * authorization_code} for {@code authMethod = NONE}. A client without {@code client_credentials}
   * is refused a token with 400 "requested grant type is not allowed for this client", as at
   * Transmit.
   */
  String[] grantTypes() default {};

  /**
   * How the client authenticates at the token endpoint ({@code token_endpoint_auth_method}):
   *
   * <ul>
   *   <li>{@code CLIENT_SECRET_BASIC} (the default) or {@code CLIENT_SECRET_POST}: with {@link
   *       #secret()};
   *   <li>{@code PRIVATE_KEY_JWT}: a client assertion signed with an RSA key the extension
   *       generates (RS256, {@code kid} {@code <id>-key});
   *   <li>{@code TLS_CLIENT_AUTH}: a client certificate with subject {@code CN=<id>}, issued by a
   *       CA the emulator trusts (it validates the chain, RFC 8705 section 2.1, then matches the
   *       subject DN); needs {@link TransmitMock#https()}. Usually the emulator's own generated CA
   *       issues it. When the emulator cannot (your own server certificate: no CA key) or does not
   *       trust its CA (you configured {@code TlsConfig.clientCaCertificates}), a test client CA
   *       generated by the extension issues it and is added to {@code clientCaCertificates}, beside
   *       the CAs you configured. Configuring any client CA replaces the default trust in the
   *       emulator's CA, so with your own server certificate and no client CAs the extension also
   *       lists your chain's CA: certificates you bring are trusted as without the extension;
   *   <li>{@code SELF_SIGNED_TLS_CLIENT_AUTH}: a self-signed certificate, matched by its {@code
   *       x5t#S256} thumbprint; needs {@link TransmitMock#https()};
   *   <li>{@code NONE}: a public client (a PKCE app) that presents only its {@code client_id} and
   *       may not use client credentials: its token requests get Transmit's "requested grant type
   *       is not allowed for this client".
   * </ul>
   *
   * Tokens of the two mTLS methods carry {@code cnf.x5t#S256}, the certificate's thumbprint. A
   * {@link #secret()} with a method that does not use one is an error.
   */
  AuthMethod authMethod() default AuthMethod.CLIENT_SECRET_BASIC;
}
