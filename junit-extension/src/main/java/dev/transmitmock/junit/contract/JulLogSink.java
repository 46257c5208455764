package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A {@link LogSink} over {@code java.util.logging}: a handler on the named loggers that keeps every
 * record (formatted message and stack trace) until closed. From {@link LogSink#julLoggers}.
 */
public final class JulLogSink implements LogSink, AutoCloseable {
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> savedLevels = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          String line = record.getLevel() + " " + formatter.formatMessage(record);
          synchronized (text) {
            text.append(record.getLoggerName()).append(' ').append(line).append('\n');
            if (record.getThrown() != null) {
              StringWriter trace = new StringWriter();
              record.getThrown().printStackTrace(new PrintWriter(trace));
              text.append(trace);
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  JulLogSink(String... loggerNames) {
    requireNonNull(loggerNames, "loggerNames must not be null");
    if (loggerNames.length == 0) {
      throw new IllegalArgumentException("name at least one logger, e.g. dev.transmitmock.client");
    }
    handler.setLevel(Level.ALL);
    for (String name : loggerNames) {
      Logger logger = Logger.getLogger(requireNonNull(name, "logger name must not be null"));
      loggers.add(logger); // held: JUL forgets loggers nobody references, and their levels
      savedLevels.add(logger.getLevel());
      logger.setLevel(Level.ALL);
      logger.addHandler(handler);
    }
  }

  @Override
  public String logged() {
    synchronized (text) {
      return text.toString();
    }
  }

  /** Removes the handler and restores the loggers' levels. */
  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).removeHandler(handler);
      loggers.get(i).setLevel(savedLevels.get(i));
    }
  }

  @Override
  public String toString() {
    return "JulLogSink" + loggers.stream().map(Logger::getName).toList();
  }
}
