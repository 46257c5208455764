package dev.transmitmock.server.http;

import static dev.transmitmock.server.http.ControlResponses.ok;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectCatalog;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.token.OAuthException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The defective-token routes: {@code GET /_mock/defects} and {@code POST /_mock/tokens}. */
final class TokenRoutes {
  private static final Set<String> TOKEN_FIELDS =
      Set.of("clientId", "resource", "scope", "defect", "claims", "header");
  private final ClientRegistry clients;
  private final MockConfig config;
  private final DefectiveTokens minting;

  TokenRoutes(ClientRegistry clients, MockConfig config, DefectiveTokens minting) {
    this.clients = clients;
    this.config = config;
    this.minting = minting;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/defects", ctx -> ok(ctx, Map.of("defects", defectsJson())));
    routes.post(ControlApi.PREFIX + "/tokens", this::mintToken);
  }

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
                                        + ControlApi.PREFIX
                                        + "/defects lists the known ones")));
    String token;
    try {
      body.object("claims").ifPresent(spec::claims);
      body.object("header").ifPresent(spec::headers);
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
