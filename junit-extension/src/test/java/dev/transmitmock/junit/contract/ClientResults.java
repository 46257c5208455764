package dev.transmitmock.junit.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/** Runs every case of a client contract and collects verdicts and violations by case id. */
final class ClientResults {
  final Map<String, ClientContractViolation> violations = new LinkedHashMap<>();
  final Map<String, String> verdicts = new LinkedHashMap<>();

  static ClientResults of(ClientContract contract) {
    ClientResults results = new ClientResults();
    try (contract) {
      for (ClientCase clientCase : contract.cases()) {
        try {
          results.verdicts.put(clientCase.id(), contract.verify(clientCase));
        } catch (ClientContractViolation violation) {
          results.violations.put(clientCase.id(), violation);
        }
      }
    }
    return results;
  }
}
