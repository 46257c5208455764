package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.config.ErrorStyle;
import dev.transmitmock.server.config.TokenTyp;
import dev.transmitmock.server.control.Settings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The runtime settings: {@code GET /_mock/settings}, {@code PATCH /_mock/settings} (changes the
 * fields given, all or none), {@code DELETE /_mock/settings} (back to the start-up settings).
 */
final class SettingsRoutes {
  static final String PATH = ControlPaths.SETTINGS;

  private static final Set<String> FIELDS =
      Set.of(
          "tokenTyp",
          "errorStyle",
          "issuer",
          "tokenLifetime",
          "verboseErrors",
          "alwaysIncludeScope");

  private final Settings settings;

  SettingsRoutes(Settings settings) {
    this.settings = settings;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> ok(ctx, json(settings.current())));
    routes.patch(PATH, this::patch);
    routes.delete(
        PATH,
        ctx -> {
          settings.reset();
          ok(ctx, json(settings.current()));
        });
  }

  private void patch(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), FIELDS);
    if (body.isEmpty()) {
      throw ControlException.badRequest(
          "name at least one setting: " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
    }
    for (String field : FIELDS) {
      if (body.node().has(field) && body.node().get(field).isNull()) {
        throw ControlException.badField(
            field, "must not be null; DELETE " + PATH + " restores the start-up settings");
      }
    }
    List<UnaryOperator<Settings.Values>> changes = new ArrayList<>();
    body.text("tokenTyp")
        .map(text -> choose("tokenTyp", text, TokenTyp.values(), TokenTyp::configName))
        .ifPresent(typ -> changes.add(v -> v.withTokenTyp(typ)));
    body.text("errorStyle")
        .map(text -> choose("errorStyle", text, ErrorStyle.values(), ErrorStyle::configName))
        .ifPresent(style -> changes.add(v -> v.withErrorStyle(style)));
    body.text("issuer")
        .ifPresent(
            issuer -> {
              check("issuer", () -> settings.current().withIssuer(issuer));
              changes.add(v -> v.withIssuer(issuer));
            });
    body.raw("tokenLifetime")
        .map(SettingsRoutes::lifetime)
        .ifPresent(
            lifetime -> {
              check("tokenLifetime", () -> settings.current().withTokenLifetime(lifetime));
              changes.add(v -> v.withTokenLifetime(lifetime));
            });
    body.bool("verboseErrors").ifPresent(b -> changes.add(v -> v.withVerboseErrors(b)));
    body.bool("alwaysIncludeScope").ifPresent(b -> changes.add(v -> v.withAlwaysIncludeScope(b)));
    Settings.Values now =
        settings.update(
            v -> {
              Settings.Values changed = v;
              for (UnaryOperator<Settings.Values> change : changes) {
                changed = change.apply(changed);
              }
              return changed;
            });
    ok(ctx, json(now));
  }

  private static void check(String field, Runnable validation) {
    try {
      validation.run();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw ControlException.badField(
          field,
          message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message);
    }
  }

  private static Duration lifetime(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Duration.ofSeconds(value.asLong());
    }
    if (value.isTextual()) {
      return JsonBody.parseDuration("tokenLifetime", value.asText());
    }
    throw ControlException.badField(
        "tokenLifetime", "must be whole seconds (e.g. 300) or an ISO-8601 duration (e.g. PT5M)");
  }

  private static <E extends Enum<E>> E choose(
      String field, String text, E[] values, Function<E, String> name) {
    for (E value : values) {
      if (name.apply(value).equals(text)) {
        return value;
      }
    }
    List<String> names = new ArrayList<>();
    for (E value : values) {
      names.add(name.apply(value));
    }
    throw ControlException.badField(
        field, "'" + text + "' is not one of " + String.join(", ", names));
  }

  static Map<String, Object> json(Settings.Values values) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tokenTyp", values.tokenTyp().configName());
    json.put("errorStyle", values.errorStyle().configName());
    json.put("issuer", values.issuer());
    json.put("tokenLifetime", values.tokenLifetime().toString());
    json.put("verboseErrors", values.verboseErrors());
    json.put("alwaysIncludeScope", values.alwaysIncludeScope());
    return json;
  }
}
