package dev.transmitmock.junit.contract;

/**
 * A token client got a {@link ClientCase} wrong: the message names the behaviour, what the kit
 * observed (the emulator's journal of the client's token requests, with timings, and what the
 * downstream API received) and what to fix. Never contains the client secret or a token.
 */
public final class ClientContractViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String caseId;

  ClientContractViolation(ClientCase clientCase, String verdict, String observed) {
    super(
        clientCase.displayName()
            + ": "
            + verdict
            + System.lineSeparator()
            + "  observed: "
            + observed.strip().replace("\n", System.lineSeparator() + "    ")
            + System.lineSeparator()
            + "  risk:     "
            + clientCase.risk()
            + System.lineSeparator()
            + "  fix:      "
            + clientCase.fix());
    this.caseId = clientCase.id();
  }

  /** The id of the failed case, e.g. {@code caches}. */
  public String caseId() {
    return caseId;
  }
}
