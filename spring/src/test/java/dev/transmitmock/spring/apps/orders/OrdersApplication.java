package dev.transmitmock.spring.apps.orders;

import dev.transmitmock.client.TransmitRegion;
import dev.transmitmock.spring.TransmitJwtDecoders;
import dev.transmitmock.spring.TransmitResourceServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resource server the module's tests run against, written as a team would with only
 * transmit-mock-spring: one {@code JwtDecoder} bean for Transmit's US region (production's, no test
 * URL in it) and {@code transmitJwt()}; no validator of its own.
 */
@SpringBootApplication
@RestController
public class OrdersApplication {

  /** The resource the API is registered as in Transmit: its tokens' {@code aud}. */
  public static final String ORDERS_API = "https://api.orders.example";

  @Bean
  JwtDecoder jwtDecoder() {
    return TransmitJwtDecoders.forRegion(TransmitRegion.US).audience(ORDERS_API).build();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/admin/**")
                    .hasRole("Admin")
                    .requestMatchers("/orders/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(TransmitResourceServer.transmitJwt())
        .build();
  }

  @GetMapping("/orders/{id}")
  Map<String, Object> order(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("order", id);
    body.put("caller", token.getClaimAsString("client_id"));
    return body;
  }

  @GetMapping("/admin/settings")
  Map<String, Object> settings(@AuthenticationPrincipal Jwt token) {
    return Map.of("admin", token.getClaimAsString("client_id"));
  }
}
