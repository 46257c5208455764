package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.DefectReference;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import dev.transmitmock.server.token.TokenService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mints the tokens of the {@link Defect} catalog, and good tokens with any claim or header
 * overridden, from the emulator's own parts: the claims come from {@link
 * TokenService#claimsFor(String, java.util.Optional, java.util.Optional)} (so client, resource and
 * scope are checked as on the wire, and only the defect differs from a good token), the keys from
 * the {@link KeyRing} (or, for a client of an application with its own keys, that application's),
 * the {@code typ} from the {@link MockConfig}, the time from the {@link MockClock}.
 *
 * <pre>{@code
 * DefectiveTokens defects = new DefectiveTokens(tokenService, keyRing, config, clock);
 * String expired = defects.mint(Defect.EXPIRED, TokenSpec.forClient("demo-app"));
 * String byId = defects.mint("alg-none", TokenSpec.defaults());
 * String admin = defects.mintValid(TokenSpec.builder().claim("roles", List.of("Admin")).build());
 * }</pre>
 *
 * <p>Side effects: none on the server. Minting does not touch the journal, the active key or the
 * JWKS. Keys an attacker would use (and the one standing for a retired key) are generated on first
 * use and kept by this object; they are never published. Thread-safe.
 */
public final class DefectiveTokens {
  private final TokenService tokens;
  private final KeyRing keys;
  private final MockConfig config;
  private final MockClock clock;
  private final ShapedTokens shaped;
  private final ForeignKeys foreign;

  /**
   * Mints from the emulator's parts.
   *
   * @param tokens builds the claims of a good token
   * @param keys the tenant's global keys; the active one signs, unless the client's application has
   *     its own
   * @param config the {@code typ} header and the default client
   * @param clock the emulator's clock, the "now" of the time defects
   */
  public DefectiveTokens(TokenService tokens, KeyRing keys, MockConfig config, MockClock clock) {
    this(tokens, keys, config, clock, new ShapedTokens(clock));
  }

  /**
   * Defective tokens sharing the foreign keys of {@code shaped}, the signer of the token service's
   * next-token rules.
   */
  public DefectiveTokens(
      TokenService tokens, KeyRing keys, MockConfig config, MockClock clock, ShapedTokens shaped) {
    this.shaped = requireNonNull(shaped, "shaped must not be null");
    this.foreign = shaped.foreign;
    this.tokens = requireNonNull(tokens, "tokens must not be null");
    this.keys = requireNonNull(keys, "keys must not be null");
    this.config = requireNonNull(config, "config must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  /** A defective token for the first configured client, no resource, no scope. */
  public String mint(Defect defect) {
    return mint(defect, TokenSpec.defaults());
  }

  /**
   * A defective token. The spec's overrides are applied to the good token first and the defect
   * after them, so the defect wins where both touch the same claim or header parameter.
   *
   * @throws dev.transmitmock.server.token.OAuthException when the client is unknown or the resource
   *     or scope is refused, as the token endpoint would
   * @throws IllegalStateException when the spec names no client and none is configured
   */
  public String mint(Defect defect, TokenSpec spec) {
    requireNonNull(defect, "defect must not be null");
    return defect.mint(draft(spec));
  }

  /**
   * A defective token named by its {@link Defect#id()}.
   *
   * @throws IllegalArgumentException when no defect has this id (the message lists the ids)
   */
  public String mint(String defectId, TokenSpec spec) {
    return mint(DefectCatalog.require(defectId), spec);
  }

  /**
   * A good token with the spec's overrides, signed by the active key. The signature always uses the
   * active key's algorithm; overriding {@code alg} or {@code kid} changes only what the header
   * says.
   */
  public String mintValid(TokenSpec spec) {
    Draft draft = draft(spec);
    return draft.signedBy(draft.active());
  }

  /**
   * The token of a response a next-token rule shapes: exactly this header and these claims, signed
   * by {@code key}, with {@code defect} applied after them as {@link #mint(Defect, TokenSpec)}
   * applies it after a spec's overrides (what the token service's {@link ShapedTokens} does).
   */
  public String mintShaped(
      SigningKey key,
      Map<String, Object> header,
      Map<String, Object> claims,
      Optional<Defect> defect) {
    return shaped.sign(key, header, claims, defect.map(DefectReference.class::cast));
  }

  private Draft draft(TokenSpec spec) {
    requireNonNull(spec, "spec must not be null");
    String clientId = spec.clientId().orElseGet(this::defaultClient);
    Map<String, Object> claims =
        new LinkedHashMap<>(tokens.claimsFor(clientId, spec.resource(), spec.scope()));
    SigningKey active;
    if (spec.globalKey()) {
      active = keys.active();
      claims.put("iss", tokens.settings().current().issuer());
    } else {
      active = tokens.signingKeyOf(clientId);
    }
    apply(spec.claims(), claims);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", active.jwsAlgorithm().getName());
    header.put("kid", active.kid());
    tokens.settings().current().tokenTyp().headerValue().ifPresent(typ -> header.put("typ", typ));
    apply(spec.header(), header);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new Draft(header, claims, active, foreign, now);
  }

  private String defaultClient() {
    if (config.clients().isEmpty()) {
      throw new IllegalStateException(
          "no client is configured; name one with TokenSpec.builder().clientId(...)");
    }
    return config.clients().get(0).clientId();
  }

  private static void apply(Map<String, Object> overrides, Map<String, Object> target) {
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            target.remove(name);
          } else {
            target.put(name, value);
          }
        });
  }
}
