package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.parseObject;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.token.ClientRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client and resource routes under {@code /_mock/clients} and {@code /_mock/resources}; secrets
 * are never returned.
 */
final class ClientRoutes {
  private final ClientRegistry clients;
  private final MockConfig config;

  private final dev.transmitmock.server.control.Settings settings;

  ClientRoutes(
      ClientRegistry clients,
      MockConfig config,
      dev.transmitmock.server.control.Settings settings) {
    this.clients = clients;
    this.config = config;
    this.settings = settings;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/clients", ctx -> ok(ctx, Map.of("clients", clientsJson())));
    routes.post(ControlApi.PREFIX + "/clients", this::putClient);
    routes.delete(ControlApi.PREFIX + "/clients/{clientId}", this::removeClient);
    routes.get(
        ControlApi.PREFIX + "/resources", ctx -> ok(ctx, Map.of("resources", resourcesJson())));
    routes.post(ControlApi.PREFIX + "/resources", this::putResource);
    routes.delete(ControlApi.PREFIX + "/resources", this::removeResource);
  }

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
    json.put("tokenEndpointAuthMethod", client.authMethod().wireName());
    json.put("certificateBoundAccessTokens", client.authentication().bindsTokens());
    json.put("grantTypes", client.grantTypes());
    json.put(
        "issuer",
        config.applicationOf(client).map(app -> app.issuer()).orElse(settings.current().issuer()));
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
    json.put("scopes", resource.scopes());
    return json;
  }
}
