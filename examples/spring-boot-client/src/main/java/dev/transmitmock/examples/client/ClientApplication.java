package dev.transmitmock.examples.client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * An orders service that asks the inventory API, a Transmit-protected downstream service, for stock
 * levels, with client-credentials tokens obtained and cached by Spring Security's OAuth2 client.
 *
 * <pre>{@code
 * TRANSMIT_CLIENT_ID=... TRANSMIT_CLIENT_SECRET=... java -jar example-spring-boot-client.jar
 * curl http://localhost:8080/orders/42/availability
 * }</pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClientApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ClientApplication.class, args);
  }
}
