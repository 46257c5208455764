package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.server.defects.TokenInspection;
import dev.transmitmock.server.defects.TokenInspector;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /_mock/tokens/inspect}: every reason a careful consumer rejects a token, judged
 * against the emulator's keys, issuer, audiences and clock ({@link TokenInspector}). The answer
 * holds the decoded header and claims, never the token.
 */
final class TokenInspectionRoutes {
  static final String PATH = ControlPaths.TOKENS_INSPECT;
  private static final Set<String> FIELDS = Set.of("token", "audience", "clockSkew");

  private final Function<Context, Workspace> scope;

  TokenInspectionRoutes(Function<Context, Workspace> scope) {
    this.scope = scope;
  }

  void register(RoutesConfig routes) {
    routes.post(PATH, this::inspect);
  }

  private void inspect(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), FIELDS);
    String token = body.requiredText("token");
    if (token.isBlank()) {
      throw ControlException.badField("token", "must not be blank");
    }
    TokenInspector configured = scope.apply(ctx).tokenInspector();
    if (body.has("audience")) {
      String audience = body.requiredText("audience");
      if (audience.isBlank()) {
        throw ControlException.badField("audience", "must not be blank (omit it for any)");
      }
      configured = configured.expectingAudience(audience);
    }
    Duration skew = body.duration("clockSkew").orElse(Duration.ZERO);
    try {
      configured = configured.allowingClockSkew(skew);
    } catch (IllegalArgumentException e) {
      throw ControlException.badField("clockSkew", e.getMessage());
    }
    ok(ctx, json(configured.inspect(token), configured));
  }

  private static Map<String, Object> json(TokenInspection inspection, TokenInspector inspector) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (TokenInspection.Finding finding : inspection.findings()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("reason", finding.reason().name());
      json.put("check", finding.check());
      json.put("message", finding.message());
      findings.add(json);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("verdict", inspection.accepted() ? "accepted" : "rejected");
    json.put("reasons", inspection.reasons().stream().map(Enum::name).toList());
    json.put("findings", findings);
    json.put("notes", inspection.notes());
    json.put("header", inspection.header().orElse(null));
    json.put("claims", inspection.claims().orElse(null));
    json.put("signedBy", inspection.signedBy().orElse(null));
    json.put("checkedAt", inspection.checkedAt().toString());
    json.put("audience", inspector.expectedAudience().orElse(null));
    json.put("clockSkew", inspector.clockSkew().toString());
    return json;
  }
}
