package dev.transmitmock.junit.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/** Runs every case of a contract and collects the violations by case id. */
final class ContractResults {
  final Map<String, ContractViolation> violations = new LinkedHashMap<>();
  final Map<String, String> verdicts = new LinkedHashMap<>();

  static ContractResults of(ConsumerContract contract) {
    ContractResults results = new ContractResults();
    for (ContractCase contractCase : contract.cases()) {
      try {
        results.verdicts.put(contractCase.id(), contract.verify(contractCase));
      } catch (ContractViolation violation) {
        results.violations.put(contractCase.id(), violation);
      }
    }
    return results;
  }
}
