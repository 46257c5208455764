package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.control.Faults;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault routes: {@code GET, POST, DELETE /_mock/faults} and {@code DELETE /_mock/faults/{id}}.
 */
final class FaultRoutes {
  private static final Set<String> FAULT_FIELDS =
      Set.of(
          "endpoint",
          "status",
          "times",
          "delay",
          "drop",
          "malformed",
          "clientId",
          "headers",
          "body",
          "contentType");
  private final Faults faults;

  FaultRoutes(Faults faults) {
    this.faults = faults;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/faults", ctx -> ok(ctx, Map.of("faults", faultsJson())));
    routes.post(ControlApi.PREFIX + "/faults", this::addFault);
    routes.delete(
        ControlApi.PREFIX + "/faults",
        ctx -> {
          int size = faults.rules().size();
          faults.clear();
          ok(ctx, Map.of("cleared", size));
        });
    routes.delete(ControlApi.PREFIX + "/faults/{id}", this::removeFault);
  }

  private void addFault(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), FAULT_FIELDS);
    String endpointName = body.requiredText("endpoint");
    Endpoint endpoint =
        Endpoint.parse(endpointName)
            .orElseThrow(
                () ->
                    ControlException.badField(
                        "endpoint",
                        "'"
                            + endpointName
                            + "' is not one of token, jwks, discovery, introspection, revocation"));
    FaultRule.Builder rule = FaultRule.on(endpoint);
    body.integer("status").ifPresent(rule::status);
    body.integer("times").ifPresent(rule::times);
    body.duration("delay").ifPresent(rule::delay);
    if (body.bool("drop").orElse(false)) {
      rule.dropConnection();
    }
    if (body.bool("malformed").orElse(false)) {
      rule.malformedJson();
    }
    body.text("clientId").ifPresent(rule::forClient);
    body.stringMap("headers").ifPresent(h -> h.forEach(rule::header));
    body.raw("body")
        .ifPresent(value -> rule.body(value.isTextual() ? value.asText() : value.toString()));
    body.text("contentType").ifPresent(rule::contentType);
    FaultRule added;
    try {
      added = faults.add(rule.build());
    } catch (IllegalArgumentException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    ctx.status(201);
    write(ctx, faultJson(added));
  }

  private void removeFault(Context ctx) {
    String id = ctx.pathParam("id");
    if (!faults.remove(id)) {
      throw ControlException.notFound("no fault rule " + id);
    }
    ok(ctx, Map.of("removed", id));
  }

  private List<Map<String, Object>> faultsJson() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (FaultRule rule : faults.rules()) {
      rules.add(faultJson(rule));
    }
    return rules;
  }

  private static Map<String, Object> faultJson(FaultRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("endpoint", rule.endpoint().wireName());
    json.put("clientId", rule.clientId().orElse(null));
    json.put("status", rule.status().isPresent() ? rule.status().getAsInt() : null);
    json.put("headers", rule.headers());
    json.put("body", rule.body().orElse(null));
    json.put("contentType", rule.contentType());
    json.put("delay", rule.delay().toString());
    json.put("drop", rule.drop());
    json.put("malformed", rule.malformedJson());
    json.put("times", rule.times().isPresent() ? rule.times().getAsInt() : null);
    json.put("description", rule.describe());
    return json;
  }
}
