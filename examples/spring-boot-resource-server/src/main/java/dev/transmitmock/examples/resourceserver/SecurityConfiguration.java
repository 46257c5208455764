package dev.transmitmock.examples.resourceserver;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer-token security for the orders API: {@code /orders/**} for any valid Transmit token of this
 * API's resource, {@code /admin/**} only for tokens whose {@code roles} claim holds {@code Admin}
 * (management applications), everything else denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /**
   * Transmit's {@code roles} claim ({@code []} for apps, {@code ["Admin"]} for management apps).
   */
  public static final String ROLES_CLAIM = "roles";

  /** The clock tokens are checked against. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Verifies Transmit access tokens: see {@link TransmitJwtDecoders}. */
  @Bean
  JwtDecoder jwtDecoder(TransmitProperties transmit, Clock clock) {
    return TransmitJwtDecoders.create(transmit, clock);
  }

  /** Maps {@code roles: ["Admin"]} to the authority {@code ROLE_Admin}. */
  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    converter.setPrincipalClaimName("client_id");
    return converter;
  }

  /** Stateless bearer-token security. */
  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, JwtAuthenticationConverter jwtAuthenticationConverter) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/admin/**")
                    .hasRole("Admin")
                    .requestMatchers(HttpMethod.GET, "/orders/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            oauth2 -> oauth2.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter)))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for CSRF to ride on
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .anonymous(Customizer.withDefaults())
        .build();
  }
}
