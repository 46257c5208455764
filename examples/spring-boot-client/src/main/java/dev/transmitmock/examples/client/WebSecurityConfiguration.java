package dev.transmitmock.examples.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Inbound security of this service. Protecting it is the subject of the resource-server example;
 * here its one endpoint is open, and Spring Boot's default {@code oauth2Login} (meant for
 * authorization-code registrations) is switched off by declaring this chain.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

  /** Everything but {@code GET /orders/{id}/availability} is denied. */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/orders/*/availability")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
