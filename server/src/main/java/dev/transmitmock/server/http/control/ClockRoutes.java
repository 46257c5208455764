package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The clock routes: {@code GET, POST, DELETE /_mock/clock}. */
final class ClockRoutes {
  private static final Set<String> CLOCK_FIELDS = ControlFields.Clock.REQUEST;
  private final Function<Context, Workspace> scope;

  ClockRoutes(Function<Context, Workspace> scope) {
    this.scope = scope;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlPaths.CLOCK, ctx -> ok(ctx, clockJson(scope.apply(ctx).clock())));
    routes.post(ControlPaths.CLOCK, this::moveClock);
    routes.delete(
        ControlPaths.CLOCK,
        ctx -> {
          MockClock clock = scope.apply(ctx).clock();
          clock.reset();
          ok(ctx, clockJson(clock));
        });
  }

  private void moveClock(Context ctx) {
    MockClock clock = scope.apply(ctx).clock();
    JsonBody body = JsonBody.parse(ctx.body(), CLOCK_FIELDS);
    if (body.isEmpty()) {
      throw ControlException.badRequest(
          "give at least one of advance (ISO-8601 duration), set (ISO-8601 instant), freeze"
              + " (true|false)");
    }
    Optional<Boolean> freeze = body.bool(ControlFields.Clock.FREEZE);
    Optional<Instant> set = body.instant(ControlFields.Clock.SET);
    Optional<Duration> advance = body.duration(ControlFields.Clock.ADVANCE);
    if (freeze.orElse(false)) {
      clock.freeze();
    }
    set.ifPresent(clock::set);
    advance.ifPresent(clock::advance);
    if (freeze.isPresent() && !freeze.get()) {
      clock.unfreeze();
    }
    ok(ctx, clockJson(clock));
  }

  private static Map<String, Object> clockJson(MockClock clock) {
    Instant now = clock.instant();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ControlFields.Clock.NOW, now.toString());
    json.put(ControlFields.Clock.EPOCH_SECOND, now.getEpochSecond());
    json.put(ControlFields.Clock.FROZEN, clock.isFrozen());
    json.put(ControlFields.Clock.OFFSET, clock.offset().toString());
    return json;
  }
}
