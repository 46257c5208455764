package dev.transmitmock.server.http;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.workspace.Workspace;
import dev.transmitmock.server.workspace.Workspaces;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes {@code /_ws/<id>/<path>} to {@code <path>} on workspace {@code <id>}: strips the prefix
 * before the routes see the request and puts the {@link Workspace} on it, where every handler finds
 * it ({@link #of(Context, Workspaces)}); a request without the prefix is the root workspace's. So
 * each Transmit route and each workspace-scoped control route exists under every workspace without
 * being registered twice. An unknown workspace is a 404, a malformed id a 400, and the control
 * routes that are server-wide (keys, TLS, console, OpenAPI, the workspaces themselves, the runtime
 * settings) a 404 that says where they are.
 */
public final class WorkspacePrefix extends Handler.Wrapper {
  /** The request attribute holding the {@link Workspace} a request addresses. */
  static final String ATTRIBUTE = "dev.transmitmock.workspace";

  /** The control routes a workspace has of its own; the others are server-wide. */
  private static final Set<String> SCOPED_CONTROL =
      Set.of(
          "health",
          "clock",
          "journal",
          "faults",
          "clients",
          "resources",
          "reset",
          "tokens",
          "defects",
          "next-token");

  private static final String JSON = "application/json;charset=utf-8";

  private final Workspaces workspaces;

  /**
   * The prefix handler over {@code workspaces}; the Transmit face inserts it in front of Jetty's
   * handlers.
   *
   * <pre>{@code
   * cfg.jetty.modifyServer(server -> server.insertHandler(new WorkspacePrefix(workspaces)));
   * }</pre>
   */
  public WorkspacePrefix(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /** The workspace a request addresses: the one of its {@code /_ws/<id>} prefix, or the root. */
  public static Workspace of(Context ctx, Workspaces workspaces) {
    return ctx.attribute(ATTRIBUTE) instanceof Workspace ws ? ws : workspaces.root();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path == null || !path.startsWith(Workspace.PATH_PREFIX)) {
      return super.handle(request, response, callback);
    }
    String rest = path.substring(Workspace.PATH_PREFIX.length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    String inner = slash < 0 ? "/" : rest.substring(slash);
    if (!Workspaces.ID.matcher(id).matches() || id.equals(Workspace.ROOT_ID)) {
      return answer(
          response,
          callback,
          400,
          "invalid_request",
          "a workspace path is /_ws/<id>/..., where <id> is 1 to 64 lowercase letters, digits and"
              + " inner hyphens (POST /_mock/workspaces makes one)");
    }
    Workspace workspace = workspaces.find(id).orElse(null);
    if (workspace == null) {
      return answer(
          response,
          callback,
          404,
          "not_found",
          "no workspace " + id + " (deleted, or never created: POST /_mock/workspaces makes one)");
    }
    if (inner.startsWith(ControlPaths.PREFIX + "/") || inner.equals(ControlPaths.PREFIX)) {
      String feature = inner.length() > 7 ? inner.substring(7) : "";
      int end = feature.indexOf('/');
      feature = end < 0 ? feature : feature.substring(0, end);
      if (!SCOPED_CONTROL.contains(feature)) {
        return answer(
            response,
            callback,
            404,
            "not_found",
            FormPaths.printable(inner)
                + " is server-wide, not per workspace: call it without the /_ws/"
                + id
                + " prefix");
      }
    }
    HttpURI rewritten = HttpURI.build(request.getHttpURI()).path(inner);
    Request scoped =
        new Request.Wrapper(request) {
          @Override
          public HttpURI getHttpURI() {
            return rewritten;
          }
        };
    scoped.setAttribute(ATTRIBUTE, workspace);
    return super.handle(scoped, response, callback);
  }

  private static boolean answer(
      Response response, Callback callback, int status, String error, String description) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String json =
        "{\"error\":\""
            + error
            + "\",\"error_description\":\""
            + description.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
