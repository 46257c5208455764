package dev.transmitmock.server.http.oidc;

import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.control.FaultRule;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.JournalDraft;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.token.FormRequest;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Applies {@link Faults} in front of the Transmit endpoints: finds the rule for a request, waits
 * its delay, and answers in the endpoint's place (or drops the connection). Requests to the form
 * endpoints that a fault answers are recorded in the journal as {@code injected_fault}.
 */
final class FaultGate {
  private FaultGate() {}

  /**
   * Applies the fault for a form request (token, introspection, revocation), if any.
   *
   * @return true when the fault answered and the endpoint must not
   */
  static boolean intercept(
      Context ctx, Workspace workspace, Endpoint endpoint, FormRequest request) {
    Faults faults = workspace.faults();
    if (faults.isEmpty()) {
      return false;
    }
    Optional<FaultRule> rule = faults.take(endpoint, request.clientId());
    if (rule.isEmpty()) {
      return false;
    }
    pause(rule.get());
    if (rule.get().delayOnly()) {
      return false;
    }
    record(workspace, endpoint, request, rule.get());
    answer(ctx, rule.get());
    return true;
  }

  /**
   * Applies the fault for a request without a client (JWKS, discovery), if any.
   *
   * @return true when the fault answered and the endpoint must not
   */
  static boolean intercept(Context ctx, Workspace workspace, Endpoint endpoint) {
    Faults faults = workspace.faults();
    if (faults.isEmpty()) {
      return false;
    }
    Optional<FaultRule> rule = faults.take(endpoint, Optional.empty());
    if (rule.isEmpty()) {
      return false;
    }
    pause(rule.get());
    if (rule.get().delayOnly()) {
      return false;
    }
    answer(ctx, rule.get());
    return true;
  }

  private static void pause(FaultRule rule) {
    if (rule.delay().isZero()) {
      return;
    }
    try {
      Thread.sleep(rule.delay().toMillis(), rule.delay().toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void record(
      Workspace workspace, Endpoint endpoint, FormRequest request, FaultRule rule) {
    JournalDraft.start(workspace.journal(), workspace.clock(), endpoint)
        .clientId(request.clientId())
        .authMethod(request.authMethod())
        .resource(request.resource())
        .scope(request.scope())
        .refused(
            rule.drop() ? 0 : rule.effectiveStatus(),
            JournalEntry.INJECTED_FAULT,
            rule.describe(),
            Optional.empty());
  }

  private static void answer(Context ctx, FaultRule rule) {
    if (rule.drop()) {
      drop(ctx);
      return;
    }
    ctx.status(rule.effectiveStatus());
    for (Map.Entry<String, String> header : rule.headers().entrySet()) {
      ctx.header(header.getKey(), header.getValue());
    }
    if (rule.bodyless()) {
      ctx.result("");
      return;
    }
    ctx.contentType(rule.contentType()).result(rule.effectiveBody());
  }

  /**
   * Closes the connection without writing a byte of response: the client sees the connection end
   * while it waits for the status line, as when a load balancer or the server dies mid-request.
   */
  private static void drop(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    EndPoint endPoint = request.getServletChannel().getEndPoint();
    endPoint.close();
    ctx.status(500).result("");
  }
}
