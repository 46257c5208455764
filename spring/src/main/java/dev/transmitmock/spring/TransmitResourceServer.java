package dev.transmitmock.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * {@code HttpSecurity} configuration for an API that accepts Transmit access tokens.
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *   return http
 *       .authorizeHttpRequests(requests -> requests
 *           .requestMatchers("/admin/**").hasRole("Admin")      // management apps
 *           .anyRequest().authenticated())
 *       .oauth2ResourceServer(TransmitResourceServer.transmitJwt())
 *       .build();
 * }
 * }</pre>
 *
 * <p>The tokens are decoded by the application's {@code JwtDecoder} bean: declare it with {@link
 * TransmitJwtDecoders}.
 */
public final class TransmitResourceServer {

  /** Transmit's roles claim: {@code []} for apps, {@code ["Admin"]} for management apps. */
  public static final String ROLES_CLAIM = "roles";

  /** The claim naming the calling application: the principal's name. */
  public static final String CLIENT_ID_CLAIM = "client_id";

  private TransmitResourceServer() {}

  /**
   * Bearer JWTs with Transmit's claims mapped: the principal is the {@code client_id}, each entry
   * of {@code roles} becomes {@code ROLE_<role>} (so {@code hasRole("Admin")} admits management
   * apps) and each scope {@code SCOPE_<scope>}, as Spring does by default.
   */
  public static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> transmitJwt() {
    return oauth2 -> oauth2.jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()));
  }

  /** The converter {@link #transmitJwt()} installs, for a configuration of your own. */
  public static JwtAuthenticationConverter authenticationConverter() {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    Converter<Jwt, Collection<GrantedAuthority>> both =
        jwt -> {
          List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
          authorities.addAll(roles.convert(jwt));
          return authorities;
        };
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(both);
    converter.setPrincipalClaimName(CLIENT_ID_CLAIM);
    return converter;
  }
}
