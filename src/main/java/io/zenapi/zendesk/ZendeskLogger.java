package io.zenapi.zendesk;

import java.lang.System.Logger.Level;

/**
 * Where the client's log lines go, each with a level: {@link Level#DEBUG} for every HTTP attempt (method, redacted
 * URL, status, time taken, Zendesk's request id), {@link Level#INFO} for an expected wait (a 429 retried after
 * {@code Retry-After}, a rate-limit pacing wait, a job polled again, a safe update retried after a conflict, a new
 * OAuth access token), {@link Level#WARNING} for a retry after a failure (5xx, connection error) and for a retry
 * budget exhausted. A line never holds a header value, a body value or a secret.
 *
 * <p>The default, {@link #system()}, writes to the {@code System.Logger} named {@code io.zenapi.zendesk}, which
 * SLF4J and Log4j route to their own backends through their {@code System.Logger} bridges (see the README).
 */
@FunctionalInterface
public interface ZendeskLogger {
  /** The name of the {@code System.Logger} the default logger writes to. */
  String NAME = "io.zenapi.zendesk";

  /**
   * Logs one line.
   *
   * @param level how much it matters
   * @param line the line (no secrets)
   */
  void log(Level level, String line);

  /**
   * Whether a line at {@code level} would be kept: the client builds a line only when it would (each HTTP attempt's
   * DEBUG line redacts its URL). Every level, unless a logger says otherwise.
   *
   * @param level the level
   * @return whether such a line is kept
   */
  default boolean isLoggable(Level level) {
    return true;
  }

  /**
   * Every line, whatever its level, to {@code sink}: for callers that keep their own log of the client.
   *
   * @param sink receives each line
   * @return the logger
   */
  static ZendeskLogger lines(java.util.function.Consumer<String> sink) {
    java.util.Objects.requireNonNull(sink, "sink");
    return (level, line) -> sink.accept(line);
  }

  /**
   * The {@code System.Logger} named {@value #NAME}, each line at its own level; a line below the logger's level is
   * never handed over.
   *
   * @return the default logger
   */
  static ZendeskLogger system() {
    System.Logger logger = System.getLogger(NAME);
    return new ZendeskLogger() {
      @Override
      public void log(Level level, String line) {
        if (logger.isLoggable(level)) {
          logger.log(level, line);
        }
      }

      @Override
      public boolean isLoggable(Level level) {
        return logger.isLoggable(level);
      }
    };
  }
}
