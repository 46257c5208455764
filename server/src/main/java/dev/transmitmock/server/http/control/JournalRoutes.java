package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.server.control.Endpoint;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.JournalQuery;
import dev.transmitmock.server.control.RequestJournal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The journal routes: {@code GET, DELETE /_mock/journal}. */
final class JournalRoutes {
  private static final Set<String> JOURNAL_PARAMETERS =
      Set.of("clientId", "endpoint", "outcome", "resource", "after");
  private final RequestJournal journal;

  JournalRoutes(RequestJournal journal) {
    this.journal = journal;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlApi.PREFIX + "/journal", this::readJournal);
    routes.delete(
        ControlApi.PREFIX + "/journal",
        ctx -> {
          int size = journal.size();
          journal.clear();
          ok(ctx, Map.of("cleared", size));
        });
  }

  private void readJournal(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!JOURNAL_PARAMETERS.contains(name)) {
        throw ControlException.badField(
            name,
            "unknown query parameter; allowed: "
                + String.join(", ", new TreeSet<>(JOURNAL_PARAMETERS)));
      }
    }
    JournalQuery query = journal.requests();
    String clientId = ctx.queryParam("clientId");
    if (clientId != null) {
      query = query.forClient(clientId);
    }
    String endpoint = ctx.queryParam("endpoint");
    if (endpoint != null) {
      query =
          query.at(
              Endpoint.parse(endpoint)
                  .filter(
                      e ->
                          e == Endpoint.TOKEN
                              || e == Endpoint.INTROSPECTION
                              || e == Endpoint.REVOCATION)
                  .orElseThrow(
                      () ->
                          ControlException.badField(
                              "endpoint",
                              "'"
                                  + endpoint
                                  + "' is not one of token, introspection, revocation")));
    }
    String resource = ctx.queryParam("resource");
    if (resource != null) {
      query = query.forResource(resource);
    }
    String outcome = ctx.queryParam("outcome");
    if (outcome != null) {
      query = byOutcome(query, outcome);
    }
    String after = ctx.queryParam("after");
    if (after != null) {
      try {
        query = query.after(Long.parseLong(after));
      } catch (NumberFormatException e) {
        throw ControlException.badField("after", "must be a sequence number, was '" + after + "'");
      }
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (JournalEntry entry : query.list()) {
      entries.add(entryJson(entry));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("capacity", journal.capacity());
    json.put("size", journal.size());
    json.put("dropped", journal.dropped());
    json.put("rejected", journal.rejectedCount());
    json.put("entries", entries);
    ok(ctx, json);
  }

  private static JournalQuery byOutcome(JournalQuery query, String outcome) {
    return switch (outcome) {
      case "issued" -> query.issued();
      case "succeeded" -> query.succeeded();
      case "rejected" -> query.rejected();
      case "faulted" -> query.faulted();
      case "injected" -> query.injected();
      default -> {
        if (outcome.isEmpty()
            || !outcome.chars().allMatch(c -> c == '_' || Character.isLowerCase(c))) {
          throw ControlException.badField(
              "outcome",
              "'"
                  + outcome
                  + "' is not one of issued, succeeded, rejected, faulted, injected or an OAuth"
                  + " error code"
                  + " such as invalid_client");
        }
        yield query.rejectedWith(outcome);
      }
    };
  }

  static Map<String, Object> entryJson(JournalEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sequence", entry.sequence());
    json.put("time", entry.time().toString());
    json.put("endpoint", entry.endpoint().wireName());
    json.put("clientId", entry.clientId().orElse(null));
    json.put("authMethod", entry.authMethod().wireName());
    json.put("resource", entry.resource().orElse(null));
    json.put("scope", entry.scope().orElse(null));
    json.put("status", entry.status());
    json.put("outcome", entry.outcome());
    json.put("error", entry.error().orElse(null));
    json.put("errorDescription", entry.errorDescription().orElse(null));
    json.put("errorDetail", entry.errorDetail().orElse(null));
    json.put("jti", entry.jti().orElse(null));
    json.put("nextTokenRule", entry.nextTokenRule().orElse(null));
    return json;
  }
}
