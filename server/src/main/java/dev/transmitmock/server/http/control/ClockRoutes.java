package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.server.control.MockClock;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The clock routes: {@code GET, POST, DELETE /_mock/clock}. */
final class ClockRoutes {
  private static final Set<String> CLOCK_FIELDS = Set.of("advance", "set", "freeze");
  private final MockClock clock;

  ClockRoutes(MockClock clock) {
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/clock", ctx -> ok(ctx, clockJson()));
    routes.post(ControlApi.PREFIX + "/clock", this::moveClock);
    routes.delete(
        ControlApi.PREFIX + "/clock",
        ctx -> {
          clock.reset();
          ok(ctx, clockJson());
        });
  }

  private void moveClock(Context ctx) {
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
    ok(ctx, clockJson());
  }

  private Map<String, Object> clockJson() {
    Instant now = clock.instant();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("now", now.toString());
    json.put("epochSecond", now.getEpochSecond());
    json.put("frozen", clock.isFrozen());
    json.put("offset", clock.offset().toString());
    return json;
  }
}
