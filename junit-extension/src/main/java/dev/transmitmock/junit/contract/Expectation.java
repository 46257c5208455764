package dev.transmitmock.junit.contract;

/** What a {@link ContractCase} requires of the consumer. */
public enum Expectation {
  /** The consumer must accept the request (a 2xx status). */
  ACCEPT,
  /** The consumer must reject the request with 401 or 403. */
  REJECT,
  /**
   * Informational: the answer depends on the consumer's allowed clock skew, which the case measures
   * and reports instead of failing (a 60 s skew is the Nimbus and Spring Security default).
   */
  REPORT
}
