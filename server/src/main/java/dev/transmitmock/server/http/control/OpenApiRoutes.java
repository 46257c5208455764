package dev.transmitmock.server.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.http.BaseUrls;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /_mock/openapi.json}: the OpenAPI 3.1 description of every route the emulator serves
 * (the Transmit routes under {@code /oidc} and {@code /cis/oidc}, and {@code /_mock}), written by
 * hand in {@code dev/transmitmock/server/openapi.yaml} and checked against the routes Javalin
 * really registers by a test. Served as JSON, with {@code servers} set to the base URL the caller
 * used, and the bearer requirement on the control routes only when a control token is set.
 */
final class OpenApiRoutes {
  static final String PATH = ControlPaths.OPENAPI;
  static final String RESOURCE = "/dev/transmitmock/server/openapi.yaml";

  private final MockConfig config;
  private final boolean controlTokenRequired;
  private volatile ObjectNode document;

  OpenApiRoutes(MockConfig config, boolean controlTokenRequired) {
    this.config = config;
    this.controlTokenRequired = controlTokenRequired;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    ObjectNode served = document().deepCopy();
    served.putArray("servers").addObject().put("url", BaseUrls.of(ctx, config.publicBaseUrl()));
    if (!controlTokenRequired) {
      served.remove("security");
    }
    ControlResponses.ok(ctx, served);
  }

  private ObjectNode document() {
    ObjectNode loaded = document;
    if (loaded == null) {
      loaded = load();
      document = loaded;
    }
    return loaded;
  }

  /** The description as written, without {@code servers}. */
  static ObjectNode load() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI description " + RESOURCE + " is missing");
      }
      JsonNode node = new YAMLMapper().readTree(in);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
