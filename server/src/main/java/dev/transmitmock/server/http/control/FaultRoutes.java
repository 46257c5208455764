package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.protocol.FaultRuleShape;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fault routes: {@code GET, POST, DELETE /_mock/faults} and {@code DELETE /_mock/faults/{id}}.
 */
final class FaultRoutes {
  private final Function<Context, Workspace> scope;

  FaultRoutes(Function<Context, Workspace> scope) {
    this.scope = scope;
  }

  private Faults faults(Context ctx) {
    return scope.apply(ctx).faults();
  }

  void register(RoutesConfig routes) {
    routes.get(
        ControlPaths.FAULTS, ctx -> ok(ctx, Map.of(ControlFields.Lists.FAULTS, faultsJson(ctx))));
    routes.post(ControlPaths.FAULTS, this::addFault);
    routes.delete(
        ControlPaths.FAULTS,
        ctx -> {
          int size = faults(ctx).rules().size();
          faults(ctx).clear();
          ok(ctx, Map.of(ControlFields.Lists.CLEARED, size));
        });
    routes.delete(ControlPaths.FAULTS + "/{id}", this::removeFault);
  }

  private void addFault(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), FaultRuleShape.FIELDS);
    String endpointName = body.requiredText(FaultRuleShape.ENDPOINT);
    Endpoint endpoint =
        Endpoint.parse(endpointName)
            .orElseThrow(
                () ->
                    ControlException.badField(
                        FaultRuleShape.ENDPOINT, FaultRuleShape.unknownEndpoint(endpointName)));
    FaultRule.Builder rule = FaultRule.on(endpoint);
    body.integer(FaultRuleShape.STATUS).ifPresent(rule::status);
    body.integer(FaultRuleShape.TIMES).ifPresent(rule::times);
    body.duration(FaultRuleShape.DELAY).ifPresent(rule::delay);
    if (body.bool(FaultRuleShape.DROP).orElse(false)) {
      rule.dropConnection();
    }
    if (body.bool(FaultRuleShape.MALFORMED).orElse(false)) {
      rule.malformedJson();
    }
    body.text(FaultRuleShape.CLIENT_ID).ifPresent(rule::forClient);
    body.stringMap(FaultRuleShape.HEADERS).ifPresent(h -> h.forEach(rule::header));
    body.raw(FaultRuleShape.BODY)
        .ifPresent(value -> rule.body(value.isTextual() ? value.asText() : value.toString()));
    body.text(FaultRuleShape.CONTENT_TYPE).ifPresent(rule::contentType);
    FaultRule added;
    try {
      added = faults(ctx).add(rule.build());
    } catch (IllegalArgumentException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    ctx.status(201);
    write(ctx, faultJson(added));
  }

  private void removeFault(Context ctx) {
    String id = ctx.pathParam("id");
    if (!faults(ctx).remove(id)) {
      throw ControlException.notFound("no fault rule " + id);
    }
    ok(ctx, Map.of(ControlFields.Lists.REMOVED, id));
  }

  private List<Map<String, Object>> faultsJson(Context ctx) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (FaultRule rule : faults(ctx).rules()) {
      rules.add(faultJson(rule));
    }
    return rules;
  }

  private static Map<String, Object> faultJson(FaultRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(FaultRuleShape.ID, rule.id());
    json.put(FaultRuleShape.ENDPOINT, rule.endpoint().wireName());
    json.put(FaultRuleShape.CLIENT_ID, rule.clientId().orElse(null));
    json.put(FaultRuleShape.STATUS, rule.status().isPresent() ? rule.status().getAsInt() : null);
    json.put(FaultRuleShape.HEADERS, rule.headers());
    json.put(FaultRuleShape.BODY, rule.body().orElse(null));
    json.put(FaultRuleShape.CONTENT_TYPE, rule.contentType());
    json.put(FaultRuleShape.DELAY, rule.delay().toString());
    json.put(FaultRuleShape.DROP, rule.drop());
    json.put(FaultRuleShape.MALFORMED, rule.malformedJson());
    json.put(FaultRuleShape.TIMES, rule.times().isPresent() ? rule.times().getAsInt() : null);
    json.put(FaultRuleShape.DESCRIPTION, rule.describe());
    return json;
  }
}
