package dev.transmitmock.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.SigningAlgorithm;
import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.JournalQuery;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectCatalog;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.keys.KeyMaterial;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.OAuthException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTTP test-control API under {@code /_mock/}: clock, journal, faults, keys, clients and
 * resources, defective tokens, reset. JSON in and out; bad input is a 400 naming the field, an
 * unknown id a 404, never a stack trace. Client secrets are never returned.
 *
 * <p>Off, it answers 404 for everything under {@code /_mock/} except the health probe. With a
 * control token, every control request needs {@code Authorization: Bearer <token>} (compared in
 * constant time), except the health probe. Faults never apply to these routes.
 *
 * <pre>{@code
 * Javalin app = httpApi.create(ControlApi.builder(clock, journal, faults, keys, clients, config)
 *     .reset(server::reset).controlToken(Optional.of("s3cret")).build()::register);
 * }</pre>
 *
 * <p>Every endpoint is documented in {@code docs/CONTROL_API.md}.
 */
public final class ControlApi {
  /** The prefix of every control route. */
  public static final String PREFIX = "/_mock";

  private static final String JSON = "application/json; charset=utf-8";
  private static final Set<String> CLOCK_FIELDS = Set.of("advance", "set", "freeze");
  private static final Set<String> FAULT_FIELDS =
      Set.of(
          "endpoint",
          "status",
          "times",
          "delay",
          "drop",
          "malformed",
          "clientId",
          "headers",
          "body",
          "contentType");
  private static final Set<String> KEY_FIELDS = Set.of("kid", "algorithm", "activate");
  private static final Set<String> JOURNAL_PARAMETERS =
      Set.of("clientId", "endpoint", "outcome", "resource", "after");
  private static final Set<String> TOKEN_FIELDS =
      Set.of("clientId", "resource", "scope", "defect", "claims", "header");

  private final MockClock clock;
  private final RequestJournal journal;
  private final Faults faults;
  private final KeyRing keys;
  private final ClientRegistry clients;
  private final MockConfig config;
  private final Runnable reset;
  private final boolean enabled;
  private final Optional<byte[]> tokenDigest;
  private final Optional<DefectiveTokens> minting;

  private ControlApi(Builder builder) {
    this.clock = builder.clock;
    this.journal = builder.journal;
    this.faults = builder.faults;
    this.keys = builder.keys;
    this.clients = builder.clients;
    this.config = builder.config;
    this.reset = builder.reset;
    this.enabled = builder.enabled;
    this.tokenDigest = builder.controlToken.map(ControlApi::sha256);
    this.minting = Optional.ofNullable(builder.defectiveTokens);
  }

  /** Starts configuring the control API over the emulator's state. */
  public static Builder builder(
      MockClock clock,
      RequestJournal journal,
      Faults faults,
      KeyRing keys,
      ClientRegistry clients,
      MockConfig config) {
    return new Builder(clock, journal, faults, keys, clients, config);
  }

  /** Registers the routes; pass as {@code HttpApi.create(controlApi::register)}. */
  public void register(JavalinConfig cfg) {
    cfg.routes.exception(ControlException.class, ControlApi::renderError);
    cfg.routes.before(PREFIX + "/*", this::authorize);
    if (!enabled) {
      return;
    }
    cfg.routes.get(PREFIX + "/clock", ctx -> ok(ctx, clockJson()));
    cfg.routes.post(PREFIX + "/clock", this::moveClock);
    cfg.routes.delete(
        PREFIX + "/clock",
        ctx -> {
          clock.reset();
          ok(ctx, clockJson());
        });

    cfg.routes.get(PREFIX + "/journal", this::readJournal);
    cfg.routes.delete(
        PREFIX + "/journal",
        ctx -> {
          int size = journal.size();
          journal.clear();
          ok(ctx, Map.of("cleared", size));
        });

    cfg.routes.get(PREFIX + "/faults", ctx -> ok(ctx, Map.of("faults", faultsJson())));
    cfg.routes.post(PREFIX + "/faults", this::addFault);
    cfg.routes.delete(
        PREFIX + "/faults",
        ctx -> {
          int size = faults.rules().size();
          faults.clear();
          ok(ctx, Map.of("cleared", size));
        });
    cfg.routes.delete(PREFIX + "/faults/{id}", this::removeFault);

    cfg.routes.get(PREFIX + "/keys", ctx -> ok(ctx, keysJson()));
    cfg.routes.post(PREFIX + "/keys", this::addKey);
    cfg.routes.post(PREFIX + "/keys/rotate", this::rotateKeys);
    cfg.routes.post(PREFIX + "/keys/{kid}/activate", this::activateKey);
    cfg.routes.delete(PREFIX + "/keys/{kid}", this::retireKey);

    cfg.routes.get(PREFIX + "/clients", ctx -> ok(ctx, Map.of("clients", clientsJson())));
    cfg.routes.post(PREFIX + "/clients", this::putClient);
    cfg.routes.delete(PREFIX + "/clients/{clientId}", this::removeClient);
    cfg.routes.get(PREFIX + "/resources", ctx -> ok(ctx, Map.of("resources", resourcesJson())));
    cfg.routes.post(PREFIX + "/resources", this::putResource);
    cfg.routes.delete(PREFIX + "/resources", this::removeResource);

    cfg.routes.post(
        PREFIX + "/reset",
        ctx -> {
          JsonBody.parse(ctx.body(), Set.of());
          reset.run();
          ok(ctx, Map.of("status", "reset"));
        });

    if (minting.isPresent()) {
      cfg.routes.get(PREFIX + "/defects", ctx -> ok(ctx, Map.of("defects", defectsJson())));
      cfg.routes.post(PREFIX + "/tokens", this::mintToken);
    }
  }

  // --- protection ---------------------------------------------------------------------------

  private void authorize(Context ctx) {
    if (ctx.path().equals(HttpApi.HEALTH_PATH)) {
      return;
    }
    if (!enabled) {
      throw ControlException.notFound(
          "the control API is turned off (--no-control / TRANSMIT_MOCK_CONTROL_ENABLED=false)");
    }
    if (tokenDigest.isEmpty()) {
      return;
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

  // --- clock --------------------------------------------------------------------------------

  private void moveClock(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), CLOCK_FIELDS);
    if (body.isEmpty()) {
      throw ControlException.badRequest(
          "give at least one of advance (ISO-8601 duration), set (ISO-8601 instant), freeze"
              + " (true|false)");
    }
    Optional<Boolean> freeze = body.bool("freeze");
    Optional<Instant> set = body.instant("set");
    Optional<Duration> advance = body.duration("advance");
    if (freeze.orElse(false)) {
      clock.freeze();
    }
    set.ifPresent(clock::set);
    advance.ifPresent(clock::advance);
    if (freeze.isPresent() && !freeze.get()) {
      clock.unfreeze();
    }
    ok(ctx, clockJson());
  }

  private Map<String, Object> clockJson() {
    Instant now = clock.instant();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("now", now.toString());
    json.put("epochSecond", now.getEpochSecond());
    json.put("frozen", clock.isFrozen());
    json.put("offset", clock.offset().toString());
    return json;
  }

  // --- journal ------------------------------------------------------------------------------

  private void readJournal(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!JOURNAL_PARAMETERS.contains(name)) {
        throw ControlException.badField(
            name,
            "unknown query parameter; allowed: "
                + String.join(", ", new TreeSet<>(JOURNAL_PARAMETERS)));
      }
    }
    JournalQuery query = journal.requests();
    String clientId = ctx.queryParam("clientId");
    if (clientId != null) {
      query = query.forClient(clientId);
    }
    String endpoint = ctx.queryParam("endpoint");
    if (endpoint != null) {
      query =
          query.at(
              Endpoint.parse(endpoint)
                  .filter(
                      e ->
                          e == Endpoint.TOKEN
                              || e == Endpoint.INTROSPECTION
                              || e == Endpoint.REVOCATION)
                  .orElseThrow(
                      () ->
                          ControlException.badField(
                              "endpoint",
                              "'"
                                  + endpoint
                                  + "' is not one of token, introspection, revocation")));
    }
    String resource = ctx.queryParam("resource");
    if (resource != null) {
      query = query.forResource(resource);
    }
    String outcome = ctx.queryParam("outcome");
    if (outcome != null) {
      query = byOutcome(query, outcome);
    }
    String after = ctx.queryParam("after");
    if (after != null) {
      try {
        query = query.after(Long.parseLong(after));
      } catch (NumberFormatException e) {
        throw ControlException.badField("after", "must be a sequence number, was '" + after + "'");
      }
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (JournalEntry entry : query.list()) {
      entries.add(entryJson(entry));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("capacity", journal.capacity());
    json.put("size", journal.size());
    json.put("dropped", journal.dropped());
    json.put("rejected", journal.rejectedCount());
    json.put("entries", entries);
    ok(ctx, json);
  }

  private static JournalQuery byOutcome(JournalQuery query, String outcome) {
    return switch (outcome) {
      case "issued" -> query.issued();
      case "succeeded" -> query.succeeded();
      case "rejected" -> query.rejected();
      case "faulted" -> query.faulted();
      default -> {
        if (outcome.isEmpty()
            || !outcome.chars().allMatch(c -> c == '_' || Character.isLowerCase(c))) {
          throw ControlException.badField(
              "outcome",
              "'"
                  + outcome
                  + "' is not one of issued, succeeded, rejected, faulted or an OAuth error code"
                  + " such as invalid_client");
        }
        yield query.rejectedWith(outcome);
      }
    };
  }

  static Map<String, Object> entryJson(JournalEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sequence", entry.sequence());
    json.put("time", entry.time().toString());
    json.put("endpoint", entry.endpoint().wireName());
    json.put("clientId", entry.clientId().orElse(null));
    json.put("authMethod", entry.authMethod().wireName());
    json.put("resource", entry.resource().orElse(null));
    json.put("scope", entry.scope().orElse(null));
    json.put("status", entry.status());
    json.put("outcome", entry.outcome());
    json.put("error", entry.error().orElse(null));
    json.put("errorDescription", entry.errorDescription().orElse(null));
    json.put("jti", entry.jti().orElse(null));
    return json;
  }

  // --- faults -------------------------------------------------------------------------------

  private void addFault(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), FAULT_FIELDS);
    String endpointName = body.requiredText("endpoint");
    Endpoint endpoint =
        Endpoint.parse(endpointName)
            .orElseThrow(
                () ->
                    ControlException.badField(
                        "endpoint",
                        "'"
                            + endpointName
                            + "' is not one of token, jwks, discovery, introspection, revocation"));
    FaultRule.Builder rule = FaultRule.on(endpoint);
    body.integer("status").ifPresent(rule::status);
    body.integer("times").ifPresent(rule::times);
    body.duration("delay").ifPresent(rule::delay);
    if (body.bool("drop").orElse(false)) {
      rule.dropConnection();
    }
    if (body.bool("malformed").orElse(false)) {
      rule.malformedJson();
    }
    body.text("clientId").ifPresent(rule::forClient);
    body.stringMap("headers").ifPresent(h -> h.forEach(rule::header));
    body.raw("body")
        .ifPresent(value -> rule.body(value.isTextual() ? value.asText() : value.toString()));
    body.text("contentType").ifPresent(rule::contentType);
    FaultRule added;
    try {
      added = faults.add(rule.build());
    } catch (IllegalArgumentException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    ctx.status(201);
    write(ctx, faultJson(added));
  }

  private void removeFault(Context ctx) {
    String id = ctx.pathParam("id");
    if (!faults.remove(id)) {
      throw ControlException.notFound("no fault rule " + id);
    }
    ok(ctx, Map.of("removed", id));
  }

  private List<Map<String, Object>> faultsJson() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (FaultRule rule : faults.rules()) {
      rules.add(faultJson(rule));
    }
    return rules;
  }

  private static Map<String, Object> faultJson(FaultRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("endpoint", rule.endpoint().wireName());
    json.put("clientId", rule.clientId().orElse(null));
    json.put("status", rule.status().isPresent() ? rule.status().getAsInt() : null);
    json.put("headers", rule.headers());
    json.put("body", rule.body().orElse(null));
    json.put("contentType", rule.contentType());
    json.put("delay", rule.delay().toString());
    json.put("drop", rule.drop());
    json.put("malformed", rule.malformedJson());
    json.put("times", rule.times().isPresent() ? rule.times().getAsInt() : null);
    json.put("description", rule.describe());
    return json;
  }

  // --- keys ---------------------------------------------------------------------------------

  private void addKey(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), KEY_FIELDS);
    Optional<String> kid = body.text("kid");
    if (kid.isPresent() && kid.get().isBlank()) {
      throw ControlException.badField("kid", "must not be blank");
    }
    SigningAlgorithm algorithm =
        body.text("algorithm")
            .map(
                name -> {
                  try {
                    return SigningAlgorithm.valueOf(name.trim().toUpperCase(Locale.ROOT));
                  } catch (IllegalArgumentException e) {
                    throw ControlException.badField(
                        "algorithm", "'" + name + "' is not one of RS256, PS256, ES256");
                  }
                })
            .orElse(keys.active().algorithm());
    boolean activate = body.bool("activate").orElse(false);
    if (kid.isPresent() && keys.state().findAny(kid.get()).isPresent()) {
      throw ControlException.conflict("a key with kid " + kid.get() + " already exists");
    }
    SigningKey key = KeyMaterial.generate(algorithm, kid);
    try {
      keys.add(key, activate);
    } catch (IllegalArgumentException e) {
      throw ControlException.conflict(e.getMessage());
    }
    ctx.status(201);
    write(ctx, keysJson());
  }

  private void rotateKeys(Context ctx) {
    JsonBody.parse(ctx.body(), Set.of());
    String previous = keys.active().kid();
    SigningKey fresh = keys.rotate();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kid", fresh.kid());
    json.put("previous", previous);
    json.putAll(keysJson());
    ok(ctx, json);
  }

  private void activateKey(Context ctx) {
    String kid = ctx.pathParam("kid");
    if (keys.find(kid).isEmpty()) {
      throw ControlException.notFound(
          keys.state().findAny(kid).isPresent()
              ? "key " + kid + " is retired; add a new key instead"
              : "no key " + kid);
    }
    keys.activate(kid);
    ok(ctx, keysJson());
  }

  private void retireKey(Context ctx) {
    String kid = ctx.pathParam("kid");
    if (keys.find(kid).isEmpty()) {
      throw ControlException.notFound(
          keys.state().findAny(kid).isPresent()
              ? "key " + kid + " is already retired"
              : "no key " + kid);
    }
    if (keys.active().kid().equals(kid)) {
      throw ControlException.conflict(
          "key " + kid + " is active; activate another key (or rotate) before retiring it");
    }
    keys.retire(kid);
    ok(ctx, keysJson());
  }

  private Map<String, Object> keysJson() {
    KeyRing.State state = keys.state();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SigningKey key : state.published()) {
      list.add(keyJson(key, key == state.active() ? "active" : "published"));
    }
    for (SigningKey key : state.retired()) {
      list.add(keyJson(key, "retired"));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("active", state.active().kid());
    json.put("keys", list);
    return json;
  }

  private static Map<String, Object> keyJson(SigningKey key, String status) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kid", key.kid());
    json.put("algorithm", key.algorithm().name());
    json.put("status", status);
    return json;
  }

  // --- clients and resources ----------------------------------------------------------------

  private void putClient(Context ctx) {
    JsonNode node = parseObject(ctx.body());
    ClientConfig client;
    try {
      client = ConfigLoader.client(node);
    } catch (ConfigException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    boolean existed = clients.client(client.clientId()).isPresent();
    try {
      clients.putClient(client, config.serviceResources());
    } catch (IllegalArgumentException e) {
      throw ControlException.badField("resources", e.getMessage());
    }
    ctx.status(existed ? 200 : 201);
    write(ctx, clientJson(client));
  }

  private void removeClient(Context ctx) {
    String clientId = ctx.pathParam("clientId");
    if (!clients.removeClient(clientId)) {
      throw ControlException.notFound("no client " + clientId);
    }
    ok(ctx, Map.of("removed", clientId));
  }

  private void putResource(Context ctx) {
    JsonNode node = parseObject(ctx.body());
    ResourceConfig resource;
    try {
      resource = ConfigLoader.resource(node);
    } catch (ConfigException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    boolean existed = clients.resource(resource.uri()).isPresent();
    clients.putResource(resource);
    ctx.status(existed ? 200 : 201);
    write(ctx, resourceJson(resource));
  }

  private void removeResource(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!name.equals("uri")) {
        throw ControlException.badField(name, "unknown query parameter; allowed: uri");
      }
    }
    String text = ctx.queryParam("uri");
    if (text == null || text.isBlank()) {
      throw ControlException.badField("uri", "is required (DELETE /_mock/resources?uri=...)");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw ControlException.badField("uri", "not a valid URI: '" + text + "'");
    }
    if (!clients.removeResource(uri)) {
      throw ControlException.notFound("no resource " + text);
    }
    ok(ctx, Map.of("removed", text));
  }

  private List<Map<String, Object>> clientsJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ClientConfig client : clients.clients()) {
      list.add(clientJson(client));
    }
    return list;
  }

  /** A client as the control API shows it: everything but the secret. */
  private Map<String, Object> clientJson(ClientConfig client) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("clientId", client.clientId());
    json.put("type", client.type().configName());
    json.put("appId", config.appIdOf(client));
    json.put("appName", config.appNameOf(client));
    json.put("resources", client.resources().stream().map(URI::toString).toList());
    json.put("scopes", client.scopes());
    json.put("tokenLifetime", client.tokenLifetime().map(Duration::toString).orElse(null));
    json.put("claims", client.claims());
    return json;
  }

  private List<Map<String, Object>> resourcesJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ResourceConfig resource : clients.resources()) {
      list.add(resourceJson(resource));
    }
    return list;
  }

  private static Map<String, Object> resourceJson(ResourceConfig resource) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("uri", resource.uri().toString());
    json.put("tokenLifetime", resource.tokenLifetime().map(Duration::toString).orElse(null));
    return json;
  }

  // --- tokens -------------------------------------------------------------------------------

  private static List<Map<String, Object>> defectsJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (DefectCatalog.Entry entry : DefectCatalog.entries()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", entry.id());
      json.put("description", entry.description());
      json.put("reference", entry.reference());
      json.put("expectedRejection", entry.expectedRejection().name());
      json.put("skewSensitive", entry.skewSensitive());
      list.add(json);
    }
    return list;
  }

  private void mintToken(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), TOKEN_FIELDS);
    TokenSpec.Builder spec = TokenSpec.builder();
    Optional<String> clientId = body.text("clientId");
    if (clientId.isPresent()) {
      if (clients.client(clientId.get()).isEmpty()) {
        throw ControlException.badField("clientId", "no client " + clientId.get());
      }
      spec.clientId(clientId.get());
    } else if (config.clients().isEmpty()) {
      throw ControlException.badField("clientId", "is required: no client is configured");
    }
    body.text("resource").ifPresent(spec::resource);
    body.text("scope").ifPresent(spec::scope);
    Optional<Defect> defect =
        body.text("defect")
            .map(
                id ->
                    DefectCatalog.find(id)
                        .orElseThrow(
                            () ->
                                ControlException.badField(
                                    "defect",
                                    "unknown defect '"
                                        + id
                                        + "'; GET "
                                        + PREFIX
                                        + "/defects lists the known ones")));
    String token;
    try {
      body.object("claims").ifPresent(spec::claims);
      body.object("header").ifPresent(spec::headers);
      TokenSpec built = spec.build();
      DefectiveTokens tokens = minting.orElseThrow();
      token = defect.isPresent() ? tokens.mint(defect.get(), built) : tokens.mintValid(built);
    } catch (OAuthException e) {
      String field =
          switch (e.error().error()) {
            case "invalid_target" -> "resource";
            case "invalid_scope" -> "scope";
            default -> "clientId";
          };
      throw ControlException.badField(field, e.error().description());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    ok(ctx, Map.of("access_token", token));
  }

  // --- plumbing -----------------------------------------------------------------------------

  private static JsonNode parseObject(String text) {
    if (text == null || text.isBlank()) {
      throw ControlException.badRequest("the body must be a JSON object");
    }
    try {
      JsonNode node = JsonBody.MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        throw ControlException.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      throw ControlException.badRequest(
          "the body is not valid JSON: " + (newline < 0 ? message : message.substring(0, newline)));
    }
  }

  private static void ok(Context ctx, Object json) {
    ctx.status(200);
    write(ctx, json);
  }

  private static void write(Context ctx, Object json) {
    try {
      ctx.contentType(JSON).result(JsonBody.MAPPER.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
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
    private final MockClock clock;
    private final RequestJournal journal;
    private final Faults faults;
    private final KeyRing keys;
    private final ClientRegistry clients;
    private final MockConfig config;
    private Runnable reset = () -> {};
    private boolean enabled = true;
    private Optional<String> controlToken = Optional.empty();
    private DefectiveTokens defectiveTokens;

    private Builder(
        MockClock clock,
        RequestJournal journal,
        Faults faults,
        KeyRing keys,
        ClientRegistry clients,
        MockConfig config) {
      this.clock = requireNonNull(clock, "clock must not be null");
      this.journal = requireNonNull(journal, "journal must not be null");
      this.faults = requireNonNull(faults, "faults must not be null");
      this.keys = requireNonNull(keys, "keys must not be null");
      this.clients = requireNonNull(clients, "clients must not be null");
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
     * Serves {@code GET /_mock/defects} and {@code POST /_mock/tokens} with this minting; without
     * it those routes are not served.
     */
    public Builder defectiveTokens(DefectiveTokens defectiveTokens) {
      this.defectiveTokens = requireNonNull(defectiveTokens, "defectiveTokens must not be null");
      return this;
    }

    public ControlApi build() {
      return new ControlApi(this);
    }
  }
}
