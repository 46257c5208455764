package dev.transmitmock.junit.contract;

/**
 * A consumer got a {@link ContractCase} wrong: the message names the case, the attack it lets
 * through and what to fix. Never contains the token that was sent.
 */
public final class ContractViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String caseId;
  private final int status;

  ContractViolation(ContractCase contractCase, int status, String verdict) {
    super(
        "["
            + contractCase.id()
            + "] "
            + contractCase.title()
            + ": "
            + verdict
            + System.lineSeparator()
            + "  attack: "
            + contractCase.attack()
            + System.lineSeparator()
            + "  fix:    "
            + contractCase.fix());
    this.caseId = contractCase.id();
    this.status = status;
  }

  /** The id of the failed case. */
  public String caseId() {
    return caseId;
  }

  /** The status the consumer answered. */
  public int status() {
    return status;
  }
}
