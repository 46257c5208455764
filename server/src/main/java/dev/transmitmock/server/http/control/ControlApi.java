package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.write;
import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.http.HttpsListener;
import dev.transmitmock.server.http.WorkspacePrefix;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.workspace.Workspace;
import dev.transmitmock.server.workspace.Workspaces;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP test-control API under {@code /_mock/}: clock, journal, faults, keys, clients and
 * resources, defective tokens and their inspection, next-token rules, runtime settings, reset, the
 * web console ({@code /_mock/ui}) and the OpenAPI description ({@code /_mock/openapi.json}). JSON
 * in and out; bad input is a 400 naming the field, an unknown id a 404, never a stack trace. Client
 * secrets are never returned.
 *
 * <p>Off, it answers 404 for everything under {@code /_mock/} except the health probe. With a
 * control token, every control request needs {@code Authorization: Bearer <token>} (compared in
 * constant time), except the health probe and the console's page and assets, which hold no state
 * (the page asks for the token and sends it). Faults never apply to these routes.
 *
 * <pre>{@code
 * Javalin app = httpApi.create(ControlApi.builder(workspaces, keys, config)
 *     .reset(server::reset).controlToken(Optional.of("s3cret")).build()::register);
 * }</pre>
 *
 * <p>Every endpoint is documented in {@code docs/CONTROL_API.md}.
 */
public final class ControlApi {
  /** The prefix of every control route ({@link ControlPaths#PREFIX}). */
  public static final String PREFIX = ControlPaths.PREFIX;

  private final Workspaces workspaces;
  private final KeyRing keys;
  private final MockConfig config;
  private final Runnable reset;
  private final boolean enabled;
  private final Optional<byte[]> tokenDigest;
  private final boolean minting;
  private final Optional<HttpsListener> https;
  private final boolean inspector;
  private final Settings settings;
  private final boolean nextTokens;

  private ControlApi(Builder builder) {
    this.workspaces = builder.workspaces;
    this.settings = builder.settings != null ? builder.settings : new Settings(builder.config);
    this.nextTokens = builder.nextTokens;
    this.keys = builder.keys;
    this.config = builder.config;
    this.reset = builder.reset;
    this.enabled = builder.enabled;
    this.tokenDigest = builder.controlToken.map(ControlApi::sha256);
    this.minting = builder.minting;
    this.https = Optional.ofNullable(builder.https);
    this.inspector = builder.inspector;
  }

  /**
   * Starts configuring the control API over the emulator's state: the server-wide keys and the
   * workspaces (a route under {@code /_ws/<id>/_mock/} acts on that workspace, any other on the
   * root).
   */
  public static Builder builder(Workspaces workspaces, KeyRing keys, MockConfig config) {
    return new Builder(workspaces, keys, config);
  }

  private Workspace workspace(Context ctx) {
    return WorkspacePrefix.of(ctx, workspaces);
  }

  /** Registers the routes; pass as {@code httpApi.create(controlApi::register)}. */
  public void register(JavalinConfig cfg) {
    cfg.routes.exception(ControlException.class, ControlApi::renderError);
    cfg.routes.before(PREFIX + "/*", this::authorize);
    if (!enabled) {
      return;
    }
    new ClockRoutes(this::workspace).register(cfg.routes);
    new JournalRoutes(this::workspace).register(cfg.routes);
    new FaultRoutes(this::workspace).register(cfg.routes);
    new KeyRoutes(keys).register(cfg.routes);
    new ClientRoutes(this::workspace, config, settings).register(cfg.routes);
    new SettingsRoutes(settings).register(cfg.routes);
    if (nextTokens) {
      new NextTokenRoutes(this::workspace).register(cfg.routes);
    }
    new TlsRoutes(https).register(cfg.routes);
    new WorkspaceRoutes(workspaces, config).register(cfg.routes);
    cfg.routes.post(
        ControlPaths.RESET,
        ctx -> {
          JsonBody.parse(ctx.body(), Set.of());
          Workspace workspace = workspace(ctx);
          if (workspace.isRoot()) {
            reset.run();
          } else {
            workspace.reset();
          }
          ok(ctx, Map.of("status", "reset"));
        });

    if (minting) {
      new TokenRoutes(this::workspace, config).register(cfg.routes);
    }
    if (inspector) {
      new TokenInspectionRoutes(this::workspace).register(cfg.routes);
    }
    new ConsoleRoutes().register(cfg.routes);
    new OpenApiRoutes(config, tokenDigest.isPresent()).register(cfg.routes);
  }

  // --- protection ---------------------------------------------------------------------------

  private void authorize(Context ctx) {
    if (ctx.path().equals(ControlPaths.HEALTH)) {
      return;
    }
    if (!enabled) {
      throw ControlException.notFound(
          "the control API is turned off (--no-control / TRANSMIT_MOCK_CONTROL_ENABLED=false)");
    }
    if (tokenDigest.isEmpty() || ConsoleRoutes.isPage(ctx.path())) {
      return; // the console's page holds no state; it asks for the token and sends it itself
    }
    String header = ctx.header("Authorization");
    String presented = "";
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = header.substring(7).trim();
    }
    // Comparing digests keeps the comparison constant-time and independent of the token length.
    if (!MessageDigest.isEqual(sha256(presented), tokenDigest.get())) {
      throw ControlException.unauthorized(
          "the control API needs 'Authorization: Bearer <control token>'"
              + (header == null ? "" : "; the token presented is wrong"));
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static void renderError(ControlException e, Context ctx) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", e.error());
    json.put("error_description", e.getMessage());
    ctx.status(e.status());
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"transmit-mock control API\"");
    }
    write(ctx, json);
  }

  /** Configures a {@link ControlApi}. */
  public static final class Builder {
    private final Workspaces workspaces;
    private final KeyRing keys;
    private final MockConfig config;
    private Runnable reset = () -> {};
    private boolean enabled = true;
    private Optional<String> controlToken = Optional.empty();
    private boolean minting;
    private HttpsListener https;
    private boolean inspector;
    private Settings settings;
    private boolean nextTokens;

    private Builder(Workspaces workspaces, KeyRing keys, MockConfig config) {
      this.workspaces = requireNonNull(workspaces, "workspaces must not be null");
      this.keys = requireNonNull(keys, "keys must not be null");
      this.config = requireNonNull(config, "config must not be null");
    }

    /** What {@code POST /_mock/reset} does. */
    public Builder reset(Runnable reset) {
      this.reset = requireNonNull(reset, "reset must not be null");
      return this;
    }

    /** Whether the control API is served (default true); off, {@code /_mock/*} answers 404. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every control route but health. */
    public Builder controlToken(Optional<String> controlToken) {
      this.controlToken = requireNonNull(controlToken, "controlToken must not be null");
      return this;
    }

    /**
     * Serves {@code GET /_mock/defects} and {@code POST /_mock/tokens}, minting with the addressed
     * workspace's {@link Workspace#defectiveTokens()}; without it those routes are not served.
     */
    public Builder defectiveTokens() {
      this.minting = true;
      return this;
    }

    /** Serves {@code GET /_mock/tls/ca.pem} from this HTTPS listener (otherwise it answers 404). */
    public Builder https(HttpsListener https) {
      this.https = requireNonNull(https, "https must not be null");
      return this;
    }

    /** The HTTPS listener, if the server has one; {@link #https(HttpsListener)} otherwise. */
    public Builder https(Optional<HttpsListener> https) {
      requireNonNull(https, "https must not be null").ifPresent(this::https);
      return this;
    }

    /**
     * Serves {@code POST /_mock/tokens/inspect} with the addressed workspace's {@link
     * Workspace#tokenInspector()}; without it, not served.
     */
    public Builder tokenInspector() {
      this.inspector = true;
      return this;
    }

    /**
     * Serves {@code GET/PATCH/DELETE /_mock/settings} over these settings (by default settings of
     * their own, started from the config, that nothing else reads).
     */
    public Builder settings(Settings settings) {
      this.settings = requireNonNull(settings, "settings must not be null");
      return this;
    }

    /**
     * Serves {@code /_mock/next-token} over the addressed workspace's {@link
     * Workspace#nextTokenRules()}; without it, not served.
     */
    public Builder nextTokenRules() {
      this.nextTokens = true;
      return this;
    }

    /** Builds the control API; register it with {@link ControlApi#register(JavalinConfig)}. */
    public ControlApi build() {
      return new ControlApi(this);
    }
  }
}
