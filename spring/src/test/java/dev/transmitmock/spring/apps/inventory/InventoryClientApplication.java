package dev.transmitmock.spring.apps.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service that gets client-credentials tokens from Transmit through Spring Security's OAuth2
 * client; its registration ({@code application-inventory.yml}) names Transmit's production token
 * endpoint and takes the credentials from the environment.
 */
@SpringBootApplication
public class InventoryClientApplication {

  /** The registration in {@code application-inventory.yml}. */
  public static final String REGISTRATION = "transmit-inventory";

  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
    return new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
  }

  /** No inbound endpoints; declaring the chain keeps Boot's default oauth2Login away. */
  @Bean
  SecurityFilterChain nothingInbound(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll()).build();
  }
}
