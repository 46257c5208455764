package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.DefectKind;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.defects.AssertionDefect;
import dev.transmitmock.server.defects.BindingDefect;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectCatalog;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.token.OAuthException;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The defective-token routes: {@code GET /_mock/defects} and {@code POST /_mock/tokens}. The
 * catalog lists three {@code kind}s: {@code access-token} ({@link Defect}: tokens a consumer must
 * reject), {@code client-assertion} ({@link AssertionDefect}: client assertions the token endpoint
 * refuses) and {@code certificate-binding} ({@link BindingDefect}: tokens a consumer checking the
 * mTLS binding must reject).
 */
final class TokenRoutes {
  static final List<String> KINDS =
      Arrays.stream(DefectKind.values()).map(DefectKind::wireName).toList();

  private static final Set<String> TOKEN_FIELDS = ControlFields.Tokens.REQUEST;
  private final Function<Context, Workspace> scope;
  private final MockConfig config;

  TokenRoutes(Function<Context, Workspace> scope, MockConfig config) {
    this.scope = scope;
    this.config = config;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlPaths.DEFECTS, TokenRoutes::listDefects);
    routes.post(ControlPaths.TOKENS, this::mintToken);
  }

  private static void listDefects(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!name.equals(ControlFields.Tokens.KIND)) {
        throw ControlException.badField(name, "unknown query parameter; allowed: kind");
      }
    }
    String kind = ctx.queryParam(ControlFields.Tokens.KIND);
    if (kind != null && !KINDS.contains(kind)) {
      throw ControlException.badField(
          ControlFields.Tokens.KIND,
          "unknown kind '" + kind + "'; one of " + String.join(", ", KINDS));
    }
    List<Map<String, Object>> defects = new ArrayList<>();
    for (Map<String, Object> defect : defectsJson()) {
      if (kind == null || kind.equals(defect.get(ControlFields.Tokens.KIND))) {
        defects.add(defect);
      }
    }
    ok(ctx, Map.of(ControlFields.Tokens.DEFECTS, defects));
  }

  /** Every defect of every kind; the access-token ones first, as before kinds existed. */
  static List<Map<String, Object>> defectsJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (DefectCatalog.Entry entry : DefectCatalog.catalog()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put(ControlFields.Tokens.ID, entry.id());
      json.put(ControlFields.Tokens.KIND, entry.kind().wireName());
      json.put(ControlFields.Tokens.DESCRIPTION, entry.description());
      json.put(ControlFields.Tokens.REFERENCE, entry.reference());
      json.put(ControlFields.Tokens.EXPECTED_REJECTION, entry.expectedRejection());
      json.put("skewSensitive", entry.skewSensitive());
      json.putAll(entry.specifics());
      list.add(json);
    }
    return list;
  }

  private void mintToken(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), TOKEN_FIELDS);
    TokenSpec.Builder spec = TokenSpec.builder();
    Optional<String> clientId = body.text(ControlFields.Tokens.CLIENT_ID);
    Workspace workspace = scope.apply(ctx);
    if (clientId.isPresent()) {
      if (workspace.clients().client(clientId.get()).isEmpty()) {
        throw ControlException.badField(
            ControlFields.Tokens.CLIENT_ID, "no client " + clientId.get());
      }
      spec.clientId(clientId.get());
    } else if (config.clients().isEmpty()) {
      throw ControlException.badField(
          ControlFields.Tokens.CLIENT_ID, "is required: no client is configured");
    }
    body.text(ControlFields.Tokens.RESOURCE).ifPresent(spec::resource);
    body.text(ControlFields.Tokens.SCOPE).ifPresent(spec::scope);
    if (body.bool(ControlFields.Tokens.GLOBAL_KEY).orElse(false)) {
      spec.globalKey();
    }
    Optional<String> defectId = body.text(ControlFields.Tokens.DEFECT);
    Optional<BindingDefect> binding = defectId.flatMap(BindingDefect::byId);
    if (defectId.isPresent() && AssertionDefect.byId(defectId.get()).isPresent()) {
      throw ControlException.badField(
          ControlFields.Tokens.DEFECT,
          "'"
              + defectId.get()
              + "' is a client-assertion defect: an attack on the token endpoint, not an access"
              + " token; build it in Java with AssertionDefect.mint(...)");
    }
    Optional<Defect> defect =
        defectId
            .filter(id -> binding.isEmpty())
            .map(
                id ->
                    DefectCatalog.find(id)
                        .orElseThrow(
                            () ->
                                ControlException.badField(
                                    ControlFields.Tokens.DEFECT,
                                    "unknown defect '"
                                        + id
                                        + "'; GET "
                                        + ControlPaths.DEFECTS
                                        + " lists the known ones")));
    String token;
    try {
      body.object(ControlFields.Tokens.CLAIMS).ifPresent(spec::claims);
      body.object(ControlFields.Tokens.HEADER).ifPresent(spec::headers);
      binding.ifPresent(b -> b.applyTo(spec));
      TokenSpec built = spec.build();
      DefectiveTokens tokens = workspace.defectiveTokens();
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
    ok(ctx, Map.of(ControlFields.Tokens.ACCESS_TOKEN, token));
  }
}
