package dev.transmitmock.server.http.control;

import dev.transmitmock.protocol.ControlPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console: {@code GET /_mock/ui} and its two assets, plain HTML, CSS and JavaScript read
 * from the classpath ({@code dev/transmitmock/server/console/}) on first use. The page holds no
 * state and needs no control token; it asks for the token and sends it on every control call. A
 * strict Content-Security-Policy (scripts and styles from this origin only, no inline code) backs
 * the page's own escaping of everything it shows.
 */
final class ConsoleRoutes {
  static final String PAGE = ControlPaths.UI;
  private static final String RESOURCES = "/dev/transmitmock/server/console/";

  /** The served paths and their resources and content types. */
  private static final Map<String, Asset> ASSETS =
      Map.of(
          PAGE,
          new Asset("index.html", "text/html; charset=utf-8"),
          PAGE + "/console.js",
          new Asset("console.js", "text/javascript; charset=utf-8"),
          PAGE + "/console.css",
          new Asset("console.css", "text/css; charset=utf-8"));

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  /** Whether a request path is the console's page (with or without a final slash) or an asset. */
  static boolean isPage(String path) {
    return ASSETS.containsKey(path) || path.equals(PAGE + "/");
  }

  void register(RoutesConfig routes) {
    ASSETS.forEach((path, asset) -> routes.get(path, ctx -> serve(ctx, asset)));
  }

  private void serve(Context ctx, Asset asset) {
    byte[] content = loaded.computeIfAbsent(asset.resource(), ConsoleRoutes::read);
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(asset.contentType()).result(content);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new IllegalStateException("the console resource " + resource + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Asset(String resource, String contentType) {}
}
