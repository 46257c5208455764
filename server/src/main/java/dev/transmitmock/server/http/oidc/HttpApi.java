package dev.transmitmock.server.http.oidc;

import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.http.BaseUrls;
import dev.transmitmock.server.http.ServerLimits;
import dev.transmitmock.server.http.ServerPaths;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.token.DiscoveryDocument;
import dev.transmitmock.server.token.EndpointResponse;
import dev.transmitmock.server.token.FormRequest;
import dev.transmitmock.server.token.IntrospectionService;
import dev.transmitmock.server.token.OAuthError;
import dev.transmitmock.server.token.RawRequest;
import dev.transmitmock.server.token.RequestOrigin;
import dev.transmitmock.server.token.RevocationService;
import dev.transmitmock.server.token.TokenService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the emulator: thin Javalin handlers that turn a request into a {@link
 * RawRequest}, call the domain, and write its {@link EndpointResponse} back. The token,
 * introspection and revocation endpoints exist under {@code /cis/oidc} and {@code /oidc}; the JWKS
 * and discovery under {@code /cis/oidc}, and under {@code /oidc} unless {@code metadataWithoutCis}
 * is off. Applications with their own keys get their JWKS and discovery document. Unknown routes
 * and unexpected failures answer OAuth-style JSON, never a stack trace.
 */
public final class HttpApi {
  /** The documented prefix of Transmit's OIDC endpoints, the only one of its JWKS and discovery. */
  public static final String CIS_PREFIX = "/cis/oidc";

  /** The two prefixes Transmit serves its OIDC endpoints under. */
  public static final List<String> OIDC_PREFIXES = List.of(CIS_PREFIX, "/oidc");

  /** The form endpoints' paths under each of {@link #OIDC_PREFIXES}. */
  private static final List<String> FORM_PATHS =
      List.of("/token", "/token/introspection", "/token/revocation");

  /** Health probe path, always on, used by the Docker HEALTHCHECK and readiness waits. */
  public static final String HEALTH_PATH = ServerPaths.HEALTH_PATH;

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String JSON = "application/json; charset=utf-8";

  /** The servlet request attribute holding the TLS client certificate chain. */
  public static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final MockConfig config;
  private final KeyRing keys;
  private final TokenService tokens;
  private final IntrospectionService introspection;
  private final RevocationService revocation;
  private final FaultGate faultGate;
  private final MockClock clock;
  private final Supplier<List<String>> serverBaseUrls;
  private volatile ListenerAudiences listenerAudiences =
      new ListenerAudiences(null, List.of(), Map.of());

  /**
   * The HTTP face: {@code faults} are applied in front of the Transmit endpoints, and requests they
   * answer are recorded in {@code journal} at {@code clock}'s time.
   *
   * @param serverBaseUrls the base URLs the server listens on once started (HTTP and HTTPS),
   *     accepted in a client assertion's {@code aud} besides the configured public base URL, the
   *     request's own base URL and the issuer
   */
  public HttpApi(
      MockConfig config,
      KeyRing keys,
      TokenService tokens,
      IntrospectionService introspection,
      RevocationService revocation,
      Faults faults,
      RequestJournal journal,
      MockClock clock,
      Supplier<List<String>> serverBaseUrls) {
    this.config = config;
    this.keys = keys;
    this.tokens = tokens;
    this.introspection = introspection;
    this.revocation = revocation;
    this.faultGate = new FaultGate(faults, journal, clock);
    this.clock = clock;
    this.serverBaseUrls = Objects.requireNonNull(serverBaseUrls, "serverBaseUrls must not be null");
  }

  /**
   * Creates the Javalin app with the Transmit routes, the health probe, and whatever extra routes
   * {@code extraRoutes} adds (the test-control API).
   */
  public Javalin create(Consumer<JavalinConfig> extraRoutes) {
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.startup.showOldJavalinVersionWarning = false;
          cfg.startup.startupWatcherEnabled = false;
          cfg.http.maxRequestSize = config.maxRequestBodyBytes();
          ServerLimits.apply(cfg, config.maxRequestBodyBytes());
          for (String prefix : OIDC_PREFIXES) {
            cfg.routes.post(prefix + "/token", form(Endpoint.TOKEN, tokens::handle));
            cfg.routes.post(
                prefix + "/token/introspection",
                form(Endpoint.INTROSPECTION, introspection::handle));
            cfg.routes.post(
                prefix + "/token/revocation", form(Endpoint.REVOCATION, revocation::handle));
            if (prefix.equals(CIS_PREFIX) || config.metadataWithoutCis()) {
              cfg.routes.get(prefix + "/jwks", this::jwks);
              cfg.routes.get(
                  prefix + "/.well-known/openid-configuration", ctx -> discovery(ctx, prefix));
            }
          }
          for (ApplicationConfig app : config.applications()) {
            cfg.routes.get(app.jwksPath(), ctx -> applicationJwks(ctx, app));
            cfg.routes.get(app.discoveryPath(), ctx -> applicationDiscovery(ctx, app));
          }
          cfg.routes.get(HEALTH_PATH, ctx -> ctx.contentType(JSON).result("{\"status\":\"UP\"}"));
          extraRoutes.accept(cfg);
          cfg.routes.error(404, HttpApi::unknownRoute);
          cfg.routes.error(405, HttpApi::unknownRoute);
          cfg.routes.exception(
              Exception.class,
              (e, ctx) -> {
                Optional<OAuthError> unreadable = unreadableBody(e);
                if (unreadable.isPresent()) {
                  LOG.debug(
                      "unreadable request on {} {}: {}",
                      ctx.method(),
                      FormPaths.printable(ctx.path()),
                      e.getClass().getName());
                  write(ctx, tokens.render(unreadable.get()));
                  return;
                }
                LOG.error(
                    "unexpected failure on {} {}: {}",
                    ctx.method(),
                    ctx.path(),
                    e.getClass().getName());
                write(ctx, tokens.render(OAuthError.serverError()));
              });
        });
  }

  private Handler form(Endpoint which, Function<FormRequest, EndpointResponse> endpoint) {
    return ctx -> {
      RawRequest read;
      try {
        read = read(ctx, MockConfig.ENGINE_BODY_LIMIT_BYTES);
      } catch (IOException | RuntimeException e) {
        write(ctx, tokens.render(unreadableBody(e).orElseGet(HttpApi::bodyNotRead)));
        return;
      }
      FormRequest request =
          FormRequest.of(
              new RawRequest(
                  read.contentType(),
                  read.body(),
                  read.bodyTooLarge(),
                  read.authorization(),
                  origin(ctx)));
      if (faultGate.intercept(ctx, which, request)) {
        return;
      }
      write(ctx, endpoint.apply(request));
    };
  }

  /**
   * The TLS client certificate and the URLs a client assertion's {@code aud} may name (besides the
   * issuer): the token endpoint under both prefixes, and the called endpoint, under each of the
   * configured {@code publicBaseUrl}, the listeners' own HTTP and HTTPS base URLs, and the base URL
   * of the request as it arrived (its scheme and {@code Host} header, which is how a client behind
   * Docker port mapping addresses the emulator). {@code X-Forwarded-*} headers never widen the set:
   * any client can send them; behind a proxy, configure {@code publicBaseUrl}.
   */
  private RequestOrigin origin(Context ctx) {
    List<X509Certificate> chain = List.of();
    if (ctx.req().getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] certificates) {
      chain = List.of(certificates);
    }
    Set<String> urls = new LinkedHashSet<>(listenerAudiences().forPath(ctx.path()));
    addEndpointUrls(urls, BaseUrls.direct(ctx), ctx.path());
    return new RequestOrigin(chain, urls);
  }

  /**
   * The accepted audiences under the configured public base URL and the listeners' base URLs, per
   * endpoint path: computed once per set of listener URLs (a restarted server may listen
   * elsewhere), not on every request.
   */
  private ListenerAudiences listenerAudiences() {
    List<String> listening = serverBaseUrls.get();
    ListenerAudiences known = listenerAudiences;
    if (listening.equals(known.listening())) {
      return known;
    }
    List<String> bases = new ArrayList<>();
    config.publicBaseUrl().ifPresent(url -> bases.add(BaseUrls.configured(url)));
    bases.addAll(listening);
    Map<String, Set<String>> byPath = new LinkedHashMap<>();
    for (String prefix : OIDC_PREFIXES) {
      for (String path : FORM_PATHS) {
        byPath.put(prefix + path, endpointUrls(bases, prefix + path));
      }
    }
    ListenerAudiences computed = new ListenerAudiences(List.copyOf(listening), bases, byPath);
    listenerAudiences = computed;
    return computed;
  }

  private static Set<String> endpointUrls(List<String> bases, String path) {
    Set<String> urls = new LinkedHashSet<>();
    for (String base : bases) {
      addEndpointUrls(urls, base, path);
    }
    return Collections.unmodifiableSet(urls);
  }

  private static void addEndpointUrls(Set<String> urls, String base, String path) {
    for (String prefix : OIDC_PREFIXES) {
      urls.add(base + prefix + "/token");
    }
    urls.add(base + path);
  }

  /** Accepted audiences per form endpoint path, for one set of listener base URLs. */
  private record ListenerAudiences(
      List<String> listening, List<String> bases, Map<String, Set<String>> byPath) {
    Set<String> forPath(String path) {
      Set<String> known = byPath.get(path);
      return known != null ? known : endpointUrls(bases, path);
    }
  }

  private void jwks(Context ctx) {
    if (faultGate.intercept(ctx, Endpoint.JWKS)) {
      return;
    }
    ctx.contentType(JSON).result(keys.jwksJson());
  }

  private void applicationJwks(Context ctx, ApplicationConfig app) {
    if (faultGate.intercept(ctx, Endpoint.JWKS)) {
      return;
    }
    ctx.contentType(JSON).result(tokens.signingKeys().jwksJson(app, clock.instant()));
  }

  private void applicationDiscovery(Context ctx, ApplicationConfig app) {
    if (faultGate.intercept(ctx, Endpoint.DISCOVERY)) {
      return;
    }
    String baseUrl = BaseUrls.of(ctx, config.publicBaseUrl());
    ctx.contentType(JSON)
        .result(
            DiscoveryDocument.json(
                config,
                tokens.settings().current().issuer(),
                tokens.signingKeys().ring(app.appId()).orElseThrow(),
                baseUrl,
                CIS_PREFIX,
                mtlsBaseUrl(baseUrl),
                Optional.of(app)));
  }

  private void discovery(Context ctx, String prefix) {
    if (faultGate.intercept(ctx, Endpoint.DISCOVERY)) {
      return;
    }
    String baseUrl = BaseUrls.of(ctx, config.publicBaseUrl());
    ctx.contentType(JSON)
        .result(
            DiscoveryDocument.json(
                config,
                tokens.settings().current().issuer(),
                keys,
                baseUrl,
                prefix,
                mtlsBaseUrl(baseUrl),
                Optional.empty()));
  }

  /**
   * Where clients present certificates, when HTTPS is on: the discovery document's own base when it
   * is HTTPS, else the HTTPS listener's base URL.
   */
  private Optional<String> mtlsBaseUrl(String documentBaseUrl) {
    Optional<String> listener =
        serverBaseUrls.get().stream().filter(url -> url.startsWith("https://")).findFirst();
    if (listener.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(documentBaseUrl.startsWith("https://") ? documentBaseUrl : listener.get());
  }

  /**
   * The client's fault when reading its request failed: the connection ended mid-body (400), the
   * body came too slowly or not at all (408), or Jetty refused it with another status. Empty for a
   * failure that is not about reading the request.
   */
  static Optional<OAuthError> unreadableBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        int status = http.getCode();
        String description =
            status == 408
                ? "the request body did not arrive in time"
                : "the request body could not be read";
        return Optional.of(new OAuthError(status, "invalid_request", description, Map.of(), false));
      }
      if (t instanceof IOException || t instanceof TimeoutException) {
        return Optional.of(bodyNotRead());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static OAuthError bodyNotRead() {
    return OAuthError.bodyNotParsed("the request body could not be read");
  }

  /** Reads the body up to {@code limit} bytes, noting when there is more. */
  static RawRequest read(Context ctx, int limit) throws IOException {
    Optional<String> contentType = Optional.ofNullable(ctx.header("Content-Type"));
    Optional<String> authorization = Optional.ofNullable(ctx.header("Authorization"));
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      drain(ctx, declared);
      return new RawRequest(contentType, new byte[0], true, authorization);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      return new RawRequest(contentType, body, body.length > limit, authorization);
    }
  }

  /** The most of a refused body that is read and dropped before answering. */
  private static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

  /**
   * Reads and drops a body declared too long, as Node does with a request body it refuses, before
   * the 400 is written. Answering while the client still sends, Jetty closes the connection with
   * bytes unread, the kernel resets it, and the client can lose the answer (the JDK client:
   * "HTTP/1.1 header parser received no bytes"). Past {@link #DRAIN_LIMIT_BYTES} the connection is
   * closed.
   */
  private static void drain(Context ctx, long declared) throws IOException {
    long left = Math.min(declared, DRAIN_LIMIT_BYTES);
    byte[] buffer = new byte[8192];
    try (InputStream in = ctx.req().getInputStream()) {
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          return;
        }
        left -= read;
      }
    }
  }

  /** Writes a domain response. */
  public static void write(Context ctx, EndpointResponse response) {
    ctx.status(response.status());
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      ctx.header(header.getKey(), header.getValue());
    }
    if (response.json() != null) {
      ctx.contentType(JSON).result(response.json());
    } else {
      ctx.result("");
    }
  }

  private static void unknownRoute(Context ctx) {
    if (ctx.result() != null
        && !ctx.result().isEmpty()
        && ctx.res().getContentType() != null
        && ctx.res().getContentType().startsWith("application/json")) {
      return; // a handler already answered with its own JSON body
    }
    String path = FormPaths.printable(ctx.path());
    ctx.contentType(JSON)
        .result(
            "{\"error\":\"invalid_request\",\"error_description\":\"unrecognized route or not allowed method ("
                + ctx.method()
                + " on "
                + path
                + ")\"}");
  }
}
