package dev.transmitmock.server.token;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.SigningAlgorithm;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenID provider metadata served at {@code .../oidc/.well-known/openid-configuration}: the
 * issuer, and the endpoints of this emulator as absolute URLs under the prefix the document was
 * asked for ({@code /cis/oidc} or {@code /oidc}). With an HTTPS listener it also advertises
 * certificate-bound tokens and the mTLS endpoint aliases of RFC 8705 section 5.
 */
public final class DiscoveryDocument {
  /** Every client authentication method, in the order discovery lists them ({@code none} last). */
  public static final List<String> AUTH_METHODS =
      java.util.Arrays.stream(AuthMethod.values()).map(AuthMethod::wireName).toList();

  private DiscoveryDocument() {}

  /**
   * The metadata JSON.
   *
   * @param baseUrl the public base URL of this server, without a trailing slash
   * @param prefix {@code /cis/oidc} or {@code /oidc}
   */
  public static String json(MockConfig config, KeyRing keys, String baseUrl, String prefix) {
    return json(config, keys, baseUrl, prefix, Optional.empty());
  }

  /**
   * The metadata JSON of a server with an HTTPS listener: {@code
   * tls_client_certificate_bound_access_tokens} true and {@code mtls_endpoint_aliases} (RFC 8705
   * section 5) naming the token, introspection and revocation endpoints under {@code mtlsBaseUrl};
   * without one, {@code tls_client_certificate_bound_access_tokens} is false and there are no
   * aliases.
   *
   * @param baseUrl the public base URL of this server, without a trailing slash
   * @param prefix {@code /cis/oidc} or {@code /oidc}
   * @param mtlsBaseUrl the HTTPS base URL where clients present certificates, if HTTPS is on
   */
  public static String json(
      MockConfig config,
      KeyRing keys,
      String baseUrl,
      String prefix,
      Optional<String> mtlsBaseUrl) {
    return json(config, keys, baseUrl, prefix, mtlsBaseUrl, Optional.empty());
  }

  /**
   * The metadata JSON, for the tenant or for an application with app-specific signing keys: then
   * {@code issuer} is the app's domain and {@code jwks_uri} its JWKS on this emulator, while the
   * endpoints stay the tenant's (Transmit has one token endpoint for every app).
   *
   * @param application the application whose document this is; empty for the tenant's
   */
  public static String json(
      MockConfig config,
      KeyRing keys,
      String baseUrl,
      String prefix,
      Optional<String> mtlsBaseUrl,
      Optional<ApplicationConfig> application) {
    return json(config, config.issuer(), keys, baseUrl, prefix, mtlsBaseUrl, application);
  }

  /**
   * The metadata JSON with the tenant's issuer as it is now (changeable at runtime, {@code PATCH
   * /_mock/settings}).
   *
   * @param tenantIssuer the tenant's issuer now; an application's document keeps the app's domain
   */
  public static String json(
      MockConfig config,
      String tenantIssuer,
      KeyRing keys,
      String baseUrl,
      String prefix,
      Optional<String> mtlsBaseUrl,
      Optional<ApplicationConfig> application) {
    String oidc = baseUrl + prefix;
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("issuer", application.map(ApplicationConfig::issuer).orElse(tenantIssuer));
    metadata.put("token_endpoint", oidc + "/token");
    metadata.put(
        "jwks_uri", application.map(app -> baseUrl + app.jwksPath()).orElse(oidc + "/jwks"));
    metadata.put("introspection_endpoint", oidc + "/token/introspection");
    metadata.put("revocation_endpoint", oidc + "/token/revocation");
    metadata.put("grant_types_supported", List.of(TokenService.CLIENT_CREDENTIALS));
    List<String> authMethods = AUTH_METHODS;
    List<String> assertionAlgorithms =
        ClientAssertionVerifier.ALLOWED_ALGORITHMS.stream()
            .map(com.nimbusds.jose.JWSAlgorithm::getName)
            .sorted(java.util.Comparator.comparing((String a) -> !a.equals("RS256")))
            .toList();
    metadata.put("token_endpoint_auth_methods_supported", authMethods);
    metadata.put("token_endpoint_auth_signing_alg_values_supported", assertionAlgorithms);
    metadata.put("introspection_endpoint_auth_methods_supported", authMethods);
    metadata.put("introspection_endpoint_auth_signing_alg_values_supported", assertionAlgorithms);
    metadata.put("revocation_endpoint_auth_methods_supported", authMethods);
    metadata.put("revocation_endpoint_auth_signing_alg_values_supported", assertionAlgorithms);
    metadata.put("tls_client_certificate_bound_access_tokens", mtlsBaseUrl.isPresent());
    mtlsBaseUrl.ifPresent(
        mtls -> {
          Map<String, String> aliases = new LinkedHashMap<>();
          aliases.put("token_endpoint", mtls + prefix + "/token");
          aliases.put("introspection_endpoint", mtls + prefix + "/token/introspection");
          aliases.put("revocation_endpoint", mtls + prefix + "/token/revocation");
          metadata.put("mtls_endpoint_aliases", aliases);
        });
    List<String> algorithms =
        keys.state().published().stream()
            .map(SigningKey::algorithm)
            .map(SigningAlgorithm::name)
            .distinct()
            .toList();
    metadata.put("id_token_signing_alg_values_supported", algorithms);
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("subject_types_supported", List.of("public"));
    metadata.put("scopes_supported", config.scopes());
    metadata.put("claims_parameter_supported", false);
    metadata.put("request_parameter_supported", false);
    return ErrorRenderer.json(metadata);
  }
}
