package dev.transmitmock.junit.contract;

/**
 * Hands the {@link ClientContract} what the client under test logged, for the {@code
 * no-secret-in-logs} case (the kit reads {@code System.out} and {@code System.err} itself, which
 * covers Logback's console appender). Give one for log output that bypasses them: a file, a test
 * appender, Log4j 2's console appender without {@code follow="true"}, or {@code java.util.logging}
 * (whose console handler keeps the original {@code System.err}), the default back end of {@code
 * System.Logger}.
 *
 * <pre>{@code
 * ListAppender<ILoggingEvent> appender = ...;   // Logback, attached to the client's loggers
 * LogSink logback = () -> appender.list.stream()
 *     .map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
 *
 * try (JulLogSink jul = LogSink.julLoggers("dev.transmitmock.client")) {  // System.Logger, JUL
 *   ClientContract.builder(mock)....logSink(jul).build()...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LogSink {
  /** Everything the client logged so far, as text (messages with their parameters filled in). */
  String logged();

  /**
   * Captures every record, at every level down to {@code FINEST} ({@code System.Logger}'s {@code
   * TRACE}), of these {@code java.util.logging} loggers and their children until closed; closing
   * restores their levels.
   *
   * @param loggerNames e.g. {@code "dev.transmitmock.client"}
   */
  static JulLogSink julLoggers(String... loggerNames) {
    return new JulLogSink(loggerNames);
  }
}
