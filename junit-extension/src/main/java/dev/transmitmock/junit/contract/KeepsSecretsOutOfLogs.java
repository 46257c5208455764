package dev.transmitmock.junit.contract;

import dev.transmitmock.junit.contract.ContractEmulator.Fault;
import dev.transmitmock.junit.contract.Secrets.Leak;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Neither the client secret nor a token shows up in what the client wrote: {@code System.out} and
 * {@code System.err} since the contract's first case, and the log sinks given. Runs last, and
 * provokes a success and a refusal first, where clients tend to log.
 */
final class KeepsSecretsOutOfLogs extends Behaviour {
  static final String ID = "no-secret-in-logs";
  private static final int LINES_SHOWN = 5;

  KeepsSecretsOutOfLogs(ContractSession session) {
    super(
        session,
        new ClientCase(
            ID,
            "neither the client secret nor a token appears in System.out, System.err or the"
                + " client's logs",
            "whoever reads the logs (log pipelines, support staff, an attacker on the log store)"
                + " can call Transmit's APIs as the service, or its downstream APIs until the token"
                + " expires",
            "never log token request bodies, Authorization headers or token responses, not even at"
                + " DEBUG; log the client id, the status and the OAuth error code only"));
  }

  @Override
  String verify() {
    session.expireCachedTokens();
    session.call();
    session.expireCachedTokens();
    String refusal =
        session.emulator.addTokenFault(
            session.clientId,
            Fault.answer(
                    401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"client authentication"
                        + " failed\"}")
                .times(1));
    try {
      session.call();
    } finally {
      session.emulator.removeFault(refusal);
    }

    List<String> console = session.console();
    List<Leak> leaks = new ArrayList<>();
    leaks.addAll(session.secrets.find("System.out", console.get(0)));
    leaks.addAll(session.secrets.find("System.err", console.get(1)));
    long characters = console.get(0).length() + console.get(1).length();
    for (int i = 0; i < session.logSinks.size(); i++) {
      LogSink sink = session.logSinks.get(i);
      String logged = sink.logged();
      characters += logged.length();
      leaks.addAll(session.secrets.find("log sink " + (i + 1) + " (" + sink + ")", logged));
    }
    if (!leaks.isEmpty()) {
      String what = leaks.stream().map(Leak::what).distinct().collect(Collectors.joining(" and "));
      Map<String, Long> distinct =
          leaks.stream()
              .collect(
                  Collectors.groupingBy(Leak::describe, LinkedHashMap::new, Collectors.counting()));
      String lines =
          distinct.entrySet().stream()
              .limit(LINES_SHOWN)
              .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " times)" : ""))
              .collect(Collectors.joining("\n"));
      if (distinct.size() > LINES_SHOWN) {
        lines += "\n... and " + (distinct.size() - LINES_SHOWN) + " more";
      }
      throw violation(
          leaks.size() + (leaks.size() == 1 ? " line" : " lines") + " of output carry " + what,
          lines);
    }
    return "checked "
        + characters
        + " characters of System.out, System.err and "
        + session.logSinks.size()
        + " log sink(s): no token"
        + (session.secrets.secretKnown()
            ? ", no client secret"
            : "; the client secret is unknown (pass clientSecret(...) to look for it too)");
  }
}
