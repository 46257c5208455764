package dev.transmitmock.junit;

import dev.transmitmock.server.config.ClientType;
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
}
