package dev.transmitmock.server.control;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.ErrorStyle;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.TokenTyp;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The settings of a running emulator that tests may change without a second server: the {@code typ}
 * of access tokens, the error style, the tenant's issuer, the default token lifetime, {@code
 * verboseErrors} and {@code alwaysIncludeScope}. They start as the {@link MockConfig} says; {@link
 * #reset()} (and the emulator's reset) restores that.
 *
 * <pre>{@code
 * server.settings().tokenTyp(TokenTyp.JWT).issuer("https://other.example");
 * // the next token has typ JWT and iss https://other.example; discovery says so too
 * server.settings().reset();
 * }</pre>
 *
 * <p>Every reader takes one {@link #current()} snapshot per request, so a change applies to the
 * next request as a whole. A changed issuer is the {@code iss} of new tokens, discovery's {@code
 * issuer}, an accepted {@code private_key_jwt} audience and the issuer introspection, revocation
 * and the token inspector accept; tokens issued under the former issuer become foreign
 * (introspection answers {@code active: false}). Applications with their own signing keys keep
 * their own domains. The {@code tid} claim does not follow the issuer. Thread-safe.
 */
public final class Settings {
  /** The longest token lifetime a test may set at runtime: ten years. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  private final Values initial;
  private final AtomicReference<Values> current;

  /** Settings starting as {@code config} says. */
  public Settings(MockConfig config) {
    this.initial = Values.of(requireNonNull(config, "config must not be null"));
    this.current = new AtomicReference<>(initial);
  }

  /** The settings in force now. */
  public Values current() {
    return current.get();
  }

  /** The settings the emulator started with. */
  public Values initial() {
    return initial;
  }

  /**
   * Changes several settings at once, atomically.
   *
   * <pre>{@code
   * server.settings().update(v -> v.withTokenTyp(TokenTyp.NONE).withErrorStyle(ErrorStyle.OAUTH));
   * }</pre>
   *
   * @return the settings now in force
   */
  public Values update(UnaryOperator<Values> change) {
    requireNonNull(change, "change must not be null");
    return current.updateAndGet(v -> requireNonNull(change.apply(v), "change returned null"));
  }

  /** Sets the {@code typ} header of new access tokens. */
  public Settings tokenTyp(TokenTyp tokenTyp) {
    update(v -> v.withTokenTyp(tokenTyp));
    return this;
  }

  /** Sets the shape of error bodies of the token, introspection and revocation endpoints. */
  public Settings errorStyle(ErrorStyle errorStyle) {
    update(v -> v.withErrorStyle(errorStyle));
    return this;
  }

  /**
   * Sets the tenant's issuer: an absolute URI with a host.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public Settings issuer(String issuer) {
    update(v -> v.withIssuer(issuer));
    return this;
  }

  /**
   * Sets the default token lifetime (used when neither the client nor the resource sets one).
   *
   * @throws IllegalArgumentException unless it is at least one second, in whole seconds
   */
  public Settings tokenLifetime(Duration tokenLifetime) {
    update(v -> v.withTokenLifetime(tokenLifetime));
    return this;
  }

  /** Whether error bodies add the reason as {@code error_detail}. */
  public Settings verboseErrors(boolean verboseErrors) {
    update(v -> v.withVerboseErrors(verboseErrors));
    return this;
  }

  /** Whether token responses carry {@code "scope": ""} when no scope was granted. */
  public Settings alwaysIncludeScope(boolean alwaysIncludeScope) {
    update(v -> v.withAlwaysIncludeScope(alwaysIncludeScope));
    return this;
  }

  /** Back to the settings the emulator started with. */
  public void reset() {
    current.set(initial);
  }

  @Override
  public String toString() {
    return "Settings" + current();
  }

  /**
   * One consistent set of settings.
   *
   * @param tokenTyp the {@code typ} header of access tokens
   * @param errorStyle the shape of error bodies
   * @param issuer the tenant's issuer
   * @param tokenLifetime the default access-token lifetime
   * @param verboseErrors whether error bodies add {@code error_detail}
   * @param alwaysIncludeScope whether token responses carry {@code "scope": ""} without a scope
   */
  public record Values(
      TokenTyp tokenTyp,
      ErrorStyle errorStyle,
      String issuer,
      Duration tokenLifetime,
      boolean verboseErrors,
      boolean alwaysIncludeScope) {

    /** Checks that no value is null. */
    public Values {
      requireNonNull(tokenTyp, "tokenTyp must not be null");
      requireNonNull(errorStyle, "errorStyle must not be null");
      requireNonNull(issuer, "issuer must not be null");
      requireNonNull(tokenLifetime, "tokenLifetime must not be null");
    }

    static Values of(MockConfig config) {
      return new Values(
          config.tokenTyp(),
          config.errorStyle(),
          config.issuer(),
          config.tokenLifetime(),
          config.verboseErrors(),
          config.alwaysIncludeScope());
    }

    /** These settings with another {@code typ}. */
    public Values withTokenTyp(TokenTyp tokenTyp) {
      return new Values(
          tokenTyp, errorStyle, issuer, tokenLifetime, verboseErrors, alwaysIncludeScope);
    }

    /** These settings with another error style. */
    public Values withErrorStyle(ErrorStyle errorStyle) {
      return new Values(
          tokenTyp, errorStyle, issuer, tokenLifetime, verboseErrors, alwaysIncludeScope);
    }

    /**
     * These settings with another tenant issuer.
     *
     * @throws IllegalArgumentException unless {@code issuer} is an absolute URI with a host
     */
    public Values withIssuer(String issuer) {
      checkIssuer(issuer);
      return new Values(
          tokenTyp, errorStyle, issuer, tokenLifetime, verboseErrors, alwaysIncludeScope);
    }

    /**
     * These settings with another default token lifetime.
     *
     * @throws IllegalArgumentException unless {@code tokenLifetime} is at least one second, in
     *     whole seconds
     */
    public Values withTokenLifetime(Duration tokenLifetime) {
      checkLifetime(tokenLifetime);
      return new Values(
          tokenTyp, errorStyle, issuer, tokenLifetime, verboseErrors, alwaysIncludeScope);
    }

    /** These settings with {@code verboseErrors} on or off. */
    public Values withVerboseErrors(boolean verboseErrors) {
      return new Values(
          tokenTyp, errorStyle, issuer, tokenLifetime, verboseErrors, alwaysIncludeScope);
    }

    /** These settings with {@code alwaysIncludeScope} on or off. */
    public Values withAlwaysIncludeScope(boolean alwaysIncludeScope) {
      return new Values(
          tokenTyp, errorStyle, issuer, tokenLifetime, verboseErrors, alwaysIncludeScope);
    }

    private static void checkIssuer(String issuer) {
      requireNonNull(issuer, "issuer must not be null");
      try {
        URI uri = new URI(issuer);
        if (!uri.isAbsolute() || uri.getHost() == null) {
          throw new IllegalArgumentException("not an absolute URI with a host: " + issuer);
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a valid URI: " + issuer);
      }
    }

    private static void checkLifetime(Duration lifetime) {
      requireNonNull(lifetime, "tokenLifetime must not be null");
      if (lifetime.getSeconds() < 1
          || lifetime.getNano() != 0
          || lifetime.compareTo(MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException(
            "must be one second to "
                + MAX_LIFETIME
                + ", in whole seconds (e.g. PT5M), was "
                + lifetime);
      }
    }
  }
}
