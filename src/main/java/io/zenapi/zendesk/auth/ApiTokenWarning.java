package io.zenapi.zendesk.auth;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/** Logs, once per JVM, that API tokens stop working on 2027-04-30. */
final class ApiTokenWarning {
  static final String MESSAGE = "Zendesk API tokens are deprecated: no new ones since 2026-10-27, and every"
      + " remaining token is switched off on 2027-04-30. Move to OAuth: Credentials.oauthClientCredentials(...)"
      + " or Credentials.oauth(...).";
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private ApiTokenWarning() {}

  /** Lets a test see the warning again. */
  static void reset() {
    WARNED.set(false);
  }

  static void warnOnce() {
    if (WARNED.compareAndSet(false, true)) {
      System.getLogger("io.zenapi.zendesk").log(Level.WARNING, MESSAGE);
    }
  }
}
