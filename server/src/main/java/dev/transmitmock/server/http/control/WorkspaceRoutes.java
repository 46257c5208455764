package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.TransmitPaths;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.http.BaseUrls;
import dev.transmitmock.server.http.FormPaths;
import dev.transmitmock.server.workspace.Workspace;
import dev.transmitmock.server.workspace.WorkspaceException;
import dev.transmitmock.server.workspace.Workspaces;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace routes: {@code POST, GET /_mock/workspaces} and {@code GET, DELETE
 * /_mock/workspaces/{id}}. A workspace's own routes are the Transmit and control routes under
 * {@code /_ws/<id>/} ({@link dev.transmitmock.server.http.WorkspacePrefix}).
 */
final class WorkspaceRoutes {
  static final String PATH = ControlPaths.WORKSPACES;

  private final Workspaces workspaces;
  private final MockConfig config;

  WorkspaceRoutes(Workspaces workspaces, MockConfig config) {
    this.workspaces = workspaces;
    this.config = config;
  }

  void register(RoutesConfig routes) {
    routes.post(PATH, this::create);
    routes.get(
        PATH,
        ctx -> {
          List<Map<String, Object>> list = new ArrayList<>();
          for (Workspace workspace : workspaces.list()) {
            list.add(json(ctx, workspace));
          }
          ok(ctx, Map.of("workspaces", list, "max", Workspaces.MAX_WORKSPACES));
        });
    routes.get(PATH + "/{id}", ctx -> ok(ctx, json(ctx, existing(ctx))));
    routes.delete(
        PATH + "/{id}",
        ctx -> {
          Workspace workspace = existing(ctx);
          workspaces.delete(workspace.id());
          ok(ctx, Map.of("deleted", workspace.id()));
        });
  }

  private void create(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), Set.of("id"));
    Optional<String> id = body.text("id");
    Workspace created;
    try {
      created = id.isPresent() ? workspaces.create(id.get()) : workspaces.create();
    } catch (WorkspaceException e) {
      throw e.status() == 409
          ? ControlException.conflict(e.getMessage())
          : ControlException.badRequest(e.getMessage());
    }
    ctx.status(201);
    write(ctx, json(ctx, created));
  }

  private Workspace existing(Context ctx) {
    String id = ctx.pathParam("id");
    if (Workspace.ROOT_ID.equals(id)) {
      throw ControlException.badField("id", "the root is the server itself, not a workspace");
    }
    return workspaces
        .find(id)
        .orElseThrow(() -> ControlException.notFound("no workspace " + FormPaths.printable(id)));
  }

  private Map<String, Object> json(Context ctx, Workspace workspace) {
    String base = BaseUrls.of(ctx, config.publicBaseUrl()) + workspace.pathPrefix();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", workspace.id());
    json.put("pathPrefix", workspace.pathPrefix());
    json.put("baseUrl", base);
    json.put("tokenEndpoint", base + TransmitPaths.TOKEN);
    json.put("jwksUri", base + TransmitPaths.JWKS);
    json.put("discoveryUri", base + TransmitPaths.DISCOVERY);
    json.put(
        "introspectionEndpoint",
        base + TransmitPaths.CIS_PREFIX + TransmitPaths.INTROSPECTION_SUFFIX);
    json.put(
        "revocationEndpoint", base + TransmitPaths.CIS_PREFIX + TransmitPaths.REVOCATION_SUFFIX);
    json.put("controlUrl", base + ControlApi.PREFIX);
    json.put("issuer", workspace.tokenService().settings().current().issuer());
    return json;
  }
}
