package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What token to mint: for which client, resource and scope, and which claims and header parameters
 * to override. A {@code null} override value removes the claim or header parameter.
 *
 * <pre>{@code
 * TokenSpec spec = TokenSpec.builder()
 *     .clientId("orders-svc")                   // default: the first configured client
 *     .resource("https://api.orders.example")   // checked as on the wire
 *     .scope("orders:read")
 *     .claim("roles", List.of("Admin"))         // added or replaced
 *     .removeClaim("app_name")                  // same as .claim("app_name", null)
 *     .header("kid", "some-other-kid")
 *     .build();
 * }</pre>
 *
 * <p>Override values are JSON values: {@code String}, {@code Number}, {@code Boolean}, lists and
 * maps of them, or {@code null}; an {@link Instant} becomes epoch seconds and a {@link URI} its
 * text.
 *
 * @param clientId the client the token is for; empty: the first configured client
 * @param resource the {@code resource} as on the wire (decides {@code aud} and lifetime)
 * @param scope the requested scope
 * @param claims claim overrides, in order; a {@code null} value removes the claim
 * @param header header overrides, in order; a {@code null} value removes the parameter
 * @param globalKey sign with the tenant's global key and issuer even for a client of an application
 *     with its own keys: a token as the app's clients got before the switch
 */
public record TokenSpec(
    Optional<String> clientId,
    Optional<String> resource,
    Optional<String> scope,
    Map<String, Object> claims,
    Map<String, Object> header,
    boolean globalKey) {

  /** A spec signed by the client's own key (the shape before {@code globalKey} existed). */
  public TokenSpec(
      Optional<String> clientId,
      Optional<String> resource,
      Optional<String> scope,
      Map<String, Object> claims,
      Map<String, Object> header) {
    this(clientId, resource, scope, claims, header, false);
  }

  public TokenSpec {
    requireNonNull(clientId, "clientId must not be null");
    requireNonNull(resource, "resource must not be null");
    requireNonNull(scope, "scope must not be null");
    claims = jsonObject(requireNonNull(claims, "claims must not be null"), "claim");
    header = jsonObject(requireNonNull(header, "header must not be null"), "header");
  }

  /** A good token for the first configured client, no resource, no scope, no overrides. */
  public static TokenSpec defaults() {
    return builder().build();
  }

  /** A good token for this client, no resource, no scope, no overrides. */
  public static TokenSpec forClient(String clientId) {
    return builder().clientId(clientId).build();
  }

  /** Starts an empty spec. */
  public static Builder builder() {
    return new Builder();
  }

  private static Map<String, Object> jsonObject(Map<String, ?> map, String what) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (name, value) -> {
          requireNonNull(name, what + " names must not be null");
          copy.put(name, jsonValue(value, what + " " + name));
        });
    return Collections.unmodifiableMap(copy);
  }

  private static Object jsonValue(Object value, String where) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    if (value instanceof URI uri) {
      return uri.toString();
    }
    if (value instanceof Collection<?> items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(jsonValue(item, where));
      }
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!(k instanceof String key)) {
              throw new IllegalArgumentException(where + ": object keys must be strings");
            }
            object.put(key, jsonValue(v, where + "." + key));
          });
      return Collections.unmodifiableMap(object);
    }
    throw new IllegalArgumentException(
        where
            + ": unsupported value type "
            + value.getClass().getSimpleName()
            + "; use String, Number, Boolean, List, Map, Instant or null");
  }

  /** Builds {@link TokenSpec}s. */
  public static final class Builder {
    private String clientId;
    private String resource;
    private String scope;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> header = new LinkedHashMap<>();
    private boolean globalKey;

    private Builder() {}

    /**
     * Signs with the tenant's global key and issuer, as before the client's application switched to
     * app-specific keys: within the app's transition window the token stays valid; after it, not.
     */
    public Builder globalKey() {
      this.globalKey = true;
      return this;
    }

    /** The client; default the first configured client. */
    public Builder clientId(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      return this;
    }

    /** The {@code resource} parameter, as on the wire. */
    public Builder resource(String resource) {
      this.resource = requireNonNull(resource, "resource must not be null");
      return this;
    }

    /** The {@code scope} parameter, as on the wire. */
    public Builder scope(String scope) {
      this.scope = requireNonNull(scope, "scope must not be null");
      return this;
    }

    /** Sets (or, with {@code null}, removes) a claim. */
    public Builder claim(String name, Object value) {
      claims.put(requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /** Removes a claim from the token. */
    public Builder removeClaim(String name) {
      return claim(name, null);
    }

    /** Sets (or, with {@code null} values, removes) several claims. */
    public Builder claims(Map<String, ?> overrides) {
      requireNonNull(overrides, "overrides must not be null").forEach(this::claim);
      return this;
    }

    /** Sets (or, with {@code null}, removes) a header parameter. */
    public Builder header(String name, Object value) {
      header.put(requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /** Removes a header parameter. */
    public Builder removeHeader(String name) {
      return header(name, null);
    }

    /** Sets (or, with {@code null} values, removes) several header parameters. */
    public Builder headers(Map<String, ?> overrides) {
      requireNonNull(overrides, "overrides must not be null").forEach(this::header);
      return this;
    }

    public TokenSpec build() {
      return new TokenSpec(
          Optional.ofNullable(clientId),
          Optional.ofNullable(resource),
          Optional.ofNullable(scope),
          claims,
          header,
          globalKey);
    }
  }
}
