package dev.transmitmock.examples.client;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Client-credentials tokens from Transmit for the inventory API, through Spring Security's OAuth2
 * client: the registration comes from {@code application.yml}; this class adds what Transmit needs
 * on top (the {@code resource} parameter) and wires a {@link RestClient} that attaches the token.
 */
@Configuration(proxyBeanMethods = false)
public class TransmitClientConfiguration {

  /**
   * The principal tokens are cached under. Client-credentials tokens belong to this service, not to
   * whoever called it, so every request shares one.
   */
  public static final Authentication SERVICE_PRINCIPAL =
      UsernamePasswordAuthenticationToken.authenticated("orders-service", null, List.of());

  /** The clock token expiry is judged by. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Obtains and caches tokens. Outside a request thread-bound {@code
   * OAuth2AuthorizedClientRepository} is no use, so the service-based manager is the one for client
   * credentials.
   */
  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(
      ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService authorizedClients,
      InventoryProperties inventory,
      Clock clock) {
    RestClientClientCredentialsTokenResponseClient tokenRequests =
        new RestClientClientCredentialsTokenResponseClient();
    // Transmit issues the token for one API: the resource (RFC 8707) becomes its aud.
    tokenRequests.addParametersConverter(
        grantRequest -> {
          MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
          parameters.add("resource", inventory.resource());
          return parameters;
        });

    ClientCredentialsOAuth2AuthorizedClientProvider clientCredentials =
        new ClientCredentialsOAuth2AuthorizedClientProvider();
    clientCredentials.setAccessTokenResponseClient(tokenRequests);
    clientCredentials.setClock(clock); // a new token 60 s (the default skew) before exp

    AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(new ClockAlignedClientProvider(clientCredentials, clock));
    // One token request at a time: concurrent callers wait for it instead of sending their own.
    return new SingleFlightAuthorizedClientManager(manager);
  }

  /** The inventory API's client: every request carries {@code Authorization: Bearer <token>}. */
  @Bean
  RestClient inventoryRestClient(
      RestClient.Builder builder,
      OAuth2AuthorizedClientManager authorizedClientManager,
      OAuth2AuthorizedClientService authorizedClients,
      InventoryProperties inventory) {
    OAuth2ClientHttpRequestInterceptor bearer =
        new OAuth2ClientHttpRequestInterceptor(authorizedClientManager);
    bearer.setClientRegistrationIdResolver(request -> inventory.registrationId());
    bearer.setPrincipalResolver(request -> SERVICE_PRINCIPAL);
    // A 401 with invalid_token from the inventory API drops the cached token: the next call gets
    // a new one.
    bearer.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    return builder.baseUrl(inventory.baseUrl().toString()).requestInterceptor(bearer).build();
  }
}
