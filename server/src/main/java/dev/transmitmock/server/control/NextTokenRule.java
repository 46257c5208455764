package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How the real token endpoint answers a client's next successful request(s): claim and header
 * overrides, another {@code expires_in} (and lifetime), response fields left out or added, a defect
 * of the catalog, or an OAuth error instead of a token. Built with {@link #forClient(String)} and
 * installed in {@link NextTokenRules}; {@code TransmitMockServer.nextToken(clientId)} does both.
 *
 * <pre>{@code
 * server.nextToken("demo-app").expiresIn(Duration.ofSeconds(5)).times(2).install();
 * server.nextToken("demo-app").omit("scope").claim("roles", List.of("Admin")).install();
 * server.nextToken("demo-app").header("typ", "JWT").install();
 * server.nextToken("demo-app").defect(Defect.EXPIRED).install();
 * server.nextToken("demo-app").error(503, "temporarily_unavailable", "try later").retryAfter(2)
 *     .install();
 * }</pre>
 *
 * <p>A token rule changes only what it names: the token is otherwise the one the endpoint would
 * have issued (client, resource, scope, key, issuer), so it stays what the real service could send
 * unless the rule deliberately asks for more.
 *
 * @param id the rule's id ({@code next-token-<n>}), assigned when installed
 * @param clientId the client whose requests it answers
 * @param times how many more responses it shapes
 * @param claims claims to add or replace; a {@code null} value removes the claim
 * @param header JOSE header parameters to add or replace; a {@code null} value removes one
 * @param expiresIn the token's lifetime: {@code expires_in} and {@code exp - iat}
 * @param omit response fields left out: {@code scope}, {@code expires_in}, {@code token_type}
 * @param responseFields response fields to add or replace (never {@code access_token})
 * @param defect a catalog defect applied to the token after the overrides
 * @param error an OAuth error answered instead of a token
 */
public record NextTokenRule(
    String id,
    String clientId,
    int times,
    Map<String, Object> claims,
    Map<String, Object> header,
    OptionalLong expiresIn,
    Set<String> omit,
    Map<String, Object> responseFields,
    Optional<DefectReference> defect,
    Optional<RuleError> error) {

  /** Header parameters a rule may not set: they would change what the signature means. */
  public static final Set<String> REFUSED_HEADERS = Set.of("alg", "crit", "b64", "jwk", "x5c");

  /** Response fields a rule may leave out. */
  public static final Set<String> OMITTABLE = Set.of("scope", "expires_in", "token_type");

  /** Copies the maps and sets (claim and header maps may hold {@code null}: removals). */
  public NextTokenRule {
    requireNonNull(id, "id must not be null");
    requireNonNull(clientId, "clientId must not be null");
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    requireNonNull(expiresIn, "expiresIn must not be null");
    omit = Collections.unmodifiableSet(new LinkedHashSet<>(omit));
    responseFields = Collections.unmodifiableMap(new LinkedHashMap<>(responseFields));
    requireNonNull(defect, "defect must not be null");
    requireNonNull(error, "error must not be null");
  }

  /** Starts a rule for the client's next successful token request. */
  public static Builder forClient(String clientId) {
    return new Builder(clientId);
  }

  /** Whether the rule answers with an error instead of a token. */
  public boolean isError() {
    return error.isPresent();
  }

  /** The same rule with another id and number of remaining uses. */
  public NextTokenRule with(String newId, int newTimes) {
    return new NextTokenRule(
        newId, clientId, newTimes, claims, header, expiresIn, omit, responseFields, defect, error);
  }

  /** One line saying what the rule does, for listings and the journal. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    error.ifPresent(
        e ->
            parts.add(
                "error "
                    + e.status()
                    + " "
                    + e.error()
                    + (e.retryAfter().isPresent()
                        ? " (Retry-After " + e.retryAfter().getAsLong() + ")"
                        : "")));
    if (!claims.isEmpty()) {
      parts.add("claims " + claims.keySet());
    }
    if (!header.isEmpty()) {
      parts.add("header " + header.keySet());
    }
    expiresIn.ifPresent(s -> parts.add("expires_in " + s));
    if (!omit.isEmpty()) {
      parts.add("without " + omit);
    }
    if (!responseFields.isEmpty()) {
      parts.add("response fields " + responseFields.keySet());
    }
    defect.ifPresent(d -> parts.add("defect " + d.id()));
    if (parts.isEmpty()) {
      parts.add("an unchanged token");
    }
    return "next "
        + (times == 1 ? "token response" : times + " token responses")
        + " of "
        + clientId
        + ": "
        + String.join(", ", parts);
  }

  /**
   * An OAuth error answered instead of a token, rendered in the emulator's error style.
   *
   * @param status the HTTP status, 400 to 599
   * @param error the {@code error} code
   * @param description the {@code error_description}
   * @param retryAfter a {@code Retry-After} header in seconds, if any
   */
  public record RuleError(int status, String error, String description, OptionalLong retryAfter) {
    /** Checks the status (400 to 599), the error code (RFC 6749's characters) and retryAfter. */
    public RuleError {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("error.status: must be 400 to 599, was " + status);
      }
      if (error == null || error.isBlank()) {
        throw new IllegalArgumentException("error.error: is required");
      }
      if (!error.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')) {
        throw new IllegalArgumentException(
            "error.error: RFC 6749 error codes are printable ASCII without \" and \\");
      }
      requireNonNull(description, "description must not be null");
      requireNonNull(retryAfter, "retryAfter must not be null");
      if (retryAfter.isPresent() && retryAfter.getAsLong() < 0) {
        throw new IllegalArgumentException(
            "error.retryAfter: must be 0 or more seconds, was " + retryAfter.getAsLong());
      }
    }

    /** node-oidc-provider's description of a well-known error code, else the code itself. */
    public static String defaultDescription(String error) {
      return switch (error) {
        case "invalid_client" -> "client authentication failed";
        case "invalid_grant" -> "grant request is invalid";
        case "invalid_scope" -> "requested scope is not allowed";
        case "invalid_target" -> "resource indicator is missing, or unknown";
        case "unauthorized_client" -> "unauthorized_client";
        case "server_error" -> "oops! something went wrong";
        case "temporarily_unavailable" -> "temporarily unavailable";
        default -> error;
      };
    }
  }

  /** Builds a {@link NextTokenRule}; every setter checks its input at once. */
  public static final class Builder {
    private final String clientId;
    private int times = 1;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> header = new LinkedHashMap<>();
    private OptionalLong expiresIn = OptionalLong.empty();
    private final Set<String> omit = new LinkedHashSet<>();
    private final Map<String, Object> responseFields = new LinkedHashMap<>();
    private Optional<DefectReference> defect = Optional.empty();
    private Integer errorStatus;
    private String errorCode;
    private String errorDescription;
    private OptionalLong retryAfter = OptionalLong.empty();
    private NextTokenRules target;

    Builder(String clientId, NextTokenRules target) {
      this(clientId);
      this.target = target;
    }

    Builder(String clientId) {
      requireNonNull(clientId, "clientId must not be null");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("clientId: must not be blank");
      }
      this.clientId = clientId;
    }

    /** The client this rule is for. */
    public String clientId() {
      return clientId;
    }

    /** Shapes the next {@code times} responses (default 1). */
    public Builder times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times: must be at least 1, was " + times);
      }
      this.times = times;
      return this;
    }

    /** Adds or replaces a claim; a {@code null} value removes it. */
    public Builder claim(String name, Object value) {
      requireNonNull(name, "claim name must not be null");
      claims.put(name, value);
      return this;
    }

    /** Adds or replaces claims; {@code null} values remove them. */
    public Builder claims(Map<String, ?> claims) {
      claims.forEach(this::claim);
      return this;
    }

    /** Removes a claim. */
    public Builder removeClaim(String name) {
      return claim(name, null);
    }

    /**
     * Adds or replaces a JOSE header parameter ({@code typ}, {@code kid}, {@code cty}, ...); a
     * {@code null} value removes it.
     *
     * @throws IllegalArgumentException for {@code alg}, {@code crit}, {@code b64}, {@code jwk} and
     *     {@code x5c}, which change what the signature means: the catalog's defects cover them
     */
    public Builder header(String name, Object value) {
      requireNonNull(name, "header name must not be null");
      if (REFUSED_HEADERS.contains(name)) {
        throw new IllegalArgumentException(
            "header."
                + name
                + ": cannot be overridden (alg, crit, b64, jwk and x5c change what the signature"
                + " means); use a defect of the catalog (e.g. alg-none, embedded-jwk) instead");
      }
      header.put(name, value);
      return this;
    }

    /** Adds or replaces header parameters; {@code null} values remove them. */
    public Builder headers(Map<String, ?> headers) {
      headers.forEach(this::header);
      return this;
    }

    /**
     * The token's lifetime: {@code expires_in} in the response and {@code exp - iat} in the token.
     * Zero is allowed (a token expiring as it is issued).
     */
    public Builder expiresIn(Duration lifetime) {
      requireNonNull(lifetime, "expiresIn must not be null");
      if (lifetime.isNegative() || lifetime.getNano() != 0) {
        throw new IllegalArgumentException(
            "expiresIn: must be 0 or more whole seconds, was " + lifetime);
      }
      if (lifetime.compareTo(Settings.MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException(
            "expiresIn: must be at most " + Settings.MAX_LIFETIME + ", was " + lifetime);
      }
      this.expiresIn = OptionalLong.of(lifetime.getSeconds());
      return this;
    }

    /** Leaves a response field out: {@code scope}, {@code expires_in} or {@code token_type}. */
    public Builder omit(String field) {
      if (!OMITTABLE.contains(field)) {
        throw new IllegalArgumentException(
            "omit: '"
                + field
                + "' cannot be left out; one of expires_in, scope, token_type (access_token is"
                + " always sent)");
      }
      omit.add(field);
      return this;
    }

    /**
     * Adds or replaces a field of the JSON response ({@code token_type: "bearer"}, {@code
     * refresh_token}, ...).
     *
     * @throws IllegalArgumentException for {@code access_token} (shape the token itself instead) or
     *     a {@code null} value (use {@link #omit(String)})
     */
    public Builder responseField(String name, Object value) {
      requireNonNull(name, "field name must not be null");
      if (name.equals("access_token")) {
        throw new IllegalArgumentException(
            "responseFields.access_token: cannot be replaced; shape the token with claims, header"
                + " or defect");
      }
      if (value == null) {
        throw new IllegalArgumentException(
            "responseFields." + name + ": must not be null; leave a field out with omit");
      }
      responseFields.put(name, value);
      return this;
    }

    /** Adds or replaces response fields. */
    public Builder responseFields(Map<String, ?> fields) {
      fields.forEach(this::responseField);
      return this;
    }

    /** Applies a defect of the catalog to the token, after the claim and header overrides. */
    public Builder defect(DefectReference defect) {
      this.defect = Optional.of(requireNonNull(defect, "defect must not be null"));
      return this;
    }

    /**
     * Answers with an OAuth error instead of a token, with node-oidc-provider's description of a
     * well-known code.
     */
    public Builder error(int status, String error) {
      return error(status, error, null);
    }

    /** Answers with an OAuth error instead of a token. */
    public Builder error(int status, String error, String description) {
      this.errorStatus = status;
      this.errorCode = error;
      this.errorDescription = description;
      return this;
    }

    /** With {@link #error}: a {@code Retry-After} header, in seconds. */
    public Builder retryAfter(long seconds) {
      this.retryAfter = OptionalLong.of(seconds);
      return this;
    }

    /**
     * Builds the rule and installs it in the rules this builder came from ({@code
     * server.nextToken(clientId)}), returning it with its id.
     *
     * @throws IllegalArgumentException naming the field when the rule makes no sense or its client
     *     is not registered
     * @throws IllegalStateException for a builder of {@link NextTokenRule#forClient(String)}: pass
     *     {@link #build()} to {@link NextTokenRules#add(NextTokenRule)}
     */
    public NextTokenRule install() {
      if (target == null) {
        throw new IllegalStateException(
            "this rule belongs to no server: start it with server.nextToken(clientId), or pass"
                + " build() to NextTokenRules.add");
      }
      return target.add(build());
    }

    /**
     * Checks the combination and builds the rule (its id is assigned when installed).
     *
     * @throws IllegalArgumentException naming the field when the combination makes no sense
     */
    public NextTokenRule build() {
      Optional<RuleError> error = Optional.empty();
      if (errorCode != null || errorStatus != null) {
        if (errorCode == null) {
          throw new IllegalArgumentException("error.error: is required");
        }
        error =
            Optional.of(
                new RuleError(
                    errorStatus == null ? 400 : errorStatus,
                    errorCode,
                    errorDescription != null
                        ? errorDescription
                        : RuleError.defaultDescription(errorCode),
                    retryAfter));
        List<String> shaping = new ArrayList<>();
        if (!claims.isEmpty()) {
          shaping.add("claims");
        }
        if (!header.isEmpty()) {
          shaping.add("header");
        }
        if (expiresIn.isPresent()) {
          shaping.add("expiresIn");
        }
        if (!omit.isEmpty()) {
          shaping.add("omit");
        }
        if (!responseFields.isEmpty()) {
          shaping.add("responseFields");
        }
        if (defect.isPresent()) {
          shaping.add("defect");
        }
        if (!shaping.isEmpty()) {
          throw new IllegalArgumentException(
              "error: an error answers instead of a token, so it cannot be combined with "
                  + String.join(", ", shaping));
        }
      } else if (retryAfter.isPresent()) {
        throw new IllegalArgumentException(
            "error.retryAfter: only goes with an error (error(status, code))");
      }
      for (String field : omit) {
        if (responseFields.containsKey(field)) {
          throw new IllegalArgumentException(
              "responseFields." + field + ": is also in omit; say one or the other");
        }
      }
      return new NextTokenRule(
          "", clientId, times, claims, header, expiresIn, omit, responseFields, defect, error);
    }
  }
}
