package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.control.DefectReference;
import dev.transmitmock.server.control.NextTokenRule;
import dev.transmitmock.server.control.NextTokenRules;
import dev.transmitmock.server.defects.AssertionDefect;
import dev.transmitmock.server.defects.BindingDefect;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectCatalog;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The next-token routes: {@code POST /_mock/next-token} installs a rule shaping what the real token
 * endpoint answers a client next ({@link NextTokenRule}), {@code GET} lists the pending ones,
 * {@code DELETE} forgets them (all, or one by id).
 */
final class NextTokenRoutes {
  static final String PATH = ControlPaths.NEXT_TOKEN;

  private static final Set<String> FIELDS =
      Set.of(
          "clientId",
          "times",
          "claims",
          "header",
          "expiresIn",
          "omit",
          "responseFields",
          "defect",
          "error");
  private static final Set<String> ERROR_FIELDS =
      Set.of("status", "error", "error_description", "retryAfter");

  private final Function<Context, Workspace> scope;

  NextTokenRoutes(Function<Context, Workspace> scope) {
    this.scope = scope;
  }

  private NextTokenRules rules(Context ctx) {
    return scope.apply(ctx).nextTokenRules();
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> ok(ctx, Map.of("rules", rulesJson(ctx))));
    routes.post(PATH, this::install);
    routes.delete(PATH, ctx -> ok(ctx, Map.of("cleared", rules(ctx).clear())));
    routes.delete(PATH + "/{id}", this::remove);
  }

  private void install(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), FIELDS);
    NextTokenRule added;
    try {
      NextTokenRule.Builder rule = NextTokenRule.forClient(body.requiredText("clientId"));
      body.integer("times").ifPresent(rule::times);
      body.object("claims").ifPresent(rule::claims);
      body.object("header").ifPresent(rule::headers);
      body.raw("expiresIn").ifPresent(value -> rule.expiresIn(expiresIn(value)));
      body.stringList("omit").ifPresent(fields -> fields.forEach(rule::omit));
      body.object("responseFields").ifPresent(rule::responseFields);
      body.text("defect").ifPresent(id -> rule.defect(defect(id)));
      body.raw("error").ifPresent(error -> error(error, rule));
      added = rules(ctx).add(rule.build());
    } catch (IllegalArgumentException e) {
      throw ControlException.badRequest(e.getMessage());
    }
    ctx.status(201);
    write(ctx, ruleJson(added));
  }

  private void remove(Context ctx) {
    String id = ctx.pathParam("id");
    if (!rules(ctx).remove(id)) {
      throw ControlException.notFound("no pending next-token rule " + id);
    }
    ok(ctx, Map.of("removed", id));
  }

  /** Whole seconds as a number (as {@code expires_in} is), or an ISO-8601 duration. */
  private static Duration expiresIn(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      if (value.asLong() < 0) {
        throw ControlException.badField("expiresIn", "must be 0 or more, was " + value.asLong());
      }
      return Duration.ofSeconds(value.asLong());
    }
    if (value.isTextual()) {
      return JsonBody.parseDuration("expiresIn", value.asText());
    }
    throw ControlException.badField(
        "expiresIn", "must be whole seconds (e.g. 5) or an ISO-8601 duration (e.g. PT5S)");
  }

  private static Defect defect(String id) {
    if (AssertionDefect.byId(id).isPresent()) {
      throw ControlException.badField(
          "defect", "'" + id + "' is a client-assertion defect, not one of an access token");
    }
    if (BindingDefect.byId(id).isPresent()) {
      throw ControlException.badField(
          "defect",
          "'" + id + "' is a certificate-binding defect; shape the cnf claim with claims instead");
    }
    return DefectCatalog.find(id)
        .orElseThrow(
            () ->
                ControlException.badField(
                    "defect",
                    "unknown defect '"
                        + id
                        + "'; GET "
                        + ControlApi.PREFIX
                        + "/defects?kind=access-token lists the known ones"));
  }

  private static void error(JsonNode error, NextTokenRule.Builder rule) {
    if (!error.isObject()) {
      throw ControlException.badField(
          "error", "must be an object: {status, error, error_description, retryAfter}");
    }
    error
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!ERROR_FIELDS.contains(name)) {
                throw ControlException.badField(
                    "error." + name,
                    "unknown field; allowed: " + String.join(", ", new TreeSet<>(ERROR_FIELDS)));
              }
            });
    int status = 400;
    if (error.hasNonNull("status")) {
      JsonNode value = error.get("status");
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw ControlException.badField("error.status", "must be a whole number");
      }
      status = value.asInt();
    }
    JsonNode code = error.get("error");
    if (code == null || code.isNull()) {
      throw ControlException.badField("error.error", "is required (e.g. invalid_client)");
    }
    if (!code.isTextual()) {
      throw ControlException.badField("error.error", "must be a string");
    }
    String description = null;
    if (error.hasNonNull("error_description")) {
      if (!error.get("error_description").isTextual()) {
        throw ControlException.badField("error.error_description", "must be a string");
      }
      description = error.get("error_description").asText();
    }
    rule.error(status, code.asText(), description);
    if (error.hasNonNull("retryAfter")) {
      JsonNode value = error.get("retryAfter");
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw ControlException.badField("error.retryAfter", "must be whole seconds");
      }
      rule.retryAfter(value.asLong());
    }
  }

  private List<Map<String, Object>> rulesJson(Context ctx) {
    List<Map<String, Object>> list = new ArrayList<>();
    rules(ctx).rules().forEach(rule -> list.add(ruleJson(rule)));
    return list;
  }

  static Map<String, Object> ruleJson(NextTokenRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("clientId", rule.clientId());
    json.put("times", rule.times());
    json.put("claims", rule.claims());
    json.put("header", rule.header());
    json.put("expiresIn", rule.expiresIn().isPresent() ? rule.expiresIn().getAsLong() : null);
    json.put("omit", List.copyOf(rule.omit()));
    json.put("responseFields", rule.responseFields());
    json.put("defect", rule.defect().map(DefectReference::id).orElse(null));
    json.put(
        "error",
        rule.error()
            .map(
                e -> {
                  Map<String, Object> error = new LinkedHashMap<>();
                  error.put("status", e.status());
                  error.put("error", e.error());
                  error.put("error_description", e.description());
                  error.put(
                      "retryAfter", e.retryAfter().isPresent() ? e.retryAfter().getAsLong() : null);
                  return error;
                })
            .orElse(null));
    json.put("description", rule.describe());
    return json;
  }
}
