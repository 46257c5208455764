package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.defects.AssertionDefect;
import dev.transmitmock.server.defects.BindingDefect;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectCatalog;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.OAuthException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The defective-token routes: {@code GET /_mock/defects} and {@code POST /_mock/tokens}. The
 * catalog lists three {@code kind}s: {@code access-token} ({@link Defect}: tokens a consumer must
 * reject), {@code client-assertion} ({@link AssertionDefect}: client assertions the token endpoint
 * refuses) and {@code certificate-binding} ({@link BindingDefect}: tokens a consumer checking the
 * mTLS binding must reject).
 */
final class TokenRoutes {
  static final List<String> KINDS =
      Arrays.stream(DefectCatalog.Kind.values()).map(DefectCatalog.Kind::wireName).toList();

  private static final Set<String> TOKEN_FIELDS =
      Set.of("clientId", "resource", "scope", "defect", "claims", "header", "globalKey");
  private final ClientRegistry clients;
  private final MockConfig config;
  private final DefectiveTokens minting;

  TokenRoutes(ClientRegistry clients, MockConfig config, DefectiveTokens minting) {
    this.clients = clients;
    this.config = config;
    this.minting = minting;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/defects", TokenRoutes::listDefects);
    routes.post(ControlApi.PREFIX + "/tokens", this::mintToken);
  }

  private static void listDefects(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!name.equals("kind")) {
        throw ControlException.badField(name, "unknown query parameter; allowed: kind");
      }
    }
    String kind = ctx.queryParam("kind");
    if (kind != null && !KINDS.contains(kind)) {
      throw ControlException.badField(
          "kind", "unknown kind '" + kind + "'; one of " + String.join(", ", KINDS));
    }
    List<Map<String, Object>> defects = new ArrayList<>();
    for (Map<String, Object> defect : defectsJson()) {
      if (kind == null || kind.equals(defect.get("kind"))) {
        defects.add(defect);
      }
    }
    ok(ctx, Map.of("defects", defects));
  }

  /** Every defect of every kind; the access-token ones first, as before kinds existed. */
  static List<Map<String, Object>> defectsJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (DefectCatalog.Entry entry : DefectCatalog.catalog()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", entry.id());
      json.put("kind", entry.kind().wireName());
      json.put("description", entry.description());
      json.put("reference", entry.reference());
      json.put("expectedRejection", entry.expectedRejection());
      json.put("skewSensitive", entry.skewSensitive());
      json.putAll(entry.specifics());
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
    if (body.bool("globalKey").orElse(false)) {
      spec.globalKey();
    }
    Optional<String> defectId = body.text("defect");
    Optional<BindingDefect> binding = defectId.flatMap(BindingDefect::byId);
    if (defectId.isPresent() && AssertionDefect.byId(defectId.get()).isPresent()) {
      throw ControlException.badField(
          "defect",
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
                                    "defect",
                                    "unknown defect '"
                                        + id
                                        + "'; GET "
                                        + ControlApi.PREFIX
                                        + "/defects lists the known ones")));
    String token;
    try {
      body.object("claims").ifPresent(spec::claims);
      body.object("header").ifPresent(spec::headers);
      binding.ifPresent(b -> b.applyTo(spec));
      TokenSpec built = spec.build();
      DefectiveTokens tokens = minting;
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
}
