package dev.transmitmock.server.http.control;

import static dev.transmitmock.server.http.control.ControlResponses.ok;

import dev.transmitmock.protocol.ControlFields;
import dev.transmitmock.protocol.ControlPaths;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.JournalQuery;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The journal routes: {@code GET, DELETE /_mock/journal}. */
final class JournalRoutes {
  private static final Set<String> JOURNAL_PARAMETERS = ControlFields.Journal.QUERY;
  private final Function<Context, Workspace> scope;

  JournalRoutes(Function<Context, Workspace> scope) {
    this.scope = scope;
  }

  void register(RoutesConfig routes) {
    routes.get(ControlPaths.JOURNAL, this::readJournal);
    routes.delete(
        ControlPaths.JOURNAL,
        ctx -> {
          RequestJournal journal = scope.apply(ctx).journal();
          int size = journal.size();
          journal.clear();
          ok(ctx, Map.of(ControlFields.Lists.CLEARED, size));
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
    RequestJournal journal = scope.apply(ctx).journal();
    JournalQuery query = journal.requests();
    String clientId = ctx.queryParam(ControlFields.Journal.CLIENT_ID);
    if (clientId != null) {
      query = query.forClient(clientId);
    }
    String endpoint = ctx.queryParam(ControlFields.Journal.ENDPOINT);
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
                              ControlFields.Journal.ENDPOINT,
                              "'"
                                  + endpoint
                                  + "' is not one of token, introspection, revocation")));
    }
    String resource = ctx.queryParam(ControlFields.Journal.RESOURCE);
    if (resource != null) {
      query = query.forResource(resource);
    }
    String outcome = ctx.queryParam(ControlFields.Journal.OUTCOME);
    if (outcome != null) {
      query = byOutcome(query, outcome);
    }
    String after = ctx.queryParam(ControlFields.Journal.AFTER);
    if (after != null) {
      try {
        query = query.after(Long.parseLong(after));
      } catch (NumberFormatException e) {
        throw ControlException.badField(
            ControlFields.Journal.AFTER, "must be a sequence number, was '" + after + "'");
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
    json.put(ControlFields.Journal.ENTRIES, entries);
    ok(ctx, json);
  }

  private static JournalQuery byOutcome(JournalQuery query, String outcome) {
    return switch (outcome) {
      case ControlFields.Journal.ISSUED -> query.issued();
      case ControlFields.Journal.SUCCEEDED -> query.succeeded();
      case ControlFields.Journal.REJECTED -> query.rejected();
      case ControlFields.Journal.FAULTED -> query.faulted();
      case ControlFields.Journal.INJECTED -> query.injected();
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
    json.put(ControlFields.Journal.SEQUENCE, entry.sequence());
    json.put(ControlFields.Journal.TIME, entry.time().toString());
    json.put(ControlFields.Journal.ENDPOINT, entry.endpoint().wireName());
    json.put(ControlFields.Journal.CLIENT_ID, entry.clientId().orElse(null));
    json.put(ControlFields.Journal.AUTH_METHOD, entry.authMethod().wireName());
    json.put(ControlFields.Journal.RESOURCE, entry.resource().orElse(null));
    json.put(ControlFields.Journal.SCOPE, entry.scope().orElse(null));
    json.put(ControlFields.Journal.STATUS, entry.status());
    json.put(ControlFields.Journal.OUTCOME, entry.outcome());
    json.put(ControlFields.Journal.ERROR, entry.error().orElse(null));
    json.put(ControlFields.Journal.ERROR_DESCRIPTION, entry.errorDescription().orElse(null));
    json.put(ControlFields.Journal.ERROR_DETAIL, entry.errorDetail().orElse(null));
    json.put(ControlFields.Journal.JTI, entry.jti().orElse(null));
    json.put(ControlFields.Journal.NEXT_TOKEN_RULE, entry.nextTokenRule().orElse(null));
    return json;
  }
}
