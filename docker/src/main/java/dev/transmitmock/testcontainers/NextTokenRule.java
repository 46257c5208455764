package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the emulator's real token endpoint answers a client's next successful request(s), installed
 * with {@link NextTokenControl#install(NextTokenRule)}: claim and header overrides, another {@code
 * expires_in}, response fields left out or added, a catalog defect, or an OAuth error instead of a
 * token. The emulator checks the rule and answers 400 naming the field when it makes no sense.
 *
 * <pre>{@code
 * NextTokenRule.forClient("demo-app").expiresIn(Duration.ofSeconds(5)).build();
 * NextTokenRule.forClient("demo-app").omit("scope").claim("roles", List.of("Admin")).build();
 * NextTokenRule.forClient("demo-app").header("typ", "JWT").times(2).build();
 * NextTokenRule.forClient("demo-app").defect("expired").build();
 * NextTokenRule.forClient("demo-app").error(503, "temporarily_unavailable").retryAfter(2).build();
 * }</pre>
 *
 * @param fields the rule as the control API's JSON members ({@code POST /_mock/next-token})
 */
public record NextTokenRule(Map<String, Object> fields) {

  /** Copies the fields (which may hold {@code null} claim and header values: removals). */
  public NextTokenRule {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields)));
  }

  /** Starts a rule for a registered client. */
  public static Builder forClient(String clientId) {
    return new Builder(clientId);
  }

  /** Builds a {@link NextTokenRule}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<String> omit = new ArrayList<>();
    private final Map<String, Object> responseFields = new LinkedHashMap<>();
    private final Map<String, Object> error = new LinkedHashMap<>();

    private Builder(String clientId) {
      fields.put("clientId", requireNonNull(clientId, "clientId must not be null"));
    }

    /** Shapes the next {@code times} responses (default 1). */
    public Builder times(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1, was " + times);
      }
      fields.put("times", times);
      return this;
    }

    /** Adds or replaces a claim of the token. */
    public Builder claim(String name, Object value) {
      claims.put(
          requireNonNull(name, "name must not be null"),
          requireNonNull(value, "value must not be null; use removeClaim"));
      return this;
    }

    /** Removes a claim from the token. */
    public Builder removeClaim(String name) {
      claims.put(requireNonNull(name, "name must not be null"), null);
      return this;
    }

    /**
     * Adds or replaces a JOSE header parameter ({@code typ}, {@code kid}, ...); the emulator
     * refuses {@code alg}, {@code crit}, {@code b64}, {@code jwk} and {@code x5c}.
     */
    public Builder header(String name, Object value) {
      header.put(
          requireNonNull(name, "name must not be null"),
          requireNonNull(value, "value must not be null; use removeHeader"));
      return this;
    }

    /** Removes a header parameter (e.g. {@code typ}). */
    public Builder removeHeader(String name) {
      header.put(requireNonNull(name, "name must not be null"), null);
      return this;
    }

    /** The token's lifetime: {@code expires_in} and {@code exp - iat}; zero is allowed. */
    public Builder expiresIn(Duration lifetime) {
      requireNonNull(lifetime, "lifetime must not be null");
      if (lifetime.isNegative() || lifetime.getNano() != 0) {
        throw new IllegalArgumentException(
            "expiresIn must be 0 or more whole seconds, was " + lifetime);
      }
      fields.put("expiresIn", lifetime.getSeconds());
      return this;
    }

    /** Leaves a response field out: {@code scope}, {@code expires_in} or {@code token_type}. */
    public Builder omit(String field) {
      omit.add(requireNonNull(field, "field must not be null"));
      return this;
    }

    /** Adds or replaces a response field (never {@code access_token}). */
    public Builder responseField(String name, Object value) {
      responseFields.put(
          requireNonNull(name, "name must not be null"),
          requireNonNull(value, "value must not be null; use omit"));
      return this;
    }

    /** Applies an access-token defect of the catalog ({@link Defect#id()}) to the token. */
    public Builder defect(String defectId) {
      fields.put("defect", requireNonNull(defectId, "defectId must not be null"));
      return this;
    }

    /** Answers with an OAuth error instead of a token (the engine's wording as description). */
    public Builder error(int status, String error) {
      this.error.put("status", status);
      this.error.put("error", requireNonNull(error, "error must not be null"));
      return this;
    }

    /** Answers with an OAuth error and this {@code error_description} instead of a token. */
    public Builder error(int status, String error, String description) {
      error(status, error);
      this.error.put(
          "error_description", requireNonNull(description, "description must not be null"));
      return this;
    }

    /** With {@link #error}: a {@code Retry-After} header, in seconds. */
    public Builder retryAfter(long seconds) {
      this.error.put("retryAfter", seconds);
      return this;
    }

    /** Builds the rule. */
    public NextTokenRule build() {
      Map<String, Object> all = new LinkedHashMap<>(fields);
      if (!claims.isEmpty()) {
        all.put("claims", new LinkedHashMap<>(claims));
      }
      if (!header.isEmpty()) {
        all.put("header", new LinkedHashMap<>(header));
      }
      if (!omit.isEmpty()) {
        all.put("omit", List.copyOf(omit));
      }
      if (!responseFields.isEmpty()) {
        all.put("responseFields", new LinkedHashMap<>(responseFields));
      }
      if (!error.isEmpty()) {
        all.put("error", new LinkedHashMap<>(error));
      }
      return new NextTokenRule(all);
    }
  }
}
