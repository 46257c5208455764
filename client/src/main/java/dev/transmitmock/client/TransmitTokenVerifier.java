package dev.transmitmock.client;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.transmitmock.client.TokenRejectedException.Reason;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies Transmit Security access tokens the way a protected API must: signature against the
 * issuer's JWKS, algorithm allow-list, {@code typ}, exact issuer, audience, time window with an
 * explicit clock skew, required claims, and optionally tenant and admin role.
 *
 * <p>Built on Nimbus' {@link DefaultJWTProcessor} and {@link JWKSourceBuilder}: the JWKS is cached
 * ({@link Builder#jwksCacheTtl(Duration)}), refreshed when an unknown {@code kid} shows up (at most
 * once per {@link Builder#jwksRefreshRateLimit(Duration)}), retried once on failure, and the last
 * good key set keeps working through an outage of the JWKS endpoint ({@link
 * Builder#jwksOutageTolerance(Duration)}). Instances are immutable and thread-safe: build one per
 * issuer and share it. {@link #close()} stops the daemon thread used for background JWKS refresh
 * (which also stops by itself when idle); do not verify with a closed instance.
 *
 * <p>Production, Transmit EU region:
 *
 * <pre>{@code
 * TransmitTokenVerifier verifier = TransmitTokenVerifier.builder()
 *     .region(TransmitRegion.EU)
 *     .audience("https://api.orders.example")   // the resource your API is registered as
 *     .build();
 *
 * try {
 *   TransmitToken token = verifier.verify(bearerToken);
 *   String caller = token.clientId();
 * } catch (TokenRejectedException e) {
 *   // e.reason() is precise (EXPIRED, WRONG_AUDIENCE, ...); e.getMessage() is safe to log
 * }
 * }</pre>
 *
 * <p>Against the transmit-mock emulator (or any other issuer), set issuer and JWKS URL explicitly:
 *
 * <pre>{@code
 * TransmitTokenVerifier verifier = TransmitTokenVerifier.builder()
 *     .issuer(server.issuer())
 *     .jwksUri(server.jwksUri())
 *     .audience("https://api.orders.example")
 *     .clock(server.clock())                   // share the emulator's clock
 *     .build();
 * }</pre>
 */
public final class TransmitTokenVerifier implements AutoCloseable {

  /**
   * Default tolerance for clock differences between Transmit and this host when checking {@code
   * exp}, {@code nbf} and {@code iat}: 60 seconds, the same as Nimbus' and Spring Security's
   * defaults. A token whose {@code exp} is now is therefore still accepted for up to a minute; use
   * {@link Builder#clockSkew(Duration)} with {@link Duration#ZERO} to be strict.
   */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** How long a fetched JWKS is used before it is fetched again. */
  public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);

  /** Minimum time between JWKS fetches caused by unknown {@code kid}s (a DoS guard). */
  public static final Duration DEFAULT_JWKS_REFRESH_RATE_LIMIT = Duration.ofSeconds(30);

  /** How long the last good JWKS keeps being used while the JWKS endpoint is failing. */
  public static final Duration DEFAULT_JWKS_OUTAGE_TOLERANCE = Duration.ofHours(1);

  /** Connect timeout for JWKS and discovery requests. */
  public static final Duration DEFAULT_HTTP_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Read timeout for JWKS and discovery requests. */
  public static final Duration DEFAULT_HTTP_READ_TIMEOUT = Duration.ofSeconds(2);

  /** The algorithm Transmit signs access tokens with. */
  public static final String DEFAULT_ALGORITHM = "RS256";

  /** {@code typ} values accepted by default (case-insensitive): RFC 9068's and the generic one. */
  public static final Set<String> DEFAULT_ACCEPTED_TYPES = Set.of("at+jwt", "JWT");

  /**
   * Claims every token must carry; {@code aud} is not in this list because it is required only when
   * an audience is expected (it always is, unless {@link Builder#anyAudience()} is used).
   */
  public static final List<String> ALWAYS_REQUIRED_CLAIMS = List.of("iss", "sub", "exp", "iat");

  /** Asymmetric algorithms that may be allowed. HMAC and {@code none} can never be. */
  private static final Map<String, JWSAlgorithm> ALLOWABLE_ALGORITHMS = allowableAlgorithms();

  /** Far above any real access token; bounds the work an attacker can make us do. */
  private static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** Bound on JWKS documents: Transmit's hold a few RSA keys. */
  private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

  /** How long the JWKS fetch blocks before callers give up waiting for a concurrent refresh. */
  private static final Duration JWKS_REFRESH_TIMEOUT = Duration.ofSeconds(15);

  /**
   * With a long enough cache TTL, the JWKS is refetched in the background this long before expiry.
   */
  private static final Duration JWKS_REFRESH_AHEAD = Duration.ofSeconds(30);

  /** After a failed discovery fetch, verifications fail fast for this long before trying again. */
  private static final Duration DISCOVERY_RETRY_INTERVAL = Duration.ofSeconds(5);

  private final Builder config;
  private final Set<JWSAlgorithm> algorithms;
  private final Object resolveLock = new Object();
  private volatile Pipeline pipeline;
  private long nextDiscoveryAttemptMillis;

  private TransmitTokenVerifier(Builder config) {
    this.config = config;
    this.algorithms = Set.copyOf(config.algorithms);
    if (config.discoveryUri == null) {
      this.pipeline = newPipeline(config.issuer, config.jwksUri);
    }
  }

  /**
   * Starts configuring a verifier. Set where tokens come from ({@link Builder#region}, {@link
   * Builder#discoveryUri}, or {@link Builder#issuer} plus {@link Builder#jwksUri}) and what
   * audience they must carry ({@link Builder#audience}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @param token the compact JWT, without the {@code Bearer } prefix
   * @return the verified token
   * @throws TokenRejectedException when the token must not be accepted; {@link
   *     TokenRejectedException#reason()} says why
   */
  public TransmitToken verify(String token) throws TokenRejectedException {
    SignedJWT jwt = parse(token);
    checkHeader(jwt.getHeader());
    Pipeline current = pipeline();
    JWTClaimsSet claims;
    try {
      claims = current.processor.process(jwt, null);
    } catch (ClaimsRejection e) {
      throw e.toRejection();
    } catch (KeyRejection e) {
      throw e.toRejection();
    } catch (BadJWSException e) {
      throw new TokenRejectedException(
          Reason.BAD_SIGNATURE,
          "signature does not verify with key " + LogSafe.quote(jwt.getHeader().getKeyID()));
    } catch (BadJWTException e) {
      // The only BadJWTException Nimbus raises itself: the payload is not a JSON claims set.
      throw new TokenRejectedException(Reason.MALFORMED, "token payload is not a JWT claims set");
    } catch (BadJOSEException e) {
      throw new TokenRejectedException(
          Reason.UNKNOWN_KEY, "no usable key for kid " + LogSafe.quote(jwt.getHeader().getKeyID()));
    } catch (KeySourceException e) {
      throw new TokenRejectedException(
          Reason.JWKS_UNAVAILABLE, "the JWKS could not be loaded: " + e.getMessage(), e);
    } catch (JOSEException e) {
      throw new TokenRejectedException(
          Reason.BAD_SIGNATURE,
          "signature could not be checked with key "
              + LogSafe.quote(jwt.getHeader().getKeyID())
              + ": "
              + e.getMessage());
    }
    return TransmitToken.of(claims);
  }

  /**
   * Verifies a certificate-bound token (RFC 8705, mTLS clients): everything {@link #verify(String)}
   * checks, then that the token's {@code cnf.x5t#S256} is the SHA-256 thumbprint of the client
   * certificate presented in the TLS handshake of the request that carried it.
   *
   * <pre>{@code
   * X509Certificate[] chain =
   *     (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
   * TransmitToken token = verifier.verify(bearer, chain[0]);
   * }</pre>
   *
   * @param token the compact JWT, without the {@code Bearer } prefix
   * @param presented the client certificate of the TLS connection
   * @return the verified token
   * @throws TokenRejectedException as {@link #verify(String)}, or with {@link Reason#UNBOUND} when
   *     the token is not certificate-bound and {@link Reason#CERTIFICATE_MISMATCH} when it is bound
   *     to another certificate
   */
  public TransmitToken verify(String token, X509Certificate presented)
      throws TokenRejectedException {
    requireNonNull(presented, "presented must not be null");
    TransmitToken verified = verify(token);
    String bound =
        verified
            .certificateThumbprint()
            .orElseThrow(
                () ->
                    new TokenRejectedException(
                        Reason.UNBOUND, "token carries no cnf.x5t#S256 certificate binding"));
    String actual;
    try {
      actual = X509CertUtils.computeSHA256Thumbprint(presented).toString();
    } catch (RuntimeException e) {
      throw new TokenRejectedException(
          Reason.CERTIFICATE_MISMATCH, "the presented certificate cannot be encoded", e);
    }
    if (!MessageDigest.isEqual(
        bound.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII))) {
      throw new TokenRejectedException(
          Reason.CERTIFICATE_MISMATCH,
          "token is bound to another certificate than the one presented (subject "
              + LogSafe.quote(presented.getSubjectX500Principal().getName())
              + ")");
    }
    return verified;
  }

  /**
   * Resolves discovery (if configured) and loads the JWKS now instead of on the first {@link
   * #verify(String)}: call it at startup or from a readiness check.
   *
   * @throws TokenRejectedException with {@link Reason#JWKS_UNAVAILABLE} when the keys cannot be
   *     loaded
   */
  public void warmUp() throws TokenRejectedException {
    Pipeline current = pipeline();
    try {
      current.jwkSource.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    } catch (KeySourceException e) {
      throw new TokenRejectedException(
          Reason.JWKS_UNAVAILABLE, "the JWKS could not be loaded: " + e.getMessage(), e);
    }
  }

  /**
   * The issuer tokens must carry; with discovery, resolves it first.
   *
   * @return the expected {@code iss}
   * @throws TokenRejectedException with {@link Reason#JWKS_UNAVAILABLE} when discovery fails
   */
  public String issuer() throws TokenRejectedException {
    return pipeline().issuer;
  }

  /** Releases the JWKS cache's background refresh thread. */
  @Override
  public void close() {
    Pipeline current = pipeline;
    if (current != null && current.jwkSource instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // Closing a cache and an executor; nothing a caller could act on.
      }
    }
  }

  private static SignedJWT parse(String token) throws TokenRejectedException {
    if (token == null || token.isBlank()) {
      throw new TokenRejectedException(Reason.MALFORMED, "token is empty");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejectedException(
          Reason.MALFORMED, "token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    if (!isCompactSerialization(token)) {
      throw new TokenRejectedException(
          Reason.MALFORMED, "token contains characters outside base64url segments");
    }
    try {
      // SignedJWT.parse reads the header once; JWTParser would parse it twice on the hot path.
      return SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw classifyUnparseable(token);
    }
  }

  /** Says why a token is not a parseable JWS: an unsigned or encrypted JWT, or plain garbage. */
  private static TokenRejectedException classifyUnparseable(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException | RuntimeException e) {
      String alg = UnparsedHeader.algorithmOrNull(token);
      if (alg != null && !ALLOWABLE_ALGORITHMS.containsKey(alg)) {
        // e.g. alg "None" with an empty signature: the algorithm is the defect, not the syntax.
        return new TokenRejectedException(
            Reason.UNSUPPORTED_ALGORITHM, "alg " + LogSafe.quote(alg) + " is never accepted");
      }
      return new TokenRejectedException(Reason.MALFORMED, "token is not a well-formed JWT");
    }
    if (jwt instanceof PlainJWT) {
      return new TokenRejectedException(
          Reason.UNSUPPORTED_ALGORITHM, "unsigned tokens (alg 'none') are never accepted");
    }
    if (jwt instanceof EncryptedJWT) {
      return new TokenRejectedException(
          Reason.UNSUPPORTED_ALGORITHM, "encrypted (JWE) tokens are not supported");
    }
    return new TokenRejectedException(Reason.MALFORMED, "token is not a well-formed JWS");
  }

  /** Only base64url characters and dots: rejects whitespace, padding and smuggled bytes early. */
  private static boolean isCompactSerialization(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!base64url) {
        return false;
      }
    }
    return true;
  }

  private void checkHeader(JWSHeader header) throws TokenRejectedException {
    JWSAlgorithm alg = header.getAlgorithm();
    if (!algorithms.contains(alg)) {
      throw new TokenRejectedException(
          Reason.UNSUPPORTED_ALGORITHM,
          "alg " + LogSafe.quote(alg.getName()) + " is not allowed; allowed: " + config.algorithms);
    }
    Set<String> critical = header.getCriticalParams();
    if (critical != null && !critical.isEmpty()) {
      // RFC 7515 4.1.11: a JWS with critical parameters the recipient does not understand is
      // invalid.
      throw new TokenRejectedException(
          Reason.MALFORMED,
          "token header marks parameters critical that this verifier does not support: "
              + LogSafe.quote(String.join(",", critical)));
    }
  }

  private Pipeline pipeline() throws TokenRejectedException {
    Pipeline current = pipeline;
    if (current != null) {
      return current;
    }
    synchronized (resolveLock) {
      if (pipeline != null) {
        return pipeline;
      }
      long now = System.currentTimeMillis();
      if (now < nextDiscoveryAttemptMillis) {
        throw new TokenRejectedException(
            Reason.JWKS_UNAVAILABLE,
            "discovery document at " + config.discoveryUri + " failed recently; retrying shortly");
      }
      try {
        DiscoveryDocument document =
            DiscoveryDocument.fetch(
                config.discoveryUri, config.httpConnectTimeout, config.httpReadTimeout);
        String issuer = config.issuer != null ? config.issuer : document.issuer();
        URI jwksUri = config.jwksUri != null ? config.jwksUri : document.jwksUri();
        pipeline = newPipeline(issuer, jwksUri);
        return pipeline;
      } catch (IOException | IllegalArgumentException e) {
        nextDiscoveryAttemptMillis = now + DISCOVERY_RETRY_INTERVAL.toMillis();
        throw new TokenRejectedException(
            Reason.JWKS_UNAVAILABLE, "discovery failed: " + e.getMessage(), e);
      }
    }
  }

  private Pipeline newPipeline(String issuer, URI jwksUri) {
    JWKSource<SecurityContext> jwkSource = jwkSource(jwksUri);
    List<String> required = new ArrayList<>(ALWAYS_REQUIRED_CLAIMS);
    if (!config.audiences.isEmpty()) {
      required.add("aud");
    }
    for (String claim : config.requiredClaims) {
      if (!required.contains(claim)) {
        required.add(claim);
      }
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new TokenTypeVerifier(config.acceptedTypes, config.typeRequired));
    processor.setJWSKeySelector(new KidKeySelector(jwkSource));
    processor.setJWTClaimsSetVerifier(
        new TransmitClaimsVerifier(
            config.clock,
            config.clockSkew,
            issuer,
            config.audiences,
            required,
            config.tenantId,
            config.adminOnly));
    return new Pipeline(issuer, jwkSource, processor);
  }

  private JWKSource<SecurityContext> jwkSource(URI jwksUri) {
    DefaultResourceRetriever retriever =
        new DefaultResourceRetriever(
            (int) Math.min(Integer.MAX_VALUE, config.httpConnectTimeout.toMillis()),
            (int) Math.min(Integer.MAX_VALUE, config.httpReadTimeout.toMillis()),
            JWKS_SIZE_LIMIT_BYTES);
    try {
      if (config.jwksCacheTtl.compareTo(JWKS_REFRESH_AHEAD.plus(JWKS_REFRESH_TIMEOUT)) < 0) {
        // Too short for a background refresh window (tests, mostly): refresh on expiry instead.
        return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
            .cache(config.jwksCacheTtl.toMillis(), config.jwksCacheTtl.toMillis() / 2)
            .refreshAheadCache(false)
            .rateLimited(config.jwksRefreshRateLimit.toMillis())
            .retrying(true)
            .outageTolerant(config.jwksOutageTolerance.toMillis())
            .build();
      }
      return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
          .cache(config.jwksCacheTtl.toMillis(), JWKS_REFRESH_TIMEOUT.toMillis())
          .refreshAheadCache(
              JWKS_REFRESH_AHEAD.toMillis(), null, JwksRefreshExecutor.create(), true, null, false)
          .rateLimited(config.jwksRefreshRateLimit.toMillis())
          .retrying(true)
          .outageTolerant(config.jwksOutageTolerance.toMillis())
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jwksUri is not a valid URL: " + jwksUri, e);
    }
  }

  private static Map<String, JWSAlgorithm> allowableAlgorithms() {
    Map<String, JWSAlgorithm> map = new TreeMap<>();
    for (JWSAlgorithm alg :
        List.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512)) {
      map.put(alg.getName(), alg);
    }
    return Map.copyOf(map);
  }

  @Override
  public String toString() {
    Pipeline current = pipeline;
    return "TransmitTokenVerifier[issuer="
        + (current != null ? current.issuer : "(from " + config.discoveryUri + ")")
        + ", audiences="
        + (config.audiences.isEmpty() ? "(any)" : config.audiences)
        + ", algorithms="
        + config.algorithms
        + ", clockSkew="
        + config.clockSkew
        + "]";
  }

  private record Pipeline(
      String issuer,
      JWKSource<SecurityContext> jwkSource,
      DefaultJWTProcessor<SecurityContext> processor) {}

  /**
   * Configures a {@link TransmitTokenVerifier}. Not thread-safe; {@link #build()} copies what it
   * needs, so a builder can be reused.
   */
  public static final class Builder {

    private String issuer;
    private URI jwksUri;
    private URI discoveryUri;
    private final Set<String> audiences = new LinkedHashSet<>();
    private boolean anyAudience;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private final Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(List.of(JWSAlgorithm.RS256));
    private Set<String> acceptedTypes = lowerCase(DEFAULT_ACCEPTED_TYPES);
    private boolean typeRequired;
    private final Set<String> requiredClaims = new LinkedHashSet<>();
    private String tenantId;
    private boolean adminOnly;
    private Duration jwksCacheTtl = DEFAULT_JWKS_CACHE_TTL;
    private Duration jwksRefreshRateLimit = DEFAULT_JWKS_REFRESH_RATE_LIMIT;
    private Duration jwksOutageTolerance = DEFAULT_JWKS_OUTAGE_TOLERANCE;
    private Duration httpConnectTimeout = DEFAULT_HTTP_CONNECT_TIMEOUT;
    private Duration httpReadTimeout = DEFAULT_HTTP_READ_TIMEOUT;

    private Builder() {}

    /**
     * Uses a Transmit region's issuer and JWKS URL.
     *
     * @param region the region your tenant lives in
     * @return this builder
     */
    public Builder region(TransmitRegion region) {
      requireNonNull(region, "region must not be null");
      this.issuer = region.issuer();
      this.jwksUri = region.jwksUri();
      return this;
    }

    /**
     * The exact {@code iss} tokens must carry, e.g. {@code https://userid.security}. Overrides the
     * issuer from {@link #region} or {@link #discoveryUri}.
     *
     * @param issuer the expected issuer, compared with {@link String#equals}
     * @return this builder
     */
    public Builder issuer(String issuer) {
      requireNonNull(issuer, "issuer must not be null");
      if (issuer.isBlank()) {
        throw new IllegalArgumentException("issuer must not be blank");
      }
      this.issuer = issuer;
      return this;
    }

    /**
     * Where the signing keys are published, e.g. {@code
     * https://api.transmitsecurity.io/cis/oidc/jwks}. Overrides the URL from {@link #region} or
     * {@link #discoveryUri}.
     *
     * @param jwksUri an absolute http(s) URI
     * @return this builder
     */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = absoluteHttp(jwksUri, "jwksUri");
      return this;
    }

    /**
     * Takes issuer and JWKS URL from an OpenID discovery document, fetched on first use (or by
     * {@link TransmitTokenVerifier#warmUp()}), e.g. {@code
     * https://api.transmitsecurity.io/cis/oidc/.well-known/openid-configuration}. An explicit
     * {@link #issuer} or {@link #jwksUri} wins over the document.
     *
     * @param discoveryUri an absolute http(s) URI
     * @return this builder
     */
    public Builder discoveryUri(URI discoveryUri) {
      this.discoveryUri = absoluteHttp(discoveryUri, "discoveryUri");
      return this;
    }

    /**
     * Adds an accepted audience: the resource URI your API is registered as in Transmit (tokens
     * requested without a resource carry {@code userid-api}). A token passes when its {@code aud}
     * contains any accepted value.
     *
     * @param audience an expected {@code aud} value
     * @return this builder
     */
    public Builder audience(String audience) {
      requireNonNull(audience, "audience must not be null");
      if (audience.isBlank()) {
        throw new IllegalArgumentException("audience must not be blank");
      }
      audiences.add(audience);
      return this;
    }

    /**
     * Adds several accepted audiences.
     *
     * @param audiences expected {@code aud} values
     * @return this builder
     */
    public Builder audiences(Collection<String> audiences) {
      requireNonNull(audiences, "audiences must not be null");
      audiences.forEach(this::audience);
      return this;
    }

    /**
     * Skips the audience check. Not recommended: any token of the issuer, for any API, then passes.
     * Needed only for gateways that check audiences themselves.
     *
     * @return this builder
     */
    public Builder anyAudience() {
      this.anyAudience = true;
      return this;
    }

    /**
     * The clock {@code exp}, {@code nbf} and {@code iat} are checked against. Tests share the
     * emulator's clock here; production keeps the default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Tolerance for clock differences, {@link #DEFAULT_CLOCK_SKEW} unless changed. {@link
     * Duration#ZERO} makes a token invalid at the second its {@code exp} says.
     *
     * @param clockSkew zero or positive
     * @return this builder
     */
    public Builder clockSkew(Duration clockSkew) {
      requireNonNull(clockSkew, "clockSkew must not be null");
      if (clockSkew.isNegative()) {
        throw new IllegalArgumentException("clockSkew must not be negative: " + clockSkew);
      }
      this.clockSkew = clockSkew;
      return this;
    }

    /**
     * Replaces the algorithm allow-list ({@code RS256} by default). Only asymmetric JWS algorithms
     * can be allowed: RS256/384/512, PS256/384/512, ES256/384/512. HMAC and {@code none} are
     * refused: with a public JWKS they would let anyone forge tokens.
     *
     * @param names algorithm names, e.g. {@code "RS256", "PS256"}
     * @return this builder
     * @throws IllegalArgumentException for an empty list or a name that cannot be allowed
     */
    public Builder algorithms(String... names) {
      requireNonNull(names, "names must not be null");
      if (names.length == 0) {
        throw new IllegalArgumentException("at least one algorithm must be allowed");
      }
      Set<JWSAlgorithm> chosen = new LinkedHashSet<>();
      for (String name : names) {
        requireNonNull(name, "algorithm name must not be null");
        JWSAlgorithm alg = ALLOWABLE_ALGORITHMS.get(name.toUpperCase(Locale.ROOT));
        if (alg == null) {
          throw new IllegalArgumentException(
              "algorithm '"
                  + name
                  + "' cannot be allowed; choose from "
                  + new java.util.TreeSet<>(ALLOWABLE_ALGORITHMS.keySet())
                  + " (HMAC and none are never accepted)");
        }
        chosen.add(alg);
      }
      algorithms.clear();
      algorithms.addAll(chosen);
      return this;
    }

    /**
     * Replaces the accepted {@code typ} header values ({@link #DEFAULT_ACCEPTED_TYPES} by default).
     * Compared case-insensitively, ignoring an {@code application/} prefix.
     *
     * @param types accepted values, e.g. {@code "at+jwt"} for strict RFC 9068 access tokens
     * @return this builder
     */
    public Builder acceptedTypes(String... types) {
      requireNonNull(types, "types must not be null");
      if (types.length == 0) {
        throw new IllegalArgumentException("at least one typ must be accepted");
      }
      for (String type : types) {
        requireNonNull(type, "type must not be null");
      }
      this.acceptedTypes = lowerCase(Arrays.asList(types));
      return this;
    }

    /**
     * Rejects tokens without a {@code typ} header (by default a missing {@code typ} is accepted, as
     * Transmit's own samples do).
     *
     * @return this builder
     */
    public Builder requireTypeHeader() {
      this.typeRequired = true;
      return this;
    }

    /**
     * Requires more claims on top of {@link #ALWAYS_REQUIRED_CLAIMS} (and {@code aud}), e.g. {@code
     * "client_id", "tid", "jti"}.
     *
     * @param claims claim names
     * @return this builder
     */
    public Builder requireClaims(String... claims) {
      requireNonNull(claims, "claims must not be null");
      for (String claim : claims) {
        requireNonNull(claim, "claim name must not be null");
        requiredClaims.add(claim);
      }
      return this;
    }

    /**
     * Pins the Transmit tenant: tokens whose {@code tid} differs are rejected with {@link
     * Reason#WRONG_TENANT}.
     *
     * @param tenantId the expected {@code tid}
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
      return this;
    }

    /**
     * Accepts admin access tokens only (minted for management applications; {@code roles} contains
     * {@code Admin}); others are rejected with {@link Reason#NOT_ADMIN}.
     *
     * @return this builder
     */
    public Builder requireAdmin() {
      this.adminOnly = true;
      return this;
    }

    /**
     * How long a fetched JWKS is trusted before it is fetched again ({@link
     * #DEFAULT_JWKS_CACHE_TTL}). Must exceed {@link #jwksRefreshRateLimit(Duration)}.
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public Builder jwksCacheTtl(Duration ttl) {
      this.jwksCacheTtl = positive(ttl, "jwksCacheTtl");
      return this;
    }

    /**
     * Minimum interval between JWKS fetches triggered by unknown {@code kid}s ({@link
     * #DEFAULT_JWKS_REFRESH_RATE_LIMIT}).
     *
     * @param minInterval a positive duration, shorter than the cache TTL
     * @return this builder
     */
    public Builder jwksRefreshRateLimit(Duration minInterval) {
      this.jwksRefreshRateLimit = positive(minInterval, "jwksRefreshRateLimit");
      return this;
    }

    /**
     * How long the last good JWKS stays in use while the endpoint fails ({@link
     * #DEFAULT_JWKS_OUTAGE_TOLERANCE}).
     *
     * @param tolerance a positive duration
     * @return this builder
     */
    public Builder jwksOutageTolerance(Duration tolerance) {
      this.jwksOutageTolerance = positive(tolerance, "jwksOutageTolerance");
      return this;
    }

    /**
     * Connect and read timeouts for JWKS and discovery requests ({@link
     * #DEFAULT_HTTP_CONNECT_TIMEOUT}, {@link #DEFAULT_HTTP_READ_TIMEOUT}).
     *
     * @param connectTimeout connect timeout, positive
     * @param readTimeout read timeout, positive
     * @return this builder
     */
    public Builder httpTimeouts(Duration connectTimeout, Duration readTimeout) {
      this.httpConnectTimeout = positive(connectTimeout, "connectTimeout");
      this.httpReadTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Builds the verifier. No network call happens here: keys (and the discovery document) are
     * fetched on first use or by {@link TransmitTokenVerifier#warmUp()}.
     *
     * @return a thread-safe verifier
     * @throws IllegalStateException when the configuration is incomplete or inconsistent
     */
    public TransmitTokenVerifier build() {
      if (discoveryUri == null && (issuer == null || jwksUri == null)) {
        throw new IllegalStateException(
            "say where tokens come from: region(TransmitRegion), discoveryUri(URI), or both"
                + " issuer(String) and jwksUri(URI)");
      }
      if (audiences.isEmpty() && !anyAudience) {
        throw new IllegalStateException(
            "set the audience your API accepts with audience(\"https://your.api\") (the resource"
                + " URI registered in Transmit; \"userid-api\" when clients request no resource),"
                + " or call anyAudience() to skip the check (not recommended)");
      }
      if (jwksRefreshRateLimit.compareTo(jwksCacheTtl) >= 0) {
        throw new IllegalStateException(
            "jwksRefreshRateLimit ("
                + jwksRefreshRateLimit
                + ") must be shorter than jwksCacheTtl ("
                + jwksCacheTtl
                + ")");
      }
      Builder copy = copy();
      return new TransmitTokenVerifier(copy);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.issuer = issuer;
      copy.jwksUri = jwksUri;
      copy.discoveryUri = discoveryUri;
      copy.audiences.addAll(anyAudience ? Set.of() : audiences);
      copy.anyAudience = anyAudience;
      copy.clock = clock;
      copy.clockSkew = clockSkew;
      copy.algorithms.clear();
      copy.algorithms.addAll(algorithms);
      copy.acceptedTypes = Set.copyOf(acceptedTypes);
      copy.typeRequired = typeRequired;
      copy.requiredClaims.addAll(requiredClaims);
      copy.tenantId = tenantId;
      copy.adminOnly = adminOnly;
      copy.jwksCacheTtl = jwksCacheTtl;
      copy.jwksRefreshRateLimit = jwksRefreshRateLimit;
      copy.jwksOutageTolerance = jwksOutageTolerance;
      copy.httpConnectTimeout = httpConnectTimeout;
      copy.httpReadTimeout = httpReadTimeout;
      return copy;
    }

    private static Set<String> lowerCase(Collection<String> types) {
      Set<String> out = new LinkedHashSet<>();
      for (String type : types) {
        out.add(TokenTypeVerifier.normalize(type));
      }
      return out;
    }

    private static URI absoluteHttp(URI uri, String name) {
      requireNonNull(uri, name + " must not be null");
      String scheme = uri.getScheme();
      if (!uri.isAbsolute()
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException(name + " must be an absolute http(s) URI: " + uri);
      }
      return uri;
    }

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
