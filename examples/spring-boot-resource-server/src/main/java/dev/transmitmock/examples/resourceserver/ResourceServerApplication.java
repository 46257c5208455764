package dev.transmitmock.examples.resourceserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An orders API that accepts Transmit Security access tokens: app tokens for its own resource on
 * {@code /orders/**}, management-app (admin) tokens on {@code /admin/**}.
 *
 * <pre>{@code
 * java -jar example-spring-boot-resource-server.jar     # configured in application.yml
 * curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/orders/42
 * }</pre>
 */
@SpringBootApplication
public class ResourceServerApplication {

  /** Starts the API. */
  public static void main(String[] args) {
    SpringApplication.run(ResourceServerApplication.class, args);
  }
}
