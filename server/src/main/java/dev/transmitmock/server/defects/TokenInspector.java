package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.RevokedTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Explains, for any string presented as an access token, every reason a careful consumer of
 * Transmit's tokens rejects it, judged against this emulator: its published and retired keys, its
 * issuer and audiences, and its clock. The careful consumer is the one the {@link Defect} catalog
 * assumes (see the package documentation), so every catalog token's first finding is its {@link
 * Defect#expectedRejection()}.
 *
 * <pre>{@code
 * TokenInspection inspection = server.tokenInspector()
 *     .expectingAudience("https://api.example.test")   // default: any audience of the tenant
 *     .allowingClockSkew(Duration.ofSeconds(60))       // default: none
 *     .inspect(token);
 * if (!inspection.accepted()) {
 *   inspection.findings().forEach(f -> System.out.println(f.reason() + ": " + f.message()));
 * }
 * }</pre>
 *
 * <p>Unlike a verifier it does not stop at the first failed check: a token that is both unsigned
 * and expired gets both findings, in the order a verifier checks (parse, type, algorithm, key,
 * signature, claims). It never throws for any input, and keeps no copy of the token. Immutable and
 * thread-safe; it reads the keys, clients and clock as they are at each call.
 */
public final class TokenInspector {
  /** The largest clock skew an inspection accepts. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

  private final Settings settings;
  private final KeyRing keys;
  private final MockConfig config;
  private final ClientRegistry clients;
  private final MockClock clock;
  private final RevokedTokens revoked;
  private final Optional<String> expectedAudience;
  private final Duration clockSkew;

  /**
   * An inspector judging against the emulator's parts, with no expected audience and no skew.
   *
   * @param keys the published keys verify, the retired ones explain a failed lookup
   * @param config the issuer, tenant, default and service audiences
   * @param clients the tenant's resources, which are audiences too
   * @param clock "now"
   * @param revoked revocations, noted (a consumer verifying locally cannot know them)
   */
  public TokenInspector(
      KeyRing keys,
      MockConfig config,
      ClientRegistry clients,
      MockClock clock,
      RevokedTokens revoked) {
    this(keys, config, clients, clock, revoked, new Settings(config));
  }

  /**
   * An inspector judging the issuer by {@code settings}, which tests may change at runtime.
   *
   * @param revoked revocations, noted (a consumer verifying locally cannot know them)
   */
  public TokenInspector(
      KeyRing keys,
      MockConfig config,
      ClientRegistry clients,
      MockClock clock,
      RevokedTokens revoked,
      Settings settings) {
    this(
        requireNonNull(keys, "keys must not be null"),
        requireNonNull(config, "config must not be null"),
        requireNonNull(clients, "clients must not be null"),
        requireNonNull(clock, "clock must not be null"),
        requireNonNull(revoked, "revoked must not be null"),
        requireNonNull(settings, "settings must not be null"),
        Optional.empty(),
        Duration.ZERO);
  }

  private TokenInspector(
      KeyRing keys,
      MockConfig config,
      ClientRegistry clients,
      MockClock clock,
      RevokedTokens revoked,
      Settings settings,
      Optional<String> expectedAudience,
      Duration clockSkew) {
    this.settings = settings;
    this.keys = keys;
    this.config = config;
    this.clients = clients;
    this.clock = clock;
    this.revoked = revoked;
    this.expectedAudience = expectedAudience;
    this.clockSkew = clockSkew;
  }

  /**
   * An inspector whose consumer expects exactly this audience; by default any audience of the
   * tenant (its resources, Transmit's service resources, the default audience) is accepted.
   */
  public TokenInspector expectingAudience(String audience) {
    requireNonNull(audience, "audience must not be null");
    if (audience.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
    return new TokenInspector(
        keys, config, clients, clock, revoked, settings, Optional.of(audience), clockSkew);
  }

  /**
   * An inspector whose consumer allows this clock skew on {@code exp}, {@code nbf} and {@code iat}
   * (default zero: the strictest consumer).
   *
   * @throws IllegalArgumentException when negative or over {@link #MAX_CLOCK_SKEW}
   */
  public TokenInspector allowingClockSkew(Duration skew) {
    requireNonNull(skew, "skew must not be null");
    if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException(
          "clock skew must be between PT0S and " + MAX_CLOCK_SKEW + ", was " + skew);
    }
    return new TokenInspector(
        keys, config, clients, clock, revoked, settings, expectedAudience, skew);
  }

  /** The expected audience, if one was set. */
  public Optional<String> expectedAudience() {
    return expectedAudience;
  }

  /** The clock skew allowed. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** Inspects a token (surrounding white space and a {@code Bearer } prefix are ignored). */
  public TokenInspection inspect(String token) {
    requireNonNull(token, "token must not be null");
    Instant now = clock.instant();
    InspectionReport report = new InspectionReport();
    TokenParts parts = TokenParts.of(stripBearer(token.strip()));
    report.addAll(parts.problems());
    parts.header().ifPresent(header -> new HeaderChecks(keys.state(), report).check(parts));
    parts
        .claims()
        .ifPresent(
            claims -> {
              new ClaimChecks(report, now, clockSkew)
                  .check(claims, settings.current().issuer(), expectedAudience, knownAudiences());
              noteEmulatorState(claims, report);
            });
    return new TokenInspection(
        report.findings(), report.notes(), parts.header(), parts.claims(), report.signedBy(), now);
  }

  private static String stripBearer(String token) {
    return token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).strip() : token;
  }

  private Set<String> knownAudiences() {
    Set<String> audiences = new LinkedHashSet<>();
    audiences.add(config.defaultAudience());
    for (ResourceConfig resource : clients.resources()) {
      audiences.add(resource.uri().toString());
    }
    for (URI service : config.serviceResources()) {
      audiences.add(service.toString());
    }
    return audiences;
  }

  /** Remarks only the emulator can make: revocation, tenant, client, certificate binding. */
  private void noteEmulatorState(Map<String, Object> claims, InspectionReport report) {
    if (claims.get("jti") instanceof String jti && revoked.isRevoked(jti)) {
      report.note(
          "revoked at the emulator: introspection answers active: false, while a consumer that"
              + " verifies locally still accepts it until it expires");
    }
    Object tid = claims.get("tid");
    if (tid != null && !config.tenantId().equals(tid)) {
      report.note(
          "tid "
              + tid
              + " is not this tenant's ("
              + config.tenantId()
              + "): a consumer that pins its tenant rejects it");
    }
    if (claims.get("client_id") instanceof String clientId && clients.client(clientId).isEmpty()) {
      report.note("client_id " + clientId + " is not a client registered at the emulator");
    }
    if (claims.containsKey("cnf")) {
      report.note(
          "certificate-bound (cnf): the API must also compare cnf.x5t#S256 with the caller's TLS"
              + " certificate (RFC 8705 §3)");
    }
  }
}
