package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;
import static dev.transmitmock.server.http.control.ControlResponses.write;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.config.SigningAlgorithm;
import dev.transmitmock.server.keys.KeyMaterial;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key routes: list, add, rotate, activate and retire signing keys under {@code /_mock/keys}.
 */
final class KeyRoutes {
  private static final Set<String> KEY_FIELDS = ControlFields.Keys.REQUEST;
  private final KeyRing keys;

  KeyRoutes(KeyRing keys) {
    this.keys = keys;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlPaths.KEYS, ctx -> ok(ctx, keysJson()));
    routes.post(ControlPaths.KEYS, this::addKey);
    routes.post(ControlPaths.KEYS_ROTATE, this::rotateKeys);
    routes.post(ControlPaths.KEYS + "/{kid}/activate", this::activateKey);
    routes.delete(ControlPaths.KEYS + "/{kid}", this::retireKey);
  }

  private void addKey(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), KEY_FIELDS);
    Optional<String> kid = body.text(ControlFields.Keys.KID);
    if (kid.isPresent() && kid.get().isBlank()) {
      throw ControlException.badField(ControlFields.Keys.KID, "must not be blank");
    }
    SigningAlgorithm algorithm =
        body.text(ControlFields.Keys.ALGORITHM)
            .map(
                name -> {
                  try {
                    return SigningAlgorithm.valueOf(name.trim().toUpperCase(Locale.ROOT));
                  } catch (IllegalArgumentException e) {
                    throw ControlException.badField(
                        "algorithm", "'" + name + "' is not one of RS256, PS256, ES256");
                  }
                })
            .orElse(keys.active().algorithm());
    boolean activate = body.bool(ControlFields.Keys.ACTIVATE).orElse(false);
    if (kid.isPresent() && keys.state().findAny(kid.get()).isPresent()) {
      throw ControlException.conflict("a key with kid " + kid.get() + " already exists");
    }
    SigningKey key = KeyMaterial.generate(algorithm, kid);
    try {
      keys.add(key, activate);
    } catch (IllegalArgumentException e) {
      throw ControlException.conflict(e.getMessage());
    }
    ctx.status(201);
    write(ctx, keysJson());
  }

  private void rotateKeys(Context ctx) {
    JsonBody.parse(ctx.body(), Set.of());
    String previous = keys.active().kid();
    SigningKey fresh = keys.rotate();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ControlFields.Keys.KID, fresh.kid());
    json.put(ControlFields.Keys.PREVIOUS, previous);
    json.putAll(keysJson());
    ok(ctx, json);
  }

  private void activateKey(Context ctx) {
    String kid = ctx.pathParam("kid");
    if (keys.find(kid).isEmpty()) {
      throw ControlException.notFound(
          keys.state().findAny(kid).isPresent()
              ? "key " + kid + " is retired; add a new key instead"
              : "no key " + kid);
    }
    keys.activate(kid);
    ok(ctx, keysJson());
  }

  private void retireKey(Context ctx) {
    String kid = ctx.pathParam("kid");
    if (keys.find(kid).isEmpty()) {
      throw ControlException.notFound(
          keys.state().findAny(kid).isPresent()
              ? "key " + kid + " is already retired"
              : "no key " + kid);
    }
    if (keys.active().kid().equals(kid)) {
      throw ControlException.conflict(
          "key " + kid + " is active; activate another key (or rotate) before retiring it");
    }
    keys.retire(kid);
    ok(ctx, keysJson());
  }

  private Map<String, Object> keysJson() {
    KeyRing.State state = keys.state();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SigningKey key : state.published()) {
      list.add(
          keyJson(
              key,
              key == state.active() ? ControlFields.Keys.ACTIVE : ControlFields.Keys.PUBLISHED));
    }
    for (SigningKey key : state.retired()) {
      list.add(keyJson(key, ControlFields.Keys.RETIRED));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ControlFields.Keys.ACTIVE, state.active().kid());
    json.put(ControlFields.Keys.KEYS, list);
    return json;
  }

  private static Map<String, Object> keyJson(SigningKey key, String status) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ControlFields.Keys.KID, key.kid());
    json.put(ControlFields.Keys.ALGORITHM, key.algorithm().name());
    json.put(ControlFields.Keys.STATUS, status);
    return json;
  }
}
