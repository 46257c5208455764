package dev.transmitmock.server.http;

import static dev.transmitmock.server.http.ControlResponses.ok;

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
  private static final Set<String> CLOCK_FIELDS = Set.of("advance", "set", "freeze");
  private final Function<Context, Workspace> scope;

  ClockRoutes(Function<Context, Workspace> scope) {
    this.scope = scope;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/clock", ctx -> ok(ctx, clockJson(scope.apply(ctx).clock())));
    routes.post(ControlApi.PREFIX + "/clock", this::moveClock);
    routes.delete(
        ControlApi.PREFIX + "/clock",
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
    Optional<Boolean> freeze = body.bool("freeze");
    Optional<Instant> set = body.instant("set");
    Optional<Duration> advance = body.duration("advance");
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
    json.put("now", now.toString());
    json.put("epochSecond", now.getEpochSecond());
    json.put("frozen", clock.isFrozen());
    json.put("offset", clock.offset().toString());
    return json;
  }
}
