package dev.transmitmock.server.http.oidc;

import static dev.transmitmock.protocol.TransmitPaths.CIS_PREFIX;
import static dev.transmitmock.protocol.TransmitPaths.OIDC_PREFIXES;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.protocol.TransmitPaths;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.http.BaseUrls;
import dev.transmitmock.server.http.FormPaths;
import dev.transmitmock.server.http.ServerLimits;
import dev.transmitmock.server.http.WorkspacePrefix;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.token.DiscoveryDocument;
import dev.transmitmock.server.token.EndpointResponse;
import dev.transmitmock.server.token.FormRequest;
import dev.transmitmock.server.token.OAuthError;
import dev.transmitmock.server.token.RawRequest;
import dev.transmitmock.server.token.RequestOrigin;
import dev.transmitmock.server.workspace.Workspace;
import dev.transmitmock.server.workspace.Workspaces;
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
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
  /** The form endpoints' paths under each of the OIDC prefixes. */
  private static final List<String> FORM_PATHS =
      List.of(
          TransmitPaths.TOKEN_SUFFIX,
          TransmitPaths.INTROSPECTION_SUFFIX,
          TransmitPaths.REVOCATION_SUFFIX);

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String JSON = "application/json; charset=utf-8";

  /** The servlet request attribute holding the TLS client certificate chain. */
  public static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final MockConfig config;
  private final KeyRing keys;
  private final Workspaces workspaces;
  private final Supplier<List<String>> serverBaseUrls;
  private volatile ListenerAudiences listenerAudiences =
      new ListenerAudiences(null, List.of(), Map.of());

  /**
   * The HTTP face over {@code workspaces}: a request under {@code /_ws/<id>/} is answered with that
   * workspace's clients, clock, journal and faults ({@link WorkspacePrefix}), any other with the
   * root's. Faults are applied in front of the Transmit endpoints, and requests they answer are
   * recorded in the workspace's journal.
   *
   * @param serverBaseUrls the base URLs the server listens on once started (HTTP and HTTPS),
   *     accepted in a client assertion's {@code aud} besides the configured public base URL, the
   *     request's own base URL and the issuer
   */
  public HttpApi(
      MockConfig config,
      KeyRing keys,
      Workspaces workspaces,
      Supplier<List<String>> serverBaseUrls) {
    this.config = config;
    this.keys = keys;
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces must not be null");
    this.serverBaseUrls = Objects.requireNonNull(serverBaseUrls, "serverBaseUrls must not be null");
  }

  private Workspace workspace(Context ctx) {
    return WorkspacePrefix.of(ctx, workspaces);
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
          cfg.jetty.modifyServer(server -> server.insertHandler(new WorkspacePrefix(workspaces)));
          for (String prefix : OIDC_PREFIXES) {
            cfg.routes.post(
                prefix + TransmitPaths.TOKEN_SUFFIX,
                form(Endpoint.TOKEN, (ws, r) -> ws.tokenService().handle(r)));
            cfg.routes.post(
                prefix + TransmitPaths.INTROSPECTION_SUFFIX,
                form(Endpoint.INTROSPECTION, (ws, r) -> ws.introspection().handle(r)));
            cfg.routes.post(
                prefix + TransmitPaths.REVOCATION_SUFFIX,
                form(Endpoint.REVOCATION, (ws, r) -> ws.revocation().handle(r)));
            if (prefix.equals(CIS_PREFIX) || config.metadataWithoutCis()) {
              cfg.routes.get(prefix + TransmitPaths.JWKS_SUFFIX, this::jwks);
              cfg.routes.get(
                  prefix + TransmitPaths.DISCOVERY_SUFFIX, ctx -> discovery(ctx, prefix));
            }
          }
          for (ApplicationConfig app : config.applications()) {
            cfg.routes.get(app.jwksPath(), ctx -> applicationJwks(ctx, app));
            cfg.routes.get(app.discoveryPath(), ctx -> applicationDiscovery(ctx, app));
          }
          cfg.routes.get(
              ControlPaths.HEALTH, ctx -> ctx.contentType(JSON).result("{\"status\":\"UP\"}"));
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
                  write(ctx, workspaces.root().tokenService().render(unreadable.get()));
                  return;
                }
                LOG.error(
                    "unexpected failure on {} {}: {}",
                    ctx.method(),
                    ctx.path(),
                    e.getClass().getName());
                write(ctx, workspaces.root().tokenService().render(OAuthError.serverError()));
              });
        });
  }

  private Handler form(
      Endpoint which, BiFunction<Workspace, FormRequest, EndpointResponse> endpoint) {
    return ctx -> {
      Workspace workspace = workspace(ctx);
      RawRequest read;
      try {
        read = read(ctx, MockConfig.ENGINE_BODY_LIMIT_BYTES);
      } catch (IOException | RuntimeException e) {
        write(
            ctx,
            workspaces
                .root()
                .tokenService()
                .render(unreadableBody(e).orElseGet(HttpApi::bodyNotRead)));
        return;
      }
      FormRequest request =
          FormRequest.of(
              new RawRequest(
                  read.contentType(),
                  read.body(),
                  read.bodyTooLarge(),
                  read.authorization(),
                  origin(ctx, workspace)));
      if (FaultGate.intercept(ctx, workspace, which, request)) {
        return;
      }
      write(ctx, endpoint.apply(workspace, request));
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
  private RequestOrigin origin(Context ctx, Workspace workspace) {
    List<X509Certificate> chain = List.of();
    if (ctx.req().getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] certificates) {
      chain = List.of(certificates);
    }
    ListenerAudiences audiences = listenerAudiences();
    Set<String> urls;
    if (workspace.isRoot()) {
      urls = new LinkedHashSet<>(audiences.forPath(ctx.path()));
    } else {
      urls = new LinkedHashSet<>();
      for (String base : audiences.bases()) {
        addEndpointUrls(urls, base, workspace.pathPrefix(), ctx.path());
      }
    }
    addEndpointUrls(urls, BaseUrls.direct(ctx), workspace.pathPrefix(), ctx.path());
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
      addEndpointUrls(urls, base, "", path);
    }
    return Collections.unmodifiableSet(urls);
  }

  /**
   * The token endpoint under both prefixes (at the server's root and under the workspace's prefix)
   * and the called endpoint under the workspace's prefix, on {@code base}.
   */
  private static void addEndpointUrls(
      Set<String> urls, String base, String workspacePrefix, String path) {
    for (String prefix : OIDC_PREFIXES) {
      urls.add(base + prefix + TransmitPaths.TOKEN_SUFFIX);
      urls.add(base + workspacePrefix + prefix + TransmitPaths.TOKEN_SUFFIX);
    }
    urls.add(base + workspacePrefix + path);
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
    if (FaultGate.intercept(ctx, workspace(ctx), Endpoint.JWKS)) {
      return;
    }
    ctx.contentType(JSON).result(keys.jwksJson());
  }

  private void applicationJwks(Context ctx, ApplicationConfig app) {
    Workspace workspace = workspace(ctx);
    if (FaultGate.intercept(ctx, workspace, Endpoint.JWKS)) {
      return;
    }
    ctx.contentType(JSON)
        .result(workspace.tokenService().signingKeys().jwksJson(app, workspace.clock().instant()));
  }

  private void applicationDiscovery(Context ctx, ApplicationConfig app) {
    Workspace workspace = workspace(ctx);
    if (FaultGate.intercept(ctx, workspace, Endpoint.DISCOVERY)) {
      return;
    }
    String baseUrl = BaseUrls.of(ctx, config.publicBaseUrl()) + workspace.pathPrefix();
    ctx.contentType(JSON)
        .result(
            DiscoveryDocument.json(
                config,
                workspace.tokenService().settings().current().issuer(),
                workspace.tokenService().signingKeys().ring(app.appId()).orElseThrow(),
                baseUrl,
                CIS_PREFIX,
                mtlsBaseUrl(baseUrl, workspace),
                Optional.of(app)));
  }

  private void discovery(Context ctx, String prefix) {
    Workspace workspace = workspace(ctx);
    if (FaultGate.intercept(ctx, workspace, Endpoint.DISCOVERY)) {
      return;
    }
    String baseUrl = BaseUrls.of(ctx, config.publicBaseUrl()) + workspace.pathPrefix();
    ctx.contentType(JSON)
        .result(
            DiscoveryDocument.json(
                config,
                workspace.tokenService().settings().current().issuer(),
                keys,
                baseUrl,
                prefix,
                mtlsBaseUrl(baseUrl, workspace),
                Optional.empty()));
  }

  /**
   * Where clients present certificates, when HTTPS is on: the discovery document's own base when it
   * is HTTPS, else the HTTPS listener's base URL under the workspace's prefix.
   */
  private Optional<String> mtlsBaseUrl(String documentBaseUrl, Workspace workspace) {
    if (documentBaseUrl.startsWith("https://")) {
      return mtlsBaseUrl(documentBaseUrl);
    }
    return mtlsBaseUrl(documentBaseUrl).map(listener -> listener + workspace.pathPrefix());
  }

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
