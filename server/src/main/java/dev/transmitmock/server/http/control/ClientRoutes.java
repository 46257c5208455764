package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.parseObject;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.protocol.ClientFields;
import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client and resource routes under {@code /_mock/clients} and {@code /_mock/resources}; secrets
 * are never returned.
 */
final class ClientRoutes {
  private final Function<Context, Workspace> scope;
  private final MockConfig config;

  private final dev.transmitmock.server.control.Settings settings;

  ClientRoutes(
      Function<Context, Workspace> scope,
      MockConfig config,
      dev.transmitmock.server.control.Settings settings) {
    this.scope = scope;
    this.config = config;
    this.settings = settings;
  }

  void register(RoutesConfig routes) {
    routes.get(
        ControlPaths.CLIENTS,
        ctx -> ok(ctx, Map.of(ControlFields.Lists.CLIENTS, clientsJson(ctx))));
    routes.post(ControlPaths.CLIENTS, this::putClient);
    routes.delete(ControlPaths.CLIENTS + "/{clientId}", this::removeClient);
    routes.get(
        ControlPaths.RESOURCES,
        ctx -> ok(ctx, Map.of(ControlFields.Lists.RESOURCES, resourcesJson(ctx))));
    routes.post(ControlPaths.RESOURCES, this::putResource);
    routes.delete(ControlPaths.RESOURCES, this::removeResource);
  }

  private void putClient(Context ctx) {
    JsonNode node = parseObject(ctx.body());
    ClientConfig client;
    try {
      client = ConfigLoader.client(node);
    } catch (ConfigException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    boolean existed = clients(ctx).client(client.clientId()).isPresent();
    try {
      clients(ctx).putClient(client, config.serviceResources());
    } catch (IllegalArgumentException e) {
      throw ControlException.badField("resources", e.getMessage());
    }
    ctx.status(existed ? 200 : 201);
    write(ctx, clientJson(client));
  }

  private void removeClient(Context ctx) {
    String clientId = ctx.pathParam("clientId");
    if (!clients(ctx).removeClient(clientId)) {
      throw ControlException.notFound("no client " + clientId);
    }
    ok(ctx, Map.of(ControlFields.Lists.REMOVED, clientId));
  }

  private void putResource(Context ctx) {
    JsonNode node = parseObject(ctx.body());
    ResourceConfig resource;
    try {
      resource = ConfigLoader.resource(node);
    } catch (ConfigException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    boolean existed = clients(ctx).resource(resource.uri()).isPresent();
    clients(ctx).putResource(resource);
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
    if (!clients(ctx).removeResource(uri)) {
      throw ControlException.notFound("no resource " + text);
    }
    ok(ctx, Map.of(ControlFields.Lists.REMOVED, text));
  }

  private ClientRegistry clients(Context ctx) {
    return scope.apply(ctx).clients();
  }

  private List<Map<String, Object>> clientsJson(Context ctx) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ClientConfig client : clients(ctx).clients()) {
      list.add(clientJson(client));
    }
    return list;
  }

  /** A client as the control API shows it: everything but the secret. */
  private Map<String, Object> clientJson(ClientConfig client) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ClientFields.CLIENT_ID, client.clientId());
    json.put("type", client.type().configName());
    json.put("appId", config.appIdOf(client));
    json.put("appName", config.appNameOf(client));
    json.put(ClientFields.RESOURCES, client.resources().stream().map(URI::toString).toList());
    json.put("scopes", client.scopes());
    json.put("tokenLifetime", client.tokenLifetime().map(Duration::toString).orElse(null));
    json.put("claims", client.claims());
    json.put("tokenEndpointAuthMethod", client.authMethod().wireName());
    json.put("certificateBoundAccessTokens", client.authentication().bindsTokens());
    json.put("grantTypes", client.grantTypes());
    json.put(
        "issuer",
        config.applicationOf(client).map(app -> app.issuer()).orElse(settings.current().issuer()));
    return json;
  }

  private List<Map<String, Object>> resourcesJson(Context ctx) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ResourceConfig resource : clients(ctx).resources()) {
      list.add(resourceJson(resource));
    }
    return list;
  }

  private static Map<String, Object> resourceJson(ResourceConfig resource) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("uri", resource.uri().toString());
    json.put("tokenLifetime", resource.tokenLifetime().map(Duration::toString).orElse(null));
    json.put("scopes", resource.scopes());
    return json;
  }
}
