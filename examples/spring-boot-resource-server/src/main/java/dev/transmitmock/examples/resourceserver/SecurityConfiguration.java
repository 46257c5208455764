package dev.transmitmock.examples.resourceserver;

import dev.transmitmock.client.TransmitRegion;
import dev.transmitmock.spring.TransmitJwtDecoders;
import dev.transmitmock.spring.TransmitResourceServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer-token security for the orders API: {@code /orders/**} for any valid Transmit token of this
 * API's resource, {@code /admin/**} only for tokens whose {@code roles} claim holds {@code Admin}
 * (management applications), everything else denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /** Transmit's rules (RS256, typ, kid, issuer, audience, exp, iat): see TransmitJwtDecoders. */
  @Bean
  JwtDecoder jwtDecoder(
      @Value("${transmit.region}") TransmitRegion region,
      @Value("${transmit.audience}") String audience) {
    return TransmitJwtDecoders.forRegion(region).audience(audience).build();
  }

  /** Stateless bearer-token security; {@code roles: ["Admin"]} becomes {@code ROLE_Admin}. */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/admin/**")
                    .hasRole("Admin")
                    .requestMatchers(HttpMethod.GET, "/orders/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(TransmitResourceServer.transmitJwt())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for CSRF to ride on
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .build();
  }
}
