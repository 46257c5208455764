package dev.transmitmock.server.token;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.UnassignedResourcePolicy;
import dev.transmitmock.server.config.UnknownScopePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client-credentials token grants: its audience (the one resource, if any), the resource's
 * lifetime and the granted scope, decided in node-oidc-provider's order ({@code
 * actions/grants/client_credentials.js}, {@code shared/check_resource.js}):
 *
 * <ol>
 *   <li>every {@code resource} value is checked (absolute URI, no fragment, known and assigned);
 *       the same value twice counts once;
 *   <li>requested scopes the tenant knows ({@code scopes}) must be among the client's {@code
 *       scopes}, when it lists any (400 {@code invalid_scope});
 *   <li>more than one distinct resource is 400 {@code invalid_target};
 *   <li>the granted scope: without a resource, the requested scopes the tenant knows; with one,
 *       those the resource lists. Other scopes are dropped silently ({@link
 *       UnknownScopePolicy#DROP}), or all are granted ({@link UnknownScopePolicy#GRANT}).
 * </ol>
 *
 * @param audience the resource URI, when a resource was granted
 * @param lifetime the resource's token lifetime, if it has one
 * @param scope the granted scopes, space-separated; empty when none was granted
 */
record GrantedAccess(
    Optional<String> audience, Optional<Duration> lifetime, Optional<String> scope) {

  /**
   * Decides what a request grants.
   *
   * @param resources every {@code resource} value of the request, in order
   * @param requestedScope the {@code scope} parameter
   * @throws OAuthException 400 {@code invalid_target} or {@code invalid_scope}
   */
  static GrantedAccess decide(
      MockConfig config,
      ClientRegistry registry,
      ClientConfig client,
      List<String> resources,
      Optional<String> requestedScope) {
    // A lone empty value is no resource (node-oidc-provider reads "" as absent).
    List<String> values =
        resources.size() == 1 && resources.get(0).isEmpty() ? List.of() : resources;
    Map<String, Optional<Target>> checked = new LinkedHashMap<>();
    for (String value : values) {
      if (!checked.containsKey(value)) {
        checked.put(value, resource(config, registry, client, value));
      }
    }
    List<String> requested =
        requestedScope.stream()
            .flatMap(s -> Arrays.stream(s.split(" ")))
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    boolean grantAll = config.unknownScopePolicy() == UnknownScopePolicy.GRANT;
    if (!client.scopes().isEmpty()) {
      for (String scope : requested) {
        if ((grantAll || config.scopes().contains(scope)) && !client.scopes().contains(scope)) {
          throw OAuthError.invalidScope(scope).exception();
        }
      }
    }
    if (checked.size() > 1) {
      throw OAuthError.invalidTarget(
              "only a single resource indicator value is supported for this grant type")
          .exception();
    }
    // An unassigned resource under the default-audience policy grants as if none was asked.
    Optional<Target> target = checked.values().stream().findFirst().flatMap(t -> t);
    List<String> known = target.map(Target::scopes).orElse(config.scopes());
    List<String> scopes =
        requested.stream().filter(scope -> grantAll || known.contains(scope)).toList();
    return new GrantedAccess(
        target.map(Target::audience),
        target.flatMap(Target::lifetime),
        scopes.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", scopes)));
  }

  /** A granted resource: its URI (the audience), lifetime and scopes. */
  private record Target(String audience, Optional<Duration> lifetime, List<String> scopes) {}

  /**
   * Checks one resource value: the tenant's resource assigned to the client or a built-in service
   * resource; empty for an unassigned one under {@code default-audience}.
   */
  private static Optional<Target> resource(
      MockConfig config, ClientRegistry registry, ClientConfig client, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw OAuthError.invalidTarget("resource indicator must be an absolute URI").exception();
    }
    if (!uri.isAbsolute()) {
      throw OAuthError.invalidTarget("resource indicator must be an absolute URI").exception();
    }
    if (uri.getRawFragment() != null) {
      throw OAuthError.invalidTarget("resource indicator must not contain a fragment component")
          .exception();
    }
    if (config.serviceResources().contains(uri)) {
      return Optional.of(new Target(value, Optional.empty(), List.of()));
    }
    Optional<ResourceConfig> defined = registry.resource(uri);
    if (defined.isPresent() && client.resources().contains(uri)) {
      return Optional.of(new Target(value, defined.get().tokenLifetime(), defined.get().scopes()));
    }
    if (config.unassignedResourcePolicy() == UnassignedResourcePolicy.DEFAULT_AUDIENCE) {
      return Optional.empty();
    }
    throw OAuthError.invalidTarget("resource indicator is missing, or unknown").exception();
  }
}
